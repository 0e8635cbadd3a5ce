package dev.orchestra.inspector.indexes;

import dev.orchestra.inspector.common.CollectionNames;
import dev.orchestra.inspector.common.FeatureView;
import dev.orchestra.inspector.common.Messages;
import dev.orchestra.storage.indexes.CollectionIndexes;
import dev.orchestra.storage.indexes.IndexRow;
import dev.orchestra.storage.indexes.IndexStatus;
import dev.orchestra.storage.model.StoreCollection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/** Binds {@link IndexesViewModel}: one table per collection, missing and conflicting rows highlighted. */
public class IndexesView implements FeatureView {
    private static final double ROW_HEIGHT = 26;

    private final IndexesViewModel model;
    private final Messages messages;
    private final List<TableView<IndexRow>> tables = new ArrayList<>();

    @FXML private BorderPane root;
    @FXML private Label errorBanner;
    @FXML private Label summaryLabel;
    @FXML private Label resultLabel;
    @FXML private VBox collectionsBox;
    @FXML private Button createSelectedButton;
    @FXML private Button createAllButton;
    @FXML private ChoiceBox<StoreCollection> ttlCollectionChoice;
    @FXML private Button ttlButton;

    public IndexesView(IndexesViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        errorBanner.textProperty().bind(model.errorProperty());
        errorBanner.visibleProperty().bind(model.errorProperty().isNotNull());
        errorBanner.managedProperty().bind(errorBanner.visibleProperty());
        summaryLabel.textProperty().bind(model.summaryProperty());
        resultLabel.textProperty().bind(model.lastResultProperty());
        createSelectedButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !IndexesViewModel.creatable(model.selectedProperty().get()), model.selectedProperty()));
        createAllButton.disableProperty().bind(model.anyMissingProperty().not());
        ttlCollectionChoice.getItems().setAll(IndexesViewModel.TTL_COLLECTIONS);
        ttlCollectionChoice.setConverter(new CollectionNames<>(StoreCollection::fromName));
        ttlCollectionChoice.valueProperty().bindBidirectional(model.ttlCollectionProperty());
        ttlButton.disableProperty().bind(model.applicableProperty().not());
        model.collections().addListener((ListChangeListener<CollectionIndexes>) c -> rebuild());
        rebuild();
    }

    private void rebuild() {
        tables.clear();
        List<Node> nodes = new ArrayList<>();
        for (CollectionIndexes collection : model.collections()) {
            Label title = new Label(messages.format("indexes.documents", collection.collection().collectionName(),
                    collection.documentCount(), collection.exists() ? "" : messages.get("indexes.absent")));
            title.getStyleClass().add("section-title");
            TableView<IndexRow> table = table(collection.rows());
            nodes.add(new VBox(4, title, table));
        }
        collectionsBox.getChildren().setAll(nodes);
    }

    private TableView<IndexRow> table(List<IndexRow> rows) {
        TableView<IndexRow> table = new TableView<>();
        table.getStyleClass().add("index-table");
        table.setPlaceholder(new Label(messages.get("indexes.none")));
        table.getColumns().setAll(List.of(
                column("indexes.name", 170, IndexRow::name),
                column("indexes.keys", 380, r -> r.keys().toJson()),
                column("indexes.options", 150, r -> r.options().isEmpty() ? "" : r.options().toJson()),
                column("indexes.size", 90, IndexesView::size),
                column("indexes.status", 110, r -> r.status().name()),
                column("indexes.note", 320, IndexRow::note)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_LAST_COLUMN);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(IndexRow row, boolean empty) {
                super.updateItem(row, empty);
                for (IndexStatus s : IndexStatus.values()) {
                    getStyleClass().remove(styleClass(s));
                }
                if (!empty && row != null) {
                    getStyleClass().add(styleClass(row.status()));
                }
                // the note explains a conflict and is often longer than its column
                setTooltip(empty || row == null || row.note().isEmpty() ? null : new Tooltip(row.note()));
            }
        });
        table.getItems().setAll(rows);
        table.setFixedCellSize(ROW_HEIGHT);
        table.setPrefHeight(ROW_HEIGHT * (Math.max(rows.size(), 1) + 1.6));
        table.setMinHeight(table.getPrefHeight());
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, is) -> {
            if (is != null) {
                tables.stream().filter(other -> other != table).forEach(other -> other.getSelectionModel()
                        .clearSelection());
                model.selectedProperty().set(is);
            }
        });
        tables.add(table);
        return table;
    }

    static String styleClass(IndexStatus status) {
        return "index-" + status.name().toLowerCase(Locale.ROOT);
    }

    private static String size(IndexRow row) {
        if (row.sizeBytes().isEmpty()) {
            return "—";
        }
        long bytes = row.sizeBytes().getAsLong();
        return bytes < 1024 ? bytes + " B" : bytes < 1024 * 1024 ? String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0)
                : String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }

    private TableColumn<IndexRow, String> column(String key, double width, Function<IndexRow, String> value) {
        TableColumn<IndexRow, String> column = new TableColumn<>(messages.get(key));
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }

    @FXML
    private void createSelected() {
        model.createSelected();
    }

    @FXML
    private void createAll() {
        model.createAllMissing();
    }

    @FXML
    private void createTtl() {
        model.createExpirationTtl();
    }

    @FXML
    @Override
    public void refresh() {
        model.load();
    }

    @Override
    public void setShowing(boolean showing) {
        model.setShowing(showing);
    }

    @Override
    public void focusFilter() {
        // no filter in this view
    }

    @Override
    public void openSelected() {
        // nothing to open
    }

    @Override
    public void cancelLoad() {
        // listing indexes is a few short commands
    }

    public BorderPane root() {
        return root;
    }

    /** The tables, one per collection, in order (for UI tests). */
    public List<TableView<IndexRow>> tables() {
        return List.copyOf(tables);
    }
}
