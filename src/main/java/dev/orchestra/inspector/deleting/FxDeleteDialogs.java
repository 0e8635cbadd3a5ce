package dev.orchestra.inspector.deleting;

import dev.orchestra.inspector.common.DialogService;
import dev.orchestra.inspector.common.FailureMessage;
import dev.orchestra.inspector.common.FxNotifications;
import dev.orchestra.inspector.common.FxWindows;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;

/** The delete flow's dialogs on the FX thread: a modal confirmation, a progress window, ControlsFX notifications. */
public final class FxDeleteDialogs implements DeleteDialogs {
    private final FxWindows windows;
    private final DialogService dialogs;
    private final Consumer<Stage> onOpened;
    private final FxNotifications notifications;

    public FxDeleteDialogs(FxWindows windows, DialogService dialogs, Consumer<Stage> onOpened) {
        this.windows = windows;
        this.dialogs = dialogs;
        this.onOpened = onOpened;
        this.notifications = new FxNotifications(windows::owner);
    }

    @Override
    public boolean confirm(DeleteConfirmationViewModel confirmation) {
        DeleteConfirmationView view = new DeleteConfirmationView(confirmation);
        var loaded = windows.loader().load(DeleteConfirmationView.class, "DeleteConfirmation.fxml", view);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(confirmation.title());
        DialogPane pane = dialog.getDialogPane();
        pane.setHeaderText(confirmation.title());
        pane.setContent(loaded.root());
        ButtonType delete = new ButtonType("Delete", ButtonBar.ButtonData.OK_DONE);
        pane.getButtonTypes().setAll(ButtonType.CANCEL, delete);
        pane.lookupButton(delete).disableProperty().bind(confirmation.confirmedProperty().not());
        pane.lookupButton(delete).getStyleClass().add("danger-button");
        pane.lookupButton(delete).setId("confirmDeleteButton");
        // Enter must never confirm a delete by accident: Cancel is the default.
        ((Button) pane.lookupButton(delete)).setDefaultButton(false);
        ((Button) pane.lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        if (windows.owner() != null) {
            dialog.initOwner(windows.owner());
            if (windows.owner().getScene() != null) {
                pane.getStylesheets().setAll(windows.owner().getScene().getStylesheets());
            }
        }
        dialog.setOnShown(e -> {
            if (confirmation.requiresTypedConfirmation()) {
                view.typedField().requestFocus();
            }
        });
        return dialog.showAndWait().filter(delete::equals).isPresent() && confirmation.confirmedProperty().get();
    }

    @Override
    public void showProgress(BulkDeleteViewModel bulk) {
        Stage[] holder = new Stage[1];
        BulkDeleteProgressView view = new BulkDeleteProgressView(bulk, () -> holder[0].close());
        var loaded = windows.loader().load(BulkDeleteProgressView.class, "BulkDeleteProgress.fxml", view);
        Stage stage = windows.stage("Deleting…", loaded.root(), true);
        stage.setOnCloseRequest(e -> {
            if (bulk.runningProperty().get()) {
                e.consume(); // closing would hide a running delete: cancel it instead
                bulk.cancel();
            }
        });
        holder[0] = stage;
        // Closed as soon as the outcome is known, before the flow shows its notification: a notification that
        // appears while this modal window still blocks the main window would not take the click on its Undo.
        bulk.outcomeProperty().addListener((obs, was, is) -> {
            if (is != null && !is.cancelled() && is.batchId() != null) {
                stage.close(); // finished normally: the notification says what happened
            }
        });
        stage.show();
        onOpened.accept(stage);
    }

    @Override
    public void showDeleted(String message, Runnable undo) {
        notifications.infoWithAction(message, "Undo", undo);
    }

    @Override
    public void showInfo(String message) {
        notifications.info(message);
    }

    @Override
    public void showWarning(String message) {
        notifications.warning(message);
    }

    @Override
    public void showError(String title, String message) {
        dialogs.showError(title, message);
    }

    @Override
    public void showError(String title, FailureMessage failure) {
        dialogs.showError(title, failure);
    }
}
