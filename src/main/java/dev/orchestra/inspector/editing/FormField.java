package dev.orchestra.inspector.editing;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One known field in the editor's form: its text and, when the text is not acceptable, why. */
public final class FormField {
    /** How the form edits the value. */
    public enum Kind { TEXT, LONG_TEXT, DATE }

    private final String name;
    private final Kind kind;
    private final boolean required;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");

    public FormField(String name, Kind kind, boolean required) {
        this.name = name;
        this.kind = kind;
        this.required = required;
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    public boolean required() {
        return required;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    void setError(String message) {
        error.set(message);
    }

    public boolean hasError() {
        return error.get() != null;
    }
}
