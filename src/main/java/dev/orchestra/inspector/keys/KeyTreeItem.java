package dev.orchestra.inspector.keys;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;

/**
 * A tree item over a {@link KeyTree.Node} whose children are made the first time they are asked for (a closed group
 * of 50,000 keys costs nothing) and made again only when the node's children changed, keeping the items (and so
 * what is open) of the groups that were there before. A page of new keys therefore touches only the open groups
 * that gained a child.
 */
final class KeyTreeItem extends TreeItem<KeyTree.Node> {
    private boolean built;
    private long synced;

    KeyTreeItem(KeyTree.Node node) {
        super(node);
    }

    /** A root over {@code root} with each group that is its parent's only child open. */
    static KeyTreeItem rootOf(KeyTree.Node root) {
        KeyTreeItem item = new KeyTreeItem(root);
        item.setExpanded(true);
        openSingleGroups(item);
        return item;
    }

    /** Opens each group that is its parent's only child, down from {@code item}. */
    static void openSingleGroups(TreeItem<KeyTree.Node> item) {
        ObservableList<TreeItem<KeyTree.Node>> children = item.getChildren();
        if (children.size() == 1 && children.get(0).getValue().isGroup()) {
            children.get(0).setExpanded(true);
            openSingleGroups(children.get(0));
        }
    }

    /** Brings the open part of the tree up to date with the nodes (after a page of keys was added). */
    static void syncOpen(TreeItem<KeyTree.Node> item) {
        for (TreeItem<KeyTree.Node> child : item.getChildren()) {
            if (child.isExpanded()) {
                syncOpen(child);
            }
        }
    }

    /** Whether this item shows no children yet (without bringing them up to date). */
    boolean showsNoChildren() {
        return super.getChildren().isEmpty();
    }

    @Override
    public boolean isLeaf() {
        return !getValue().isGroup();
    }

    @Override
    public ObservableList<TreeItem<KeyTree.Node>> getChildren() {
        ObservableList<TreeItem<KeyTree.Node>> children = super.getChildren();
        if (!built || synced != getValue().childrenVersion()) {
            built = true;
            synced = getValue().childrenVersion();
            Map<KeyTree.Node, TreeItem<KeyTree.Node>> existing = new HashMap<>();
            children.forEach(child -> existing.put(child.getValue(), child));
            List<TreeItem<KeyTree.Node>> now = new ArrayList<>();
            for (KeyTree.Node node : getValue().children()) {
                TreeItem<KeyTree.Node> item = existing.get(node);
                now.add(item != null ? item : new KeyTreeItem(node));
            }
            children.setAll(now);
        }
        return children;
    }
}
