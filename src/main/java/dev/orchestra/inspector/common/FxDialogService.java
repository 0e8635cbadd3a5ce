package dev.orchestra.inspector.common;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Window;

/** Dialogs and clipboard on the FX thread; the owner window keeps dialogs centred and themed. */
public final class FxDialogService implements DialogService {
    private Window owner;

    public void setOwner(Window owner) {
        this.owner = owner;
    }

    @Override
    public void showError(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        prepare(alert, title);
        alert.showAndWait();
    }

    /** The technical text sits in the alert's expandable area ("Show Details"), selectable for copying. */
    @Override
    public void showError(String title, FailureMessage failure) {
        Alert alert = new Alert(Alert.AlertType.ERROR, failure.message(), ButtonType.OK);
        prepare(alert, title);
        if (failure.hasDetails()) {
            TextArea details = new TextArea(failure.details());
            details.setEditable(false);
            details.setWrapText(true);
            details.setPrefRowCount(8);
            alert.getDialogPane().setExpandableContent(details);
        }
        alert.showAndWait();
    }

    @Override
    public boolean confirm(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, ButtonType.OK, ButtonType.CANCEL);
        prepare(alert, title);
        return alert.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    private void prepare(Alert alert, String title) {
        alert.setTitle(title);
        alert.setHeaderText(title);
        if (owner != null) {
            alert.initOwner(owner);
            if (owner.getScene() != null) {
                alert.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
                alert.getDialogPane().getStyleClass().addAll(owner.getScene().getRoot().getStyleClass());
            }
        }
    }

    @Override
    public void copyToClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
