package dev.orchestra.inspector.common;

/** What ViewModels may ask of the desktop without touching Nodes (so they stay unit-testable). */
public interface DialogService {
    void showError(String title, String message);

    /** Asks a yes/no question; true when the user confirmed. */
    boolean confirm(String title, String message);

    void copyToClipboard(String text);
}
