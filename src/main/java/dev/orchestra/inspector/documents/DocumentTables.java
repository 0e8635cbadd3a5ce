package dev.orchestra.inspector.documents;

import dev.orchestra.inspector.common.DocumentRow;
import dev.orchestra.inspector.common.FilterField;
import dev.orchestra.inspector.common.Icons;
import dev.orchestra.inspector.common.Messages;
import dev.orchestra.inspector.common.SecretDisplay;
import dev.orchestra.inspector.common.StoreConnection;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.bson.BsonValue;
import org.controlsfx.glyphfont.FontAwesome;

/** Wiring shared by the document tables (memory items, agent data): columns, flags, filter fields, placeholder. */
public final class DocumentTables {
    /** A cell showing a BSON null (theme.css: {@code .table-cell:value-null}, muted and italic). */
    public static final PseudoClass BSON_NULL = PseudoClass.getPseudoClass("value-null");

    private DocumentTables() {
    }

    /** A text column showing {@code field} (masked unless secrets are revealed). */
    public static TableColumn<DocumentRow, String> fieldColumn(TableColumn<DocumentRow, String> column, String field,
                                                             SecretDisplay secrets) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().text(field, secrets.isRevealed())));
        column.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                DocumentRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                BsonValue value = row == null ? null : row.document().get(field);
                // A BSON null is styled so it is never mistaken for the string "null". A pseudo-class, not a style
                // class: adding or removing a style class makes JavaFX match the cell against every selector again
                // (the most CSS work of a new page, where many cells change between null and not null).
                pseudoClassStateChanged(BSON_NULL, value != null && value.isNull());
            }
        });
        return column;
    }

    public static <T> void column(TableColumn<DocumentRow, T> column, Function<DocumentRow, T> value) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    }

    /** The flag column: a warning for schema issues, a lock for secret values; the tooltip says which. */
    public static void flagColumn(TableColumn<DocumentRow, DocumentRow> column) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setSortable(false);
        column.setCellFactory(col -> new FlagCell());
    }

    /**
     * A flag cell builds its icons and tooltip once, when it first shows a flagged row, and reuses them for every
     * row it shows after that (a new page gives the same cells new rows): no nodes or tooltips made per update.
     */
    private static final class FlagCell extends TableCell<DocumentRow, DocumentRow> {
        private HBox icons;
        private Node warning;
        private Node secret;
        private Tooltip tip;

        @Override
        protected void updateItem(DocumentRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null || (!row.hasIssues() && !row.isSensitive())) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            if (icons == null) {
                warning = Icons.glyph(FontAwesome.Glyph.EXCLAMATION_TRIANGLE, "flag-warning");
                secret = Icons.glyph(FontAwesome.Glyph.LOCK, "flag-secret");
                icons = new HBox(3, warning, secret);
                icons.setAlignment(Pos.CENTER);
                tip = new Tooltip();
                tip.setWrapText(true);
                tip.setMaxWidth(480);
            }
            show(warning, row.hasIssues());
            show(secret, row.isSensitive());
            tip.setText(row.flagDescription());
            setGraphic(icons);
            setTooltip(tip);
        }

        private static void show(Node node, boolean shown) {
            node.setVisible(shown);
            node.setManaged(shown);
        }
    }

    /** Shows "loading", the error, or "nothing matches" where the rows would be. */
    public static void placeholder(TableView<?> table, PagedDocumentsViewModel model, StoreConnection store,
                                   Messages messages) {
        Label label = new Label();
        label.getStyleClass().add("placeholder-text");
        label.setWrapText(true);
        label.textProperty().bind(Bindings.createStringBinding(() -> {
            if (store.stateProperty().get() == StoreConnection.State.CONNECTING) {
                return messages.get("table.connecting");
            }
            if (store.stateProperty().get() == StoreConnection.State.FAILED) {
                return messages.format("table.notConnected", store.errorProperty().get());
            }
            if (model.loadingProperty().get()) {
                return messages.get("table.loading");
            }
            if (model.errorProperty().get() != null) {
                return model.errorProperty().get();
            }
            if (model.emptyHintProperty().get() != null) {
                return model.emptyHintProperty().get();
            }
            return model.filterActiveProperty().get() ? messages.get("table.noMatch") : messages.get("table.empty");
        }, store.stateProperty(), store.errorProperty(), model.loadingProperty(), model.errorProperty(),
                model.filterActiveProperty(), model.emptyHintProperty()));
        table.setPlaceholder(label);
    }

    /** Keeps the table's selection and the ViewModel's in step, and redraws cells when secrets are revealed. */
    public static void bindSelection(TableView<DocumentRow> table, PagedDocumentsViewModel model) {
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, is) ->
                model.selectedRowProperty().set(is));
        // A row chosen elsewhere (a similar item opened from the detail pane) is selected and scrolled to.
        model.selectedRowProperty().addListener((obs, was, is) -> {
            if (is == null) {
                table.getSelectionModel().clearSelection();
            } else if (is != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().clearSelection();
                table.getSelectionModel().select(is);
                table.scrollTo(is);
            }
        });
        table.getSelectionModel().getSelectedItems().addListener(
                (ListChangeListener<DocumentRow>) c ->
                        model.selectedRows().setAll(table.getSelectionModel().getSelectedItems()));
        model.secrets().revealedProperty().addListener((obs, was, is) -> table.refresh());
        // Rows come sorted by the server (time, newest first) one page at a time; sorting a page locally would
        // suggest an order across pages that does not exist.
        table.getColumns().forEach(c -> c.setSortable(false));
        table.setItems(model.rows());
    }

    /** A text field bound to a filter field; a complaint turns it red and shows the reason as its tooltip. */
    public static void bindFilter(TextField field, FilterField model) {
        field.textProperty().bindBidirectional(model.textProperty());
        bindError(field, model);
        field.setOnAction(null);
    }

    public static void bindFilter(ComboBox<String> combo, FilterField model) {
        combo.getEditor().textProperty().bindBidirectional(model.textProperty());
        bindError(combo, model);
    }

    private static void bindError(Control control, FilterField model) {
        Tooltip normal = control.getTooltip();
        model.errorProperty().addListener((obs, was, is) -> {
            control.pseudoClassStateChanged(PseudoClass.getPseudoClass("invalid"), is != null);
            if (is != null) {
                Tooltip tip = new Tooltip(is);
                tip.getStyleClass().add("error-tooltip");
                control.setTooltip(tip);
            } else {
                control.setTooltip(normal);
            }
        });
    }

    /** Right-aligned numeric cells. */
    public static <T> void alignRight(TableColumn<DocumentRow, T> column) {
        column.setStyle("-fx-alignment: CENTER-RIGHT;");
    }
}
