package dev.orchestra.inspector.detail;

import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableRow;

/** A tree value cell styled by its node's {@link BsonNode.Look}: nulls muted, reinterpreted values flagged. */
final class BsonValueCell extends TreeTableCell<BsonNode, String> {
    private static final String NULL_STYLE = "value-null";
    private static final String FLAGGED_STYLE = "value-flagged";

    @Override
    protected void updateItem(String text, boolean empty) {
        super.updateItem(text, empty);
        getStyleClass().removeAll(NULL_STYLE, FLAGGED_STYLE);
        TreeTableRow<BsonNode> row = getTableRow();
        BsonNode node = empty || row == null || row.getTreeItem() == null ? null : row.getTreeItem().getValue();
        setText(empty ? null : text);
        if (node != null && node.look() == BsonNode.Look.NULL) {
            getStyleClass().add(NULL_STYLE);
        } else if (node != null && node.look() == BsonNode.Look.FLAGGED) {
            getStyleClass().add(FLAGGED_STYLE);
        }
    }
}
