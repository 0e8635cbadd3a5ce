package dev.orchestra.inspector.documents;

import dev.orchestra.inspector.common.DocumentRow;
import dev.orchestra.inspector.common.Icons;
import dev.orchestra.inspector.common.Messages;
import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.inspector.common.ViewLoader;
import dev.orchestra.inspector.detail.DocumentDetailView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
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

/**
 * One page of a collection's documents: a header with the total, a filter bar, the table, a pager and the detail
 * pane, bound to a {@link PagedDocumentsViewModel}. A feature declares it in its FXML with its own filter fields
 * ({@code <filters>}, shown before the time and text filters every table has) and columns ({@code <columns>},
 * shown after the flag and time columns; {@link FieldColumn}s are filled here), then calls {@link #bind}.
 */
public class DocumentTable extends BorderPane {
    private final ObservableList<Node> filters = FXCollections.observableArrayList();
    private PagedDocumentsViewModel model;
    private ViewLoader loader;
    private Messages messages;
    private DocumentDetailView detailView;
    private final List<Consumer<DocumentDetailView>> detailExtensions = new ArrayList<>();

    @FXML private Label titleLabel;
    @FXML private Label subtitleLabel;
    @FXML private Label totalLabel;
    @FXML private FlowPane filterBar;
    @FXML private Label errorBanner;
    @FXML private TableView<DocumentRow> table;
    @FXML private TableColumn<DocumentRow, DocumentRow> flagColumn;
    @FXML private TableColumn<DocumentRow, String> timeColumn;
    @FXML private Button firstButton;
    @FXML private Button previousButton;
    @FXML private Label pageLabel;
    @FXML private Button nextButton;
    @FXML private Label pageSizeLabel;
    @FXML private ComboBox<Integer> pageSizeBox;
    @FXML private StackPane detailHolder;
    private final TextField fromField = filterField("fromField", 9);
    private final TextField toField = filterField("toField", 9);
    private final TextField textField = filterField("textField", 12);
    private final Button applyButton = new Button();
    private final Button clearButton = new Button();

