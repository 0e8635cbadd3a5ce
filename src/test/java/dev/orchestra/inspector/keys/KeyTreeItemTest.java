package dev.orchestra.inspector.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.storage.redis.keys.KeyInfo;
import dev.orchestra.storage.redis.keys.RedisKeyName;
import java.util.List;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.Test;

/** Tree items follow their nodes page after page, keeping the items (so what is open) of the nodes that stay. */
class KeyTreeItemTest {
    private static KeyInfo key(String name) {
        return new KeyInfo(RedisKeyName.of(name), "string", -1, 1, "embstr", -1, "n:1");
    }

    @Test
    void aPageInsertsItemsInOrderAndKeepsTheOpenOnes() {
        KeyTree tree = new KeyTree();
        tree.addAll(List.of(key("app:user-2:a"), key("app:user-10:a"), key("app:user-1:a")));
        KeyTreeItem root = KeyTreeItem.rootOf(tree.root());
        TreeItem<KeyTree.Node> app = root.getChildren().get(0);
        assertThat(app.isExpanded()).isTrue(); // the only group, opened
        List<TreeItem<KeyTree.Node>> before = List.copyOf(app.getChildren());
        assertThat(segments(before)).containsExactly("user-1:", "user-2:", "user-10:");
        before.get(1).setExpanded(true);
        assertThat(segments(before.get(1).getChildren())).containsExactly("a");

        tree.addAll(List.of(key("app:user-3:a"), key("app:user-0:a"), key("app:user-2:b"), key("app:user-11:a")));
        KeyTreeItem.syncOpen(root);

        List<TreeItem<KeyTree.Node>> after = List.copyOf(app.getChildren());
        assertThat(segments(after)).containsExactly("user-0:", "user-1:", "user-2:", "user-3:", "user-10:",
                "user-11:");
        assertThat(after.get(1)).isSameAs(before.get(0));
        assertThat(after.get(2)).isSameAs(before.get(1));
        assertThat(after.get(4)).isSameAs(before.get(2));
        assertThat(after.get(2).isExpanded()).isTrue();
        assertThat(segments(after.get(2).getChildren())).containsExactly("a", "b");
        assertThat(after.get(3).getParent()).isSameAs(app);
    }

    @Test
    void aRemovedKeyTakesItsItemAwayAndTheOthersStay() {
        KeyTree tree = new KeyTree();
        tree.addAll(List.of(key("g:1"), key("g:2"), key("g:3")));
        KeyTreeItem root = KeyTreeItem.rootOf(tree.root());
        TreeItem<KeyTree.Node> group = root.getChildren().get(0);
        List<TreeItem<KeyTree.Node>> before = List.copyOf(group.getChildren());

        tree.remove(RedisKeyName.of("g:2"));
        tree.addAll(List.of(key("g:0")));
        KeyTreeItem.syncOpen(root);

        assertThat(segments(group.getChildren())).containsExactly("0", "1", "3");
        assertThat(group.getChildren().get(1)).isSameAs(before.get(0));
        assertThat(group.getChildren().get(2)).isSameAs(before.get(2));
    }

    private static List<String> segments(List<TreeItem<KeyTree.Node>> items) {
        return items.stream().map(item -> item.getValue().segment()).toList();
    }
}
