package dev.orchestra.inspector.common;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** App-wide: whether secret-looking values are shown (off at start, in every view), and how they are found. */
public final class SecretDisplay {
    private final SecretMasker masker;
    private final BooleanProperty revealed = new SimpleBooleanProperty(this, "revealed", false);

    public SecretDisplay(SecretMasker masker) {
        this.masker = masker;
    }

    public SecretMasker masker() {
        return masker;
    }

    public BooleanProperty revealedProperty() {
        return revealed;
    }

    public boolean isRevealed() {
        return revealed.get();
    }
}