    public DocumentTable() {
        FXMLLoader loader = new FXMLLoader(DocumentTable.class.getResource("DocumentTable.fxml"));
        loader.setRoot(this);
        loader.setController(this);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the document table", e);
        }
        applyButton.setId("applyButton");
        applyButton.getStyleClass().add("accent-button");
        clearButton.setId("clearButton");
        filters.addListener((ListChangeListener<Node>) c -> layOutFilters());
        layOutFilters();
    }

    private static TextField filterField(String id, int columns) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(columns);
        return field;
    }

    private void layOutFilters() {
        List<Node> bar = new ArrayList<>(filters);
        bar.addAll(List.of(fromField, toField, textField, applyButton, clearButton));
        filterBar.getChildren().setAll(bar);
    }

    /** Wires everything to {@code model}; call once, from the feature view's {@code initialize}. */
    public void bind(PagedDocumentsViewModel model, Messages messages, StoreConnection store, ViewLoader loader) {
        this.model = model;
        DocumentTables.bindFilter(fromField, model.fromField());
        DocumentTables.bindFilter(toField, model.toField());
        DocumentTables.bindFilter(textField, model.textContainsField());
        fromField.setPromptText(messages.get("filter.from"));
        toField.setPromptText(messages.get("filter.to"));
        fromField.setTooltip(new Tooltip(messages.get("filter.time.tip")));
        toField.setTooltip(new Tooltip(messages.get("filter.time.tip")));
        applyButton.setText(messages.get("filter.apply"));
        applyButton.setGraphic(Icons.glyph(FontAwesome.Glyph.SEARCH));
        applyButton.setOnAction(e -> model.applyFilter());
        clearButton.setText(messages.get("filter.clear"));
        clearButton.setOnAction(e -> model.clearFilter());
        PagerControls.applyOnEnter(filterBar, model);

        DocumentTables.flagColumn(flagColumn);
        timeColumn.setText(messages.get("col.time"));
        DocumentTables.column(timeColumn, DocumentRow::timeText);
        table.getColumns().stream().filter(FieldColumn.class::isInstance).map(FieldColumn.class::cast)
                .forEach(c -> DocumentTables.fieldColumn(c, c.getField(), model.secrets()));
        DocumentTables.bindSelection(table, model);
        DocumentTables.placeholder(table, model, store, messages);
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected();
                e.consume();
            }
        });

        previousButton.setText(messages.get("pager.previous"));
        nextButton.setText(messages.get("pager.next"));
        pageSizeLabel.setText(messages.get("pager.size"));
        PagerControls.bind(model, messages, firstButton, previousButton, nextButton, pageLabel, pageSizeBox,
                totalLabel);
        errorBanner.textProperty().bind(model.errorProperty());
        errorBanner.visibleProperty().bind(model.errorProperty().isNotNull());
        errorBanner.managedProperty().bind(errorBanner.visibleProperty());

        this.loader = loader;
        this.messages = messages;
        showDetailPlaceholder();
    }

    /**
     * Until the detail pane is first needed it is one label: its tabs, JSON area and tree are ~150 nodes whose
     * loading and first CSS pass were a tenth of the window's start-up (BENCHMARKS.md, "gui launch").
     */
    private void showDetailPlaceholder() {
        Label empty = new Label(messages.get("detail.empty"));
        empty.getStyleClass().add("placeholder-text");
        empty.setWrapText(true);
        StackPane pane = new StackPane(empty);
        pane.getStyleClass().addAll("detail-pane", "placeholder");
        detailHolder.getChildren().setAll(pane);
        var detail = model.detail();
        detail.documentIdProperty().addListener((obs, was, is) -> detailView());
        detail.loadingProperty().addListener((obs, was, is) -> detailView());
        detail.errorProperty().addListener((obs, was, is) -> detailView());
    }

    /**
     * Runs {@code extension} on the detail pane (an action, a tab) once it is built: now if it is, else when it first
     * shows something.
     */
    public void whenDetailBuilt(Consumer<DocumentDetailView> extension) {
        if (detailView != null) {
            extension.accept(detailView);
        } else {
            detailExtensions.add(extension);
        }
    }

    /** Enter: the whole document in the detail pane, focused for reading. */
    public void openSelected() {
        if (model.selectedRowProperty().get() != null) {
            detailView().tabs().requestFocus();
        }
    }

    /** The feature's own filter fields, before the time and text filters. */
    public ObservableList<Node> getFilters() {
        return filters;
    }

    /** The feature's columns, after the flag and time columns. */
    public ObservableList<TableColumn<DocumentRow, ?>> getColumns() {
        return table.getColumns();
    }

    public String getTitle() {
        return titleLabel.getText();
    }

    public void setTitle(String title) {
        titleLabel.setText(title);
    }

    /** The collection's name under the title. */
    public String getSubtitle() {
        return subtitleLabel.getText();
    }

    public void setSubtitle(String subtitle) {
        subtitleLabel.setText(subtitle);
    }

    /** The prompt of the text filter (what "contains" searches). */
    public String getTextFilterPrompt() {
        return textField.getPromptText();
    }

    public void setTextFilterPrompt(String prompt) {
        textField.setPromptText(prompt);
    }

    public PagedDocumentsViewModel model() {
        return model;
    }

    public TableView<DocumentRow> table() {
        return table;
    }

    /** The detail pane, built now if it was not yet (extensions should use {@link #whenDetailBuilt}). */
    public DocumentDetailView detailView() {
        if (detailView == null) {
            var detail = loader.load(DocumentDetailView.class, "DocumentDetail.fxml",
                    new DocumentDetailView(model.detail(), messages));
            detailView = detail.controller();
            detailHolder.getChildren().setAll(detail.root());
            detailExtensions.forEach(extension -> extension.accept(detailView));
            detailExtensions.clear();
        }
        return detailView;
    }
}
