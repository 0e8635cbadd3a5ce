package dev.orchestra.inspector.keys;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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
            children.setAll(itemsFor(getValue().children(), children));
        }
        return children;
    }

    /**
     * Items for {@code nodes}, keeping those of {@code shown}: nodes keep their order when others come or go, so
     * one walk through both finds them (a node gone from its group has no keys left).
     */
    static List<TreeItem<KeyTree.Node>> itemsFor(Collection<KeyTree.Node> nodes, List<TreeItem<KeyTree.Node>> shown) {
        List<TreeItem<KeyTree.Node>> items = new ArrayList<>(nodes.size());
        int next = 0;
        for (KeyTree.Node node : nodes) {
            while (next < shown.size() && shown.get(next).getValue() != node
                    && shown.get(next).getValue().keyCount() == 0) {
                next++; // removed from the tree
            }
            if (next < shown.size() && shown.get(next).getValue() == node) {
                items.add(shown.get(next++));
            } else {
                items.add(new KeyTreeItem(node));
            }
        }
        return items;
    }
}
