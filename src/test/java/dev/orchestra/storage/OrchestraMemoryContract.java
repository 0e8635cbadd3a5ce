package dev.orchestra.storage;

import static dev.orchestra.storage.ContractFixtures.T0;
import static dev.orchestra.storage.ContractFixtures.item;
import static dev.orchestra.storage.ContractFixtures.memoryDoc;
import static dev.orchestra.storage.ContractFixtures.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.storage.error.StorageOperationException;
import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.model.AgentData;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.ScoredMemoryItem;
import dev.orchestra.storage.model.StoreCollection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.data.Offset;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/**
 * What every store must do for Orchestra's services ({@link OrchestraMemory}). Run by each store's contract test
 * through {@link MemoryManagerContract}, which supplies a fresh, empty, initialized manager per test.
 */
public interface OrchestraMemoryContract {
    MemoryManager manager();

    // ---- Orchestra's operations -------------------------------------------------------------------------------

    @Test
    default void addMemoryItemFillsIdAndTimestampAndReadsBack() {
        Instant before = Instant.now().minusSeconds(1);
        BsonValue id = manager().addMemoryItem(MemoryItem.of("u1", "s1", "conversation", "hello"));

        assertThat(id.isString()).isTrue();
        MemoryItem stored = manager().getMemoryItem(id).orElseThrow();
        assertThat(stored.userId()).isEqualTo("u1");
        assertThat(stored.sessionId()).isEqualTo("s1");
        assertThat(stored.textContent()).isEqualTo("hello");
        assertThat(stored.timestamp()).isAfter(before);
        assertThat(stored.metadata()).isEqualTo(new BsonDocument());
    }

    @Test
    default void addMemoryItemKeepsGivenIdOfAnyType() {
        ObjectId oid = new ObjectId();
        BsonValue id = manager().addMemoryItem(MemoryItem.of("u1", null, "note", "x").withId(new BsonObjectId(oid)));

        assertThat(id).isEqualTo(new BsonObjectId(oid));
        assertThat(manager().getMemoryItem(new BsonObjectId(oid))).isPresent();
        assertThat(manager().getMemoryItem(new BsonString(oid.toHexString()))).isEmpty();
    }

    @Test
    default void getMemoryItemOfUnknownIdIsEmpty() {
        assertThat(manager().getMemoryItem(new BsonString("nope"))).isEmpty();
    }

    @Test
    default void insertingAnExistingIdFails() {
        manager().insert(StoreCollection.MEMORY_ITEMS, memoryDoc("dup", "u", "s", T0, "note", "a"));

        assertThatThrownBy(() -> manager().insert(StoreCollection.MEMORY_ITEMS,
                memoryDoc("dup", "u", "s", T0, "note", "b")))
                .isInstanceOf(StorageOperationException.class);
        assertThat(manager().findById(StoreCollection.MEMORY_ITEMS, new BsonString("dup")).orElseThrow()
                .getString("text_content").getValue()).isEqualTo("a");
    }

    @Test
    default void historyIsChronologicalAndKeepsTheNewestWithinLimit() {
        for (int i = 0; i < 6; i++) {
            manager().addMemoryItem(item("u1", "s1", "conversation", "m" + i, T0.plusSeconds(i)));
        }
        manager().addMemoryItem(item("u1", "s2", "conversation", "other session", T0.plusSeconds(100)));
        manager().addMemoryItem(item("u2", "s1", "conversation", "other user", T0.plusSeconds(100)));

        List<MemoryItem> history = manager().getConversationHistory("u1", "s1", 4, null);

        assertThat(history).extracting(MemoryItem::textContent).containsExactly("m2", "m3", "m4", "m5");
        assertThat(manager().getConversationHistory("u1", null, 100, null)).hasSize(7);
    }

    @Test
    default void historyAppliesFilters() {
        manager().addMemoryItem(item("u1", "s1", "conversation", "chat", T0));
        manager().addMemoryItem(item("u1", "s1", "summary", "sum", T0.plusSeconds(1)));
        manager().addMemoryItem(item("u1", "s1", "conversation", "late chat", T0.plusSeconds(3600)));

        var onlyChat = DocumentFilter.none().withItemType("conversation");
        assertThat(manager().getConversationHistory("u1", "s1", 10, onlyChat))
                .extracting(MemoryItem::textContent).containsExactly("chat", "late chat");
        var early = DocumentFilter.none().withTimeRange(T0, T0.plusSeconds(60));
        assertThat(manager().getConversationHistory("u1", "s1", 10, early))
                .extracting(MemoryItem::textContent).containsExactly("chat", "sum");
    }

    @Test
    default void historyRejectsMissingUserAndBadLimit() {
        assertThatThrownBy(() -> manager().getConversationHistory(null, null, 5, null))
                .isInstanceOf(StorageValidationException.class);
        assertThatThrownBy(() -> manager().getConversationHistory("u", null, 0, null))
                .isInstanceOf(StorageValidationException.class);
    }

