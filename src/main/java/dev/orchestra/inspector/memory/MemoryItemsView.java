package dev.orchestra.inspector.memory;

import dev.orchestra.inspector.common.DocumentRow;
import dev.orchestra.inspector.documents.DocumentTables;
import dev.orchestra.inspector.common.FeatureView;
import dev.orchestra.inspector.common.Icons;
import dev.orchestra.inspector.common.Messages;
import dev.orchestra.inspector.documents.PagerControls;
import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.inspector.common.ViewLoader;
import dev.orchestra.inspector.detail.DocumentDetailView;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import org.controlsfx.glyphfont.FontAwesome;

/** The memory items view: binds {@link MemoryItemsViewModel}; no logic beyond wiring. */
public class MemoryItemsView implements FeatureView {
    private final MemoryItemsViewModel model;
    private final ViewLoader loader;
    private final Messages messages;
    private final StoreConnection store;
    private DocumentDetailView detailView;

    @FXML private BorderPane root;
    @FXML private FlowPane filterBar;
    @FXML private TextField userField;
    @FXML private TextField sessionField;
    @FXML private ComboBox<String> itemTypeBox;
    @FXML private TextField fromField;
    @FXML private TextField toField;
    @FXML private TextField textField;
    @FXML private Button applyButton;
    @FXML private Label errorBanner;
    @FXML private Label totalLabel;
    @FXML private TableView<DocumentRow> table;
    @FXML private TableColumn<DocumentRow, DocumentRow> flagColumn;
    @FXML private TableColumn<DocumentRow, String> timeColumn;
    @FXML private TableColumn<DocumentRow, String> userColumn;
    @FXML private TableColumn<DocumentRow, String> sessionColumn;
    @FXML private TableColumn<DocumentRow, String> typeColumn;
    @FXML private TableColumn<DocumentRow, String> personaColumn;
    @FXML private TableColumn<DocumentRow, String> textColumn;
    @FXML private TableColumn<DocumentRow, String> metadataColumn;
    @FXML private TableColumn<DocumentRow, Integer> embeddingColumn;
    @FXML private Button firstButton;
    @FXML private Button previousButton;
    @FXML private Button nextButton;
    @FXML private Label pageLabel;
    @FXML private ComboBox<Integer> pageSizeBox;
    @FXML private StackPane detailHolder;

    public MemoryItemsView(MemoryItemsViewModel model, ViewLoader loader, Messages messages, StoreConnection store) {
        this.model = model;
        this.loader = loader;
        this.messages = messages;
        this.store = store;
    }

    @FXML
    private void initialize() {
        DocumentTables.bindFilter(userField, model.userField());
        DocumentTables.bindFilter(sessionField, model.sessionField());
        itemTypeBox.setItems(model.knownItemTypes());
        DocumentTables.bindFilter(itemTypeBox, model.itemTypeField());
        DocumentTables.bindFilter(fromField, model.fromField());
        DocumentTables.bindFilter(toField, model.toField());
        DocumentTables.bindFilter(textField, model.textContainsField());
        fromField.setTooltip(new javafx.scene.control.Tooltip(messages.get("filter.time.tip")));
        toField.setTooltip(new javafx.scene.control.Tooltip(messages.get("filter.time.tip")));
        applyButton.setGraphic(Icons.glyph(FontAwesome.Glyph.SEARCH));
        PagerControls.applyOnEnter(filterBar, model);

        DocumentTables.flagColumn(flagColumn);
        DocumentTables.column(timeColumn, DocumentRow::timeText);
        DocumentTables.fieldColumn(userColumn, "user_id", model.secrets());
        DocumentTables.fieldColumn(sessionColumn, "session_id", model.secrets());
        DocumentTables.fieldColumn(typeColumn, "item_type", model.secrets());
        DocumentTables.fieldColumn(personaColumn, "persona_active", model.secrets());
        DocumentTables.fieldColumn(textColumn, "text_content", model.secrets());
        DocumentTables.column(metadataColumn, DocumentRow::metadataKeys);
        DocumentTables.column(embeddingColumn, DocumentRow::embeddingDimension);
        DocumentTables.alignRight(embeddingColumn);
        DocumentTables.bindSelection(table, model);
        DocumentTables.placeholder(table, model, store, messages);
        table.setRowFactory(t -> {
            TableRow<DocumentRow> row = new TableRow<>();
            MenuItem conversation = new MenuItem(messages.get("memory.openConversation"),
                    Icons.glyph(FontAwesome.Glyph.COMMENTS));
            conversation.setOnAction(e -> model.openConversation());
            row.contextMenuProperty().bind(javafx.beans.binding.Bindings.when(row.emptyProperty())
                    .then((ContextMenu) null).otherwise(new ContextMenu(conversation)));
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    openSelected();
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected();
                e.consume();
            }
        });

        PagerControls.bind(model, messages, firstButton, previousButton, nextButton, pageLabel, pageSizeBox,
                totalLabel);
        errorBanner.textProperty().bind(model.errorProperty());
        errorBanner.visibleProperty().bind(model.errorProperty().isNotNull());
        errorBanner.managedProperty().bind(errorBanner.visibleProperty());

        var detail = loader.load(DocumentDetailView.class, "DocumentDetail.fxml",
                new DocumentDetailView(model.detail(), messages));
        detailView = detail.controller();
        detailHolder.getChildren().setAll(detail.root());
    }

    @FXML
    private void applyFilter() {
        model.applyFilter();
    }

    @FXML
    private void clearFilter() {
        model.clearFilter();
    }

    @Override
    public void focusFilter() {
        userField.requestFocus();
        userField.selectAll();
    }

    @Override
    public void refresh() {
        model.refresh();
    }

    /** Enter: the whole document in the detail pane, focused for reading. */
    @Override
    public void openSelected() {
        if (model.selectedRowProperty().get() != null) {
            detailView.tabs().requestFocus();
        }
    }

    @Override
    public void cancelLoad() {
        model.cancel();
    }

    public BorderPane root() {
        return root;
    }

    public TableView<DocumentRow> table() {
        return table;
    }

    /** The detail pane, for the editing feature to add its tab and actions. */
    public DocumentDetailView detailView() {
        return detailView;
    }
}
