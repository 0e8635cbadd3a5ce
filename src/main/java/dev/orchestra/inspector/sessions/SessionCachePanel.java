package dev.orchestra.inspector.sessions;

import dev.orchestra.inspector.common.Icons;
import dev.orchestra.storage.redis.CacheKeyView;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.glyphfont.FontAwesome;

/** The Cache tab of the sessions view: the session's Redis keys and the selected key's value. Binds only. */
public final class SessionCachePanel {
    private final VBox root = new VBox();
    private final TableView<CacheKeyView> table = new TableView<>();
    private final TextArea value = new TextArea();

    public SessionCachePanel(SessionCacheViewModel model) {
        Label title = new Label("Redis keys of this session");
        title.getStyleClass().add("detail-title");
        Label note = new Label("read-only");
        note.getStyleClass().add("muted");
        Label loading = new Label("Loading…"); // still: a spinner repaints the window every frame while it shows
        loading.getStyleClass().add("loading-label");
        loading.visibleProperty().bind(model.loadingProperty());
        Button refresh = new Button("Refresh", Icons.glyph(FontAwesome.Glyph.REFRESH));
        refresh.setId("cacheRefreshButton");
        refresh.setTooltip(new Tooltip("Read the keys again (type, TTL, size, value)"));
        refresh.setOnAction(e -> model.refresh());
        VBox titles = new VBox(title, note);
        HBox.setHgrow(titles, Priority.ALWAYS);
        HBox header = new HBox(8, titles, loading, refresh);
        header.getStyleClass().add("transcript-header");
        header.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.setId("cacheMessage");
        message.setWrapText(true);
        message.getStyleClass().add("muted");
        message.setStyle("-fx-padding: 4 10 4 10;");
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotNull());
        message.managedProperty().bind(message.visibleProperty());

        table.setId("cacheTable");
        table.getStyleClass().add("document-table");
        table.setItems(model.keys());
        table.getColumns().add(column("Key", 330, CacheKeyView::key));
        table.getColumns().add(column("Type", 100, SessionCacheViewModel::kind));
        table.getColumns().add(column("Class", 70, model::coherence));
        table.getColumns().add(column("TTL", 80, SessionCacheViewModel::ttl));
        table.getColumns().add(column("Size", 80, SessionCacheViewModel::shortSize));
        // on a cluster each key lives on the master of its slot
        table.getColumns().add(column("Node", 130, key -> key.node() == null ? "" : key.node()));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setFixedCellSize(26);
        table.setPrefHeight(26 * 4 + 30);
        table.setMinHeight(26 * 2 + 30);
        table.setPlaceholder(new Label("No keys read yet"));
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, is) -> {
            if (is != null) {
                model.selectedKeyProperty().set(is);
            }
        });
        model.selectedKeyProperty().addListener((obs, was, is) -> {
            if (is != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(is);
            }
        });

        value.setId("cacheValue");
        value.setEditable(false);
        value.setWrapText(false);
        value.getStyleClass().add("json-area");
        value.textProperty().bind(Bindings.createStringBinding(
                () -> SessionCacheViewModel.valueText(model.selectedKeyProperty().get()),
                model.selectedKeyProperty()));

        SplitPane split = new SplitPane(table, value);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.28);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getChildren().addAll(header, message, split);
        root.setId("cachePanel");
    }

    private static TableColumn<CacheKeyView, String> column(String title, double width,
                                                             Function<CacheKeyView, String> text) {
        TableColumn<CacheKeyView, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(text.apply(c.getValue())));
        column.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null ? null : new Tooltip(item)); // long keys are cut off
            }
        });
        return column;
    }

    public VBox root() {
        return root;
    }

    public TableView<CacheKeyView> table() {
        return table;
    }

    public TextArea value() {
        return value;
    }
}
