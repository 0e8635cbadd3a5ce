package dev.orchestra.inspector.transfer;

import dev.orchestra.inspector.common.CollectionNames;
import dev.orchestra.storage.model.CollectionRef;
import dev.orchestra.storage.transfer.ExportFormat;
import java.io.File;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** Binds an {@link ExportViewModel}; the native file chooser lives here (the ViewModel only takes a Path). */
public class ExportView {
    private final ExportViewModel model;
    private final Runnable closeWindow;

    @FXML private VBox root;
    @FXML private ComboBox<CollectionRef> collectionBox;
    @FXML private RadioButton allRadio;
    @FXML private RadioButton filteredRadio;
    @FXML private Label filterLabel;
    @FXML private RadioButton jsonlRadio;
    @FXML private RadioButton csvRadio;
    @FXML private TextField fileField;
    @FXML private Button browseButton;
    @FXML private ProgressBar progressBar;
    @FXML private Label messageLabel;
    @FXML private Button startButton;
    @FXML private Button cancelButton;
    @FXML private Button closeButton;

    public ExportView(ExportViewModel model, Runnable closeWindow) {
        this.model = model;
        this.closeWindow = closeWindow;
    }

    @FXML
    private void initialize() {
        collectionBox.getItems().setAll(model.collections());
        collectionBox.setConverter(new CollectionNames<>(CollectionRef::fromName));
        collectionBox.valueProperty().bindBidirectional(model.collectionProperty());

        filteredRadio.disableProperty().bind(model.hasFilterProperty().not());
        filteredRadio.setSelected(model.onlyFilteredProperty().get());
        allRadio.setSelected(!model.onlyFilteredProperty().get());
        filteredRadio.selectedProperty().bindBidirectional(model.onlyFilteredProperty());
        model.onlyFilteredProperty().addListener((obs, was, is) -> allRadio.setSelected(!is));
        filterLabel.textProperty().bind(model.filterDescriptionProperty());

        jsonlRadio.setSelected(model.formatProperty().get() == ExportFormat.JSONL);
        csvRadio.setSelected(model.formatProperty().get() == ExportFormat.CSV);
        jsonlRadio.selectedProperty().addListener((obs, was, is) -> {
            if (is) {
                model.formatProperty().set(ExportFormat.JSONL);
            }
        });
        csvRadio.selectedProperty().addListener((obs, was, is) -> {
            if (is) {
                model.formatProperty().set(ExportFormat.CSV);
            }
        });
        model.formatProperty().addListener((obs, was, is) -> {
            jsonlRadio.setSelected(is == ExportFormat.JSONL);
            csvRadio.setSelected(is == ExportFormat.CSV);
        });

        Bindings.bindBidirectional(fileField.textProperty(), model.outputProperty(), new PathText());

        var idle = model.runningProperty().not();
        collectionBox.disableProperty().bind(model.runningProperty());
        fileField.disableProperty().bind(model.runningProperty());
        browseButton.disableProperty().bind(model.runningProperty());
        startButton.disableProperty().bind(model.canStartProperty().not());
        cancelButton.disableProperty().bind(idle.or(model.cancellingProperty()));
        closeButton.disableProperty().bind(model.runningProperty());
        progressBar.progressProperty().bind(model.progressProperty());
        messageLabel.textProperty().bind(model.messageProperty());
        TransferViews.styleMessage(messageLabel, model.outcomeProperty());
    }

    @FXML
    private void browse() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export to");
        Path current = model.outputProperty().get();
        if (current != null && current.toAbsolutePath().getParent() != null
                && current.toAbsolutePath().getParent().toFile().isDirectory()) {
            chooser.setInitialDirectory(current.toAbsolutePath().getParent().toFile());
        }
        chooser.setInitialFileName(model.suggestedFileName());
        for (ExportFormat f : ExportFormat.values()) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(f.name(), "*." + f.extension()));
        }
        File chosen = chooser.showSaveDialog(root.getScene().getWindow());
        if (chosen != null) {
            model.outputProperty().set(chosen.toPath());
        }
    }

    @FXML
    private void start() {
        model.start();
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

    public TextField fileField() {
        return fileField;
    }
}
