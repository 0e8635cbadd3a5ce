package dev.orchestra.inspector.keys;

import java.util.HashSet;
import java.util.Set;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;

/** A tree item whose children are made the first time they are asked for: a group of 50,000 keys costs nothing closed. */
final class KeyTreeItem extends TreeItem<KeyTree.Node> {
    private boolean built;

    KeyTreeItem(KeyTree.Node node) {
        super(node);
    }

    /** A root over {@code root}: the groups in {@code expanded} open, and each group that is its parent's only child. */
    static KeyTreeItem rootOf(KeyTree.Node root, Set<String> expanded) {
        KeyTreeItem item = new KeyTreeItem(root);
        item.setExpanded(true);
        expand(item, expanded);
        return item;
    }

    /** The paths of the open groups under {@code root} (null: none). */
    static Set<String> expandedPaths(TreeItem<KeyTree.Node> root) {
        Set<String> expanded = new HashSet<>();
        if (root != null) {
            collectExpanded(root, expanded);
        }
        return expanded;
    }

    private static void collectExpanded(TreeItem<KeyTree.Node> item, Set<String> expanded) {
        if (!item.isExpanded() || (item instanceof KeyTreeItem lazy && !lazy.built)) {
            return;
        }
        expanded.add(item.getValue().path());
        item.getChildren().forEach(child -> collectExpanded(child, expanded));
    }

    private static void expand(TreeItem<KeyTree.Node> item, Set<String> expanded) {
        ObservableList<TreeItem<KeyTree.Node>> children = item.getChildren();
        for (TreeItem<KeyTree.Node> child : children) {
            if (child.getValue().isGroup() && (expanded.contains(child.getValue().path()) || children.size() == 1)) {
                child.setExpanded(true);
                expand(child, expanded);
            }
        }
    }

    @Override
    public boolean isLeaf() {
        return !getValue().isGroup();
    }

    @Override
    public ObservableList<TreeItem<KeyTree.Node>> getChildren() {
        if (!built) {
            built = true;
            super.getChildren().setAll(getValue().children().stream().map(KeyTreeItem::new).toList());
        }
        return super.getChildren();
    }
}
