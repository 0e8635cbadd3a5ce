package dev.orchestra.inspector.deleting;

import dev.orchestra.inspector.common.FailureMessage;

/** What the delete flow asks of the desktop (dialogs, a progress window, notifications); no Nodes in the flow. */
public interface DeleteDialogs {
    /** Shows what will go and waits for the answer; true when confirmed (typed phrase included). */
    boolean confirm(DeleteConfirmationViewModel confirmation);

    /** Shows the running delete with its progress and a Cancel button; closes itself when it ends. */
    void showProgress(BulkDeleteViewModel bulk);

    /** A notification with an "Undo" action that runs {@code undo}. */
    void showDeleted(String message, Runnable undo);

    void showInfo(String message);

    /** A warning notification: something was done, but not everything it should have. */
    void showWarning(String message);

    void showError(String title, String message);

    /** One plain sentence, with the technical text behind a details expander where there is one. */
    default void showError(String title, FailureMessage failure) {
        showError(title, failure.message());
    }
}
