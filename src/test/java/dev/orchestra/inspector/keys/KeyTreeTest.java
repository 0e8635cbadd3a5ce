package dev.orchestra.inspector.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.storage.redis.keys.KeyInfo;
import dev.orchestra.storage.redis.keys.RedisKeyName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyTreeTest {
    private static KeyInfo key(String name, long memory) {
        return new KeyInfo(RedisKeyName.of(name), "string", -1, memory, "embstr", -1, "n:1");
    }

    @Test
    void keysAreGroupedByTheirSeparatorsWithCountsAndMemory() {
        KeyTree tree = new KeyTree();
        tree.add(key("app:history:u1:s1", 100));
        tree.add(key("app:history:u1:s2", 50));
        tree.add(key("app:history:u1", 10));
        tree.add(key("app:session:u1:s1", 5));
        tree.add(key("plain", 1));

        assertThat(tree.root().keyCount()).isEqualTo(5);
        assertThat(tree.root().children()).extracting(KeyTree.Node::segment).containsExactly("app:", "plain");
        KeyTree.Node app = tree.root().children().iterator().next();
        assertThat(app.memoryBytes()).isEqualTo(165);
        KeyTree.Node history = app.children().iterator().next();
        assertThat(history.path()).isEqualTo("app:history:");
        KeyTree.Node u1Group = history.children().stream().filter(n -> n.segment().equals("u1:")).findFirst()
                .orElseThrow();
        assertThat(u1Group.keyCount()).isEqualTo(2);
        assertThat(u1Group.isGroup()).isTrue();
        assertThat(history.children().stream().filter(n -> n.segment().equals("u1")).findFirst().orElseThrow().key())
                .isNotNull();
    }

    @Test
    void addingAKeyAgainReplacesItAndRemovingDropsEmptyGroups() {
        KeyTree tree = new KeyTree();
        tree.add(key("a:b:c", 10));
        tree.add(key("a:b:c", 30));
        assertThat(tree.root().keyCount()).isEqualTo(1);
        assertThat(tree.root().memoryBytes()).isEqualTo(30);

        tree.add(key("a:d", 1));
        tree.remove(RedisKeyName.of("a:b:c"));
        assertThat(tree.root().keyCount()).isEqualTo(1);
        KeyTree.Node a = tree.root().children().iterator().next();
        assertThat(a.children()).extracting(KeyTree.Node::segment).containsExactly("d");
        tree.remove(RedisKeyName.of("no:such"));
        assertThat(tree.root().keyCount()).isEqualTo(1);
    }

    @Test
    void groupsAreInNaturalOrder() {
        KeyTree tree = new KeyTree();
        for (String name : List.of("u10:a", "u2:a", "u1:a", "b", "u02:x")) {
            tree.add(key(name, 1));
        }
        assertThat(tree.root().children()).extracting(KeyTree.Node::segment)
                .containsExactly("b", "u1:", "u02:", "u2:", "u10:");
    }

    @Test
    void pagesMergeTheirNewChildrenInOrderWithCountsAndMemory() {
        KeyTree tree = new KeyTree();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            names.add("app:history:user-" + i % 300 + ":session-" + i);
        }
        Collections.shuffle(names, new Random(16));
        int added = 0;
        for (int from = 0; from < names.size(); from += 200) {
            List<KeyInfo> page = new ArrayList<>();
            for (String name : names.subList(from, from + 200)) {
                page.add(key(name, 2));
            }
            page.add(key(names.get(from), 3)); // SCAN may return a key twice, even within a page
            List<KeyInfo> fresh = tree.addAll(page);
            assertThat(fresh).hasSize(200).extracting(k -> k.name().text())
                    .containsExactlyElementsOf(names.subList(from, from + 200));
            added += fresh.size();
            assertThat(tree.root().memoryBytes()).isEqualTo(added * 2L + 1); // the key seen twice replaced: 3
            assertThat(tree.addAll(page.subList(0, 5))).isEmpty(); // and back to 2
            assertThat(tree.root().keyCount()).isEqualTo(added);
        }

        KeyTree.Node history = only(only(tree.root()));
        assertThat(history.path()).isEqualTo("app:history:");
        List<String> users = history.children().stream().map(KeyTree.Node::segment).toList();
        List<String> sorted = new ArrayList<>(users);
        sorted.sort(KeyTree::naturalOrder);
        assertThat(users).hasSize(300).isEqualTo(sorted).startsWith("user-0:", "user-1:", "user-2:");
        assertThat(history.memoryBytes()).isEqualTo(names.size() * 2L);
        KeyTree.Node user7 = history.children().stream().filter(n -> n.segment().equals("user-7:")).findFirst()
                .orElseThrow();
        assertThat(user7.keyCount()).isEqualTo(10);
        assertThat(user7.children()).extracting(KeyTree.Node::segment).containsExactly("session-7", "session-307",
                "session-607", "session-907", "session-1207", "session-1507", "session-1807", "session-2107",
                "session-2407", "session-2707");
        assertThat(tree.contains(RedisKeyName.of("app:history:user-7:session-1207"))).isTrue();
        assertThat(tree.contains(RedisKeyName.of("app:history:user-7:session-1208"))).isFalse();
    }

    @Test
    void removingAChildKeepsTheOthersInOrder() {
        KeyTree tree = new KeyTree();
        tree.addAll(List.of(key("g:3", 1), key("g:1", 1), key("g:2", 1), key("g:10", 1)));
        long version = only(tree.root()).childrenVersion();
        tree.remove(RedisKeyName.of("g:2"));
        KeyTree.Node group = only(tree.root());
        assertThat(group.children()).extracting(KeyTree.Node::segment).containsExactly("1", "3", "10");
        assertThat(group.childrenVersion()).isNotEqualTo(version);
        tree.addAll(List.of(key("g:2", 1), key("g:0", 1)));
        assertThat(group.children()).extracting(KeyTree.Node::segment).containsExactly("0", "1", "2", "3", "10");
        assertThat(group.keyCount()).isEqualTo(5);
    }

    @Test
    void naturalOrderComparesNumbersAsNumbersAndTiesAsText() {
        assertThat(KeyTree.naturalOrder("user-2", "user-10")).isNegative();
        assertThat(KeyTree.naturalOrder("user-10", "user-2")).isPositive();
        assertThat(KeyTree.naturalOrder("a01", "a1")).isNegative();
        assertThat(KeyTree.naturalOrder("a1", "a1")).isZero();
        assertThat(KeyTree.naturalOrder("a", "a:")).isNegative();
        assertThat(KeyTree.naturalOrder("b", "a10")).isPositive();
    }

    private static KeyTree.Node only(KeyTree.Node node) {
        assertThat(node.children()).hasSize(1);
        return node.children().iterator().next();
    }

    @Test
    void ttlsAreReadAsTypedAndWrittenForPeople() {
        assertThat(KeyFormat.parseTtl("90")).contains(Duration.ofSeconds(90));
        assertThat(KeyFormat.parseTtl(" 15m ")).contains(Duration.ofMinutes(15));
        assertThat(KeyFormat.parseTtl("2H")).contains(Duration.ofHours(2));
        assertThat(KeyFormat.parseTtl("7d")).contains(Duration.ofDays(7));
        for (String bad : List.of("", "0", "-5", "1.5h", "soon", "10y")) {
            assertThat(KeyFormat.parseTtl(bad)).as(bad).isEmpty();
        }
        assertThat(KeyFormat.ttl(-1)).isEqualTo("no expiry");
        assertThat(KeyFormat.ttl(59_001)).isEqualTo("1 min 0 s");
        assertThat(KeyFormat.ttl(90_000_000)).isEqualTo("1 d 1 h");
        assertThat(KeyFormat.bytes(2048)).isEqualTo("2.0 KiB");
    }
}