    @Test
    default void semanticSearchRanksByCosineAndSkipsOtherDimensions() {
        manager().addMemoryItem(item("u1", "s", "note", "same", T0).withEmbedding(vector(1, 0, 0)));
        manager().addMemoryItem(item("u1", "s", "note", "close", T0).withEmbedding(vector(1, 1, 0)));
        manager().addMemoryItem(item("u1", "s", "note", "opposite", T0).withEmbedding(vector(-1, 0, 0)));
        manager().addMemoryItem(item("u1", "s", "note", "two dims", T0).withEmbedding(vector(1, 0)));
        manager().addMemoryItem(item("u1", "s", "note", "no embedding", T0));
        manager().addMemoryItem(item("u2", "s", "note", "other user", T0).withEmbedding(vector(1, 0, 0)));

        List<ScoredMemoryItem> hits = manager().semanticSearch("u1", vector(2, 0, 0), null, 10);

        assertThat(hits).extracting(h -> h.item().textContent()).containsExactly("same", "close", "opposite");
        assertThat(hits.get(0).score()).isCloseTo(1.0, Offset.offset(1e-9));
        assertThat(hits.get(1).score()).isCloseTo(Math.sqrt(0.5), Offset.offset(1e-9));
        assertThat(hits.get(2).score()).isCloseTo(-1.0, Offset.offset(1e-9));
        assertThat(manager().semanticSearch("u1", vector(1, 0, 0), null, 1)).hasSize(1);
    }

    @Test
    default void semanticSearchFiltersByPersonaAndRejectsBadQueries() {
        manager().addMemoryItem(item("u1", "s", "note", "coach", T0).withEmbedding(vector(1, 0)).withPersona("coach"));
        manager().addMemoryItem(item("u1", "s", "note", "tutor", T0).withEmbedding(vector(1, 0)).withPersona("tutor"));

        assertThat(manager().semanticSearch("u1", vector(1, 0), "tutor", 5))
                .extracting(h -> h.item().textContent()).containsExactly("tutor");
        assertThatThrownBy(() -> manager().semanticSearch("u1", vector(Double.NaN, 0), null, 5))
                .isInstanceOf(StorageValidationException.class);
        assertThatThrownBy(() -> manager().semanticSearch("u1", List.of(), null, 5))
                .isInstanceOf(StorageValidationException.class);
    }

    @Test
    default void agentDataKeepsContentOfAnyType() {
        BsonValue docId = manager().addRawAgentData(AgentData.of("planner", "plan",
                new BsonDocument("steps", new BsonArray(List.of(new BsonString("a"), new BsonString("b"))))));
        BsonValue strId = manager().addRawAgentData(AgentData.of("planner", "note", new BsonString("plain")));
        BsonValue arrId = manager().addRawAgentData(AgentData.of("tool", "result",
                new BsonArray(List.of(new BsonInt32(1), new BsonDouble(2.5)))));

        assertThat(manager().findById(StoreCollection.AGENT_DATA, docId).orElseThrow().get("content").isDocument())
                .isTrue();
        assertThat(manager().findById(StoreCollection.AGENT_DATA, strId).orElseThrow().get("content"))
                .isEqualTo(new BsonString("plain"));
        assertThat(manager().findById(StoreCollection.AGENT_DATA, arrId).orElseThrow().get("content"))
                .isEqualTo(new BsonArray(List.of(new BsonInt32(1), new BsonDouble(2.5))));
        assertThat(manager().findById(StoreCollection.AGENT_DATA, arrId).orElseThrow().get("timestamp").isDateTime())
                .isTrue();
    }

    @Test
    default void checkDuplicateMatchesUserAndExactText() {
        manager().addMemoryItem(item("u1", "s", "conversation", "Hello there", T0));

        assertThat(manager().checkDuplicate("u1", "Hello there")).isTrue();
        assertThat(manager().checkDuplicate("u1", "hello there")).isFalse();
        assertThat(manager().checkDuplicate("u2", "Hello there")).isFalse();
    }

    @Test
    default void cleanupRemovesOnlyExpiredItemsAndAgentData() {
        Instant past = Instant.now().minus(1, ChronoUnit.HOURS);
        Instant future = Instant.now().plus(1, ChronoUnit.HOURS);
        manager().addMemoryItem(item("u", "s", "note", "expired", T0).withExpiration(past));
        manager().addMemoryItem(item("u", "s", "note", "valid", T0).withExpiration(future));
        manager().addMemoryItem(item("u", "s", "note", "forever", T0));
        var expiredData = new AgentData(null, "a", null, "t", new BsonString("x"), null, past, null);
        manager().addRawAgentData(expiredData);
        manager().addRawAgentData(AgentData.of("a", "t", new BsonString("kept")));

        assertThat(manager().cleanupExpiredItems()).isEqualTo(2);
        assertThat(manager().count(StoreCollection.MEMORY_ITEMS, DocumentFilter.none()).value()).isEqualTo(2);
        assertThat(manager().count(StoreCollection.AGENT_DATA, DocumentFilter.none()).value()).isEqualTo(1);
        assertThat(manager().cleanupExpiredItems()).isZero();
    }

    // ---- concurrency ------------------------------------------------------------------------------------------

    @Test
    default void concurrentWritersAllSucceed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<BsonValue>> futures = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                int n = i;
                futures.add(pool.submit(() -> manager().addMemoryItem(item("c", "s", "note", "t" + n, T0))));
            }
            List<BsonValue> ids = new ArrayList<>();
            for (Future<BsonValue> f : futures) {
                ids.add(f.get());
            }
            assertThat(ids).doesNotHaveDuplicates();
        } finally {
            pool.shutdown();
        }
        assertThat(manager().count(StoreCollection.MEMORY_ITEMS, DocumentFilter.forUser("c")).value()).isEqualTo(80);
    }
}
