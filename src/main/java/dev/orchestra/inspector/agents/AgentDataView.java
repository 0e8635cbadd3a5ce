package dev.orchestra.inspector.agents;

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
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import org.controlsfx.glyphfont.FontAwesome;

/** The agent data view: binds {@link AgentDataViewModel}. */
public class AgentDataView implements FeatureView {
    private final AgentDataViewModel model;
    private final ViewLoader loader;
    private final Messages messages;
    private final StoreConnection store;
    private DocumentDetailView detailView;

    @FXML private BorderPane root;
    @FXML private FlowPane filterBar;
    @FXML private TextField agentField;
    @FXML private TextField dataTypeField;
    @FXML private TextField fromField;
    @FXML private TextField toField;
    @FXML private TextField textField;
    @FXML private Button applyButton;
    @FXML private Label errorBanner;
    @FXML private Label totalLabel;
    @FXML private TableView<DocumentRow> table;
    @FXML private TableColumn<DocumentRow, DocumentRow> flagColumn;
    @FXML private TableColumn<DocumentRow, String> timeColumn;
    @FXML private TableColumn<DocumentRow, String> agentColumn;
    @FXML private TableColumn<DocumentRow, String> dataTypeColumn;
    @FXML private TableColumn<DocumentRow, String> contentColumn;
    @FXML private TableColumn<DocumentRow, String> metadataColumn;
    @FXML private Button firstButton;
    @FXML private Button previousButton;
    @FXML private Button nextButton;
    @FXML private Label pageLabel;
    @FXML private ComboBox<Integer> pageSizeBox;
    @FXML private StackPane detailHolder;

    public AgentDataView(AgentDataViewModel model, ViewLoader loader, Messages messages, StoreConnection store) {
        this.model = model;
        this.loader = loader;
        this.messages = messages;
        this.store = store;
    }

    @FXML
    private void initialize() {
        DocumentTables.bindFilter(agentField, model.agentField());
        DocumentTables.bindFilter(dataTypeField, model.dataTypeField());
        DocumentTables.bindFilter(fromField, model.fromField());
        DocumentTables.bindFilter(toField, model.toField());
        DocumentTables.bindFilter(textField, model.textContainsField());
        fromField.setTooltip(new Tooltip(messages.get("filter.time.tip")));
        toField.setTooltip(new Tooltip(messages.get("filter.time.tip")));
        applyButton.setGraphic(Icons.glyph(FontAwesome.Glyph.SEARCH));
        PagerControls.applyOnEnter(filterBar, model);

        DocumentTables.flagColumn(flagColumn);
        DocumentTables.column(timeColumn, DocumentRow::timeText);
        DocumentTables.fieldColumn(agentColumn, "agent_id", model.secrets());
        DocumentTables.fieldColumn(dataTypeColumn, "data_type", model.secrets());
        DocumentTables.fieldColumn(contentColumn, "content", model.secrets());
        DocumentTables.column(metadataColumn, DocumentRow::metadataKeys);
        DocumentTables.bindSelection(table, model);
        DocumentTables.placeholder(table, model, store, messages);
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
        agentField.requestFocus();
        agentField.selectAll();
    }

    @Override
    public void refresh() {
        model.refresh();
    }

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

    public DocumentDetailView detailView() {
        return detailView;
    }
}
