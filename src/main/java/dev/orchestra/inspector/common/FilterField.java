package dev.orchestra.inspector.common;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One input of a filter bar: what the user typed and, when it cannot be used, why (shown on the field). */
public final class FilterField {
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");

    public FilterField() {
        // Typing again clears the complaint; the next Enter checks afresh.
        text.addListener((obs, was, is) -> error.set(null));
    }

    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The trimmed text, or null when blank. */
    public String value() {
        String t = text.get();
        return t == null || t.isBlank() ? null : t.strip();
    }

    public void setError(String message) {
        error.set(message);
    }

    public boolean hasError() {
        return error.get() != null;
    }

    public void clear() {
        text.set("");
        error.set(null);
    }
}
