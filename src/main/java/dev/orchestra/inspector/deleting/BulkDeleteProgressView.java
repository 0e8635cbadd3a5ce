package dev.orchestra.inspector.deleting;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;

/** Binds a {@link BulkDeleteViewModel}: progress bar, message, Cancel while running and Close afterwards. */
public class BulkDeleteProgressView {
    private final BulkDeleteViewModel model;
    private final Runnable closeWindow;

    @FXML private VBox root;
    @FXML private Label titleLabel;
    @FXML private ProgressBar progressBar;
    @FXML private Label messageLabel;
    @FXML private Button cancelButton;
    @FXML private Button closeButton;

    public BulkDeleteProgressView(BulkDeleteViewModel model, Runnable closeWindow) {
        this.model = model;
        this.closeWindow = closeWindow;
    }

    @FXML
    private void initialize() {
        titleLabel.setText(model.title());
        progressBar.progressProperty().bind(model.progressProperty());
        messageLabel.textProperty().bind(model.messageProperty());
        cancelButton.disableProperty().bind(model.runningProperty().not().or(model.cancellingProperty()));
        closeButton.disableProperty().bind(model.runningProperty());
    }

    @FXML
    private void cancel() {
        model.cancel();
    }

    @FXML
    private void close() {
        closeWindow.run();
    }

    public VBox root() {
        return root;
    }
}
