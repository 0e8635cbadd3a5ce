package dev.orchestra.inspector.transfer;

import dev.orchestra.inspector.common.CollectionNames;
import dev.orchestra.inspector.common.Messages;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.transfer.LineError;
import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** Binds an {@link ImportViewModel}; the native file chooser lives here (the ViewModel only takes a Path). */
public class ImportView {
    private final ImportViewModel model;
    private final Messages messages;
    private final Runnable closeWindow;

    @FXML private VBox root;
    @FXML private Label readOnlyLabel;
    @FXML private ComboBox<StoreCollection> collectionBox;
    @FXML private TextField fileField;
    @FXML private CheckBox asIsBox;
    @FXML private Button browseButton;
    @FXML private ListView<LineError> problemList;
    @FXML private ProgressBar progressBar;
    @FXML private Label messageLabel;
    @FXML private Button checkButton;
    @FXML private Button importButton;
    @FXML private Button cancelButton;
    @FXML private Button closeButton;

    public ImportView(ImportViewModel model, Messages messages, Runnable closeWindow) {
        this.model = model;
        this.messages = messages;
        this.closeWindow = closeWindow;
    }

    @FXML
    private void initialize() {
        collectionBox.getItems().setAll(model.collections());
        collectionBox.setConverter(new CollectionNames<>(StoreCollection::fromName));
        collectionBox.valueProperty().bindBidirectional(model.collectionProperty());
        asIsBox.selectedProperty().bindBidirectional(model.asIsProperty());
        Bindings.bindBidirectional(fileField.textProperty(), model.fileProperty(), new PathText());
        readOnlyLabel.visibleProperty().bind(model.readOnlyProperty());
        readOnlyLabel.managedProperty().bind(readOnlyLabel.visibleProperty());

        problemList.setItems(model.problemsProperty());
        problemList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(LineError error, boolean empty) {
                super.updateItem(error, empty);
                setText(empty || error == null ? null : error.toString());
            }
        });
        Label placeholder = new Label();
        placeholder.getStyleClass().add("transfer-hint");
        placeholder.textProperty().bind(Bindings.when(model.checkedProperty().isNull())
                .then(messages.get("transfer.import.notChecked")).otherwise(messages.get("transfer.import.noProblems")));
        problemList.setPlaceholder(placeholder);

        var running = model.runningProperty();
        collectionBox.disableProperty().bind(running);
        fileField.disableProperty().bind(running);
        asIsBox.disableProperty().bind(running);
        browseButton.disableProperty().bind(running);
        checkButton.disableProperty().bind(model.canCheckProperty().not());
        importButton.disableProperty().bind(model.canImportProperty().not());
        importButton.textProperty().bind(Bindings.createStringBinding(() -> model.checkedProperty().get() == null
                ? messages.get("transfer.import.start")
                : String.format("2. Import %,d valid %s", model.checkedProperty().get().validLines(),
                        model.checkedProperty().get().validLines() == 1 ? "line" : "lines"), model.checkedProperty()));
        checkButton.defaultButtonProperty().bind(model.checkedProperty().isNull());
        importButton.defaultButtonProperty().bind(model.canImportProperty());
        cancelButton.disableProperty().bind(running.not().or(model.cancellingProperty()));
        closeButton.disableProperty().bind(running);
        progressBar.progressProperty().bind(model.progressProperty());
        messageLabel.textProperty().bind(model.messageProperty());
        TransferViews.styleMessage(messageLabel, model.outcomeProperty());
    }

    @FXML
    private void browse() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import from");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("JSON lines", "*.jsonl", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File chosen = chooser.showOpenDialog(root.getScene().getWindow());
        if (chosen != null) {
            model.fileProperty().set(chosen.toPath());
        }
    }

    @FXML
    private void check() {
        model.check();
    }

    @FXML
    private void importValid() {
        model.importValidLines();
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
