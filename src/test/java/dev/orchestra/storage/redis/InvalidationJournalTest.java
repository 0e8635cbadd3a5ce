package dev.orchestra.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvalidationJournalTest {
    private final InvalidationJournal journal = new InvalidationJournal(3, List.of("p:history:", "p:session:"));
    private final List<String> deleted = new ArrayList<>();

    /** Deletes keys; each prefix needs two SCAN steps (cursor "7", then "0"). */
    private final InvalidationJournal.KeyDeleter deleter = new InvalidationJournal.KeyDeleter() {
        @Override
        public boolean delete(String key) {
            deleted.add(key);
            return true;
        }

        @Override
        public String deleteStartingWith(String literalPrefix, String cursor) {
            deleted.add(literalPrefix + "*@" + cursor);
            return "0".equals(cursor) ? "7" : "0";
        }
    };

    @Test
    void pendingKeysAndPrefixesAreCoveredUntilDrained() {
        journal.addKey("p:history:u:s");
        journal.addPrefix("p:history:v:");

        assertThat(journal.covers("p:history:u:s")).isTrue();
        assertThat(journal.covers("p:history:v:s9")).isTrue();
        assertThat(journal.covers("p:history:u")).isFalse();
        assertThat(journal.size()).isEqualTo(2);

        assertThat(journal.drain(deleter, 10)).isTrue();
        assertThat(deleted).containsExactly("p:history:u:s", "p:history:v:*@0", "p:history:v:*@7");
        assertThat(journal.covers("p:history:u:s")).isFalse();
        assertThat(journal.isEmpty()).isTrue();
    }

    @Test
    void aBoundedScanKeepsItsCursorForTheNextDrain() {
        journal.addPrefix("p:history:v:");

        assertThat(journal.drain(deleter, 1)).isFalse();
        assertThat(journal.covers("p:history:v:x")).isTrue();
        assertThat(journal.drain(deleter, 1)).isTrue();
        assertThat(deleted).containsExactly("p:history:v:*@0", "p:history:v:*@7");
    }

    @Test
    void whatOneDownServerCannotDeleteStaysWhileTheRestIsDrained() {
        journal.addKey("p:history:on-down-master");
        journal.addKey("p:history:on-live-master");
        journal.addPrefix("p:session:u:");
        var partlyDown = new InvalidationJournal.KeyDeleter() {
            @Override
            public boolean delete(String key) {
                return !key.contains("down");
            }

            @Override
            public String deleteStartingWith(String literalPrefix, String cursor) {
                return "0".equals(cursor) ? "m2 0" : null; // the first master done, the second one down
            }
        };

        assertThat(journal.drain(partlyDown, 10)).isFalse();
        assertThat(journal.covers("p:history:on-down-master")).isTrue();
        assertThat(journal.covers("p:history:on-live-master")).isFalse();
        assertThat(journal.covers("p:session:u:s")).as("the prefix stays until every master is done").isTrue();

        assertThat(journal.drain(deleter, 10)).isTrue();
        assertThat(deleted).containsExactly("p:history:on-down-master", "p:session:u:*@m2 0");
    }

    @Test
    void aKeyFailingAgainDuringADrainStaysPending() {
        journal.addKey("p:history:a");
        var reFailing = new InvalidationJournal.KeyDeleter() {
            @Override
            public boolean delete(String key) {
                journal.addKey(key); // another writer's deletion of the same key failed meanwhile
                return true;
            }

            @Override
            public String deleteStartingWith(String literalPrefix, String cursor) {
                return "0";
            }
        };

        assertThat(journal.drain(reFailing, 10)).isFalse();
        assertThat(journal.covers("p:history:a")).isTrue();
    }

    @Test
    void tooManyKeysCollapseIntoTheNamespacePrefixes() {
        journal.addKey("p:history:a");
        journal.addKey("p:history:b");
        journal.addKey("p:history:c");
        journal.addKey("p:session:d:e");

        assertThat(journal.size()).isEqualTo(2);
        assertThat(journal.covers("p:history:anything")).isTrue();
        assertThat(journal.covers("p:session:x:y")).isTrue();
        assertThat(journal.covers("p:other")).isFalse();
    }
}
