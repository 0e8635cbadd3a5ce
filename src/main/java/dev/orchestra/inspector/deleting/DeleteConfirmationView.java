package dev.orchestra.inspector.deleting;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** Binds a {@link DeleteConfirmationViewModel}: count, sample, and the typed confirmation when one is needed. */
public class DeleteConfirmationView {
    private final DeleteConfirmationViewModel model;

    @FXML private VBox root;
    @FXML private Label countLabel;
    @FXML private ListView<String> sampleList;
    @FXML private Label moreLabel;
    @FXML private VBox typedBox;
    @FXML private Label typingPrompt;
    @FXML private TextField typedField;

    public DeleteConfirmationView(DeleteConfirmationViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        countLabel.setText(model.countText());
        sampleList.getItems().setAll(model.sampleLines());
        moreLabel.setText(model.moreThanSample() > 0 ? "… and " + model.moreThanSample() + " more" : "");
        typedBox.setVisible(model.requiresTypedConfirmation());
        typedBox.setManaged(model.requiresTypedConfirmation());
        typingPrompt.setText(model.typingPrompt());
        typedField.textProperty().bindBidirectional(model.typedProperty());
    }

    public VBox root() {
        return root;
    }

    public TextField typedField() {
        return typedField;
    }
}
