package dev.orchestra.inspector.memory;

import dev.orchestra.inspector.common.DocumentRow;
import dev.orchestra.inspector.common.Icons;
import dev.orchestra.inspector.common.Messages;
import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.inspector.common.ViewLoader;
import dev.orchestra.inspector.documents.DocumentTable;
import dev.orchestra.inspector.documents.DocumentTableFeature;
import dev.orchestra.inspector.documents.DocumentTables;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import org.controlsfx.glyphfont.FontAwesome;

/**
 * The memory items view: binds {@link MemoryItemsViewModel} to the document table declared in MemoryItems.fxml
 * (filters and columns there), adds the computed columns and the row's "open conversation" menu.
 */
public class MemoryItemsView extends DocumentTableFeature {
    private final MemoryItemsViewModel model;

    @FXML private DocumentTable root;
    @FXML private TextField userField;
    @FXML private TextField sessionField;
    @FXML private ComboBox<String> itemTypeBox;
    @FXML private TableColumn<DocumentRow, String> metadataColumn;
    @FXML private TableColumn<DocumentRow, Integer> embeddingColumn;

    public MemoryItemsView(MemoryItemsViewModel model, ViewLoader loader, Messages messages, StoreConnection store) {
        super(loader, messages, store);
        this.model = model;
    }

    @FXML
    private void initialize() {
        DocumentTables.bindFilter(userField, model.userField());
        DocumentTables.bindFilter(sessionField, model.sessionField());
        itemTypeBox.setItems(model.knownItemTypes());
        DocumentTables.bindFilter(itemTypeBox, model.itemTypeField());
        DocumentTables.column(metadataColumn, DocumentRow::metadataKeys);
        DocumentTables.column(embeddingColumn, DocumentRow::embeddingDimension);
        DocumentTables.alignRight(embeddingColumn);
        bindTable(model);
        // One menu for every row (it acts on the selected row): a menu built per row made each new row a popup
        // window, a menu item and an icon more to build.
        MenuItem conversation = new MenuItem(messages.get("memory.openConversation"),
                Icons.glyph(FontAwesome.Glyph.COMMENTS));
        conversation.setOnAction(e -> model.openConversation());
        ContextMenu rowMenu = new ContextMenu(conversation);
        root.table().setRowFactory(t -> {
            TableRow<DocumentRow> row = new TableRow<>();
            row.contextMenuProperty().bind(Bindings.when(row.emptyProperty())
                    .then((ContextMenu) null).otherwise(rowMenu));
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    openSelected();
                }
            });
            return row;
        });
    }

    @Override
    protected TextField firstFilter() {
        return userField;
    }

    @Override
    public DocumentTable root() {
        return root;
    }
}
