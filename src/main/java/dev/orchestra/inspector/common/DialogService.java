package dev.orchestra.inspector.common;

/** What ViewModels may ask of the desktop without touching Nodes (so they stay unit-testable). */
public interface DialogService {
    void showError(String title, String message);

    /**
     * A failure: its plain sentence, with the technical text in an expander when it has one. Services that cannot
     * expand show the sentence only.
     */
    default void showError(String title, FailureMessage failure) {
        showError(title, failure.message());
    }

    /** Asks a yes/no question; true when the user confirmed. */
    boolean confirm(String title, String message);

    void copyToClipboard(String text);
}
