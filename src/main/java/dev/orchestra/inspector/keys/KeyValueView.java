package dev.orchestra.inspector.keys;

import dev.orchestra.inspector.common.Messages;
import dev.orchestra.inspector.common.ViewLoader;
import dev.orchestra.inspector.detail.DocumentDetailView;
import dev.orchestra.storage.redis.keys.ValueElement;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Binds the selected key's pane: {@link KeyValueViewModel} (facts, value pages, element) and {@link KeyActionsViewModel}. */
public class KeyValueView {
    private final KeyValueViewModel value;
    private final KeyActionsViewModel actions;
    private final ViewLoader loader;
    private final Messages messages;

    @FXML private VBox root;
    @FXML private Label keyNameLabel;
    @FXML private Label keySummaryLabel;
    @FXML private Button keyDeleteButton;
    @FXML private TextField ttlField;
    @FXML private Button ttlButton;
    @FXML private Button persistButton;
    @FXML private Label actionResultLabel;
    @FXML private Label valueMessageLabel;
    @FXML private Label valueLoadingIndicator;
    @FXML private Button valueMoreButton;
    @FXML private TableView<ValueElement> elementTable;
    @FXML private TableColumn<ValueElement, String> positionColumn;
    @FXML private TableColumn<ValueElement, String> elementNameColumn;
    @FXML private TableColumn<ValueElement, String> elementValueColumn;
    @FXML private StackPane elementHolder;
    @FXML private TextArea elementTextArea;

    public KeyValueView(KeyValueViewModel value, KeyActionsViewModel actions, ViewLoader loader, Messages messages) {
        this.value = value;
        this.actions = actions;
        this.loader = loader;
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        keyNameLabel.textProperty().bind(Bindings.createStringBinding(() -> value.keyProperty().get() == null
                ? messages.get("keys.noSelection") : value.keyProperty().get().name().text(), value.keyProperty()));
        keySummaryLabel.textProperty().bind(value.summaryProperty());
        var noKey = value.keyProperty().isNull().or(actions.command().runningProperty());
        keyDeleteButton.disableProperty().bind(noKey);
        ttlButton.disableProperty().bind(noKey);
        persistButton.disableProperty().bind(noKey);
        ttlField.disableProperty().bind(noKey);
        ttlField.textProperty().bindBidirectional(actions.ttlInputProperty());
        actionResultLabel.textProperty().bind(actions.resultProperty());
        valueMessageLabel.textProperty().bind(value.messageProperty());
        valueLoadingIndicator.visibleProperty().bind(value.loadingProperty());
        valueMoreButton.disableProperty().bind(value.hasMoreProperty().not());
        elementTable.setItems(value.elements());
        positionColumn.setCellValueFactory(c -> text(c.getValue().position()));
        elementNameColumn.setCellValueFactory(c -> text(c.getValue().name()));
        elementValueColumn.setCellValueFactory(c -> text(c.getValue().value().summary()));
        elementTable.setPlaceholder(new Label(""));
        elementTable.getSelectionModel().selectedItemProperty().addListener((obs, was, is) ->
                value.selectedElementProperty().set(is));
        value.selectedElementProperty().addListener((obs, was, is) -> {
            if (is != null && elementTable.getSelectionModel().getSelectedItem() != is) {
                elementTable.getSelectionModel().select(is);
            }
        });
        var detail = loader.load(DocumentDetailView.class, "DocumentDetail.fxml",
                new DocumentDetailView(value.detail(), messages));
        elementHolder.getChildren().add(detail.root());
        detail.root().visibleProperty().bind(value.detail().documentProperty().isNotNull());
        elementTextArea.textProperty().bind(value.elementTextProperty());
        elementTextArea.visibleProperty().bind(value.elementTextProperty().isNotNull());
    }

    private static ReadOnlyStringWrapper text(String text) {
        return new ReadOnlyStringWrapper(text == null ? "" : text);
    }

    @FXML
    private void loadMoreValue() {
        value.loadMore();
    }

    @FXML
    private void deleteKey() {
        actions.delete();
    }

    @FXML
    private void setTtl() {
        actions.expire();
    }

    @FXML
    private void persist() {
        actions.persist();
    }

    public VBox root() {
        return root;
    }

    public TableView<ValueElement> elementTable() {
        return elementTable;
    }
}
