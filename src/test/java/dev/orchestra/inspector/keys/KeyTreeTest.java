package dev.orchestra.inspector.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.storage.redis.keys.KeyInfo;
import dev.orchestra.storage.redis.keys.RedisKeyName;
import java.time.Duration;
import java.util.List;
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
