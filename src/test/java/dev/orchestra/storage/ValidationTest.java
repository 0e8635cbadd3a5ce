package dev.orchestra.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.inmemory.InMemoryMemoryManager;
import dev.orchestra.storage.model.AgentData;
import dev.orchestra.storage.model.BulkProgress;
import dev.orchestra.storage.model.CollectionRef;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.Page;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.StoreCollection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input is refused with a {@link StorageValidationException} that says what is wrong, and
 * nothing is written. Runs on the in-memory store; {@code MongoValidationIT} runs the same cases on MongoDB.
 */
public class ValidationTest {
    protected MemoryManager manager;
    private BsonDocument existing;

    protected MemoryManager createManager() {
        return new InMemoryMemoryManager();
    }

    @BeforeEach
    void open() {
        manager = createManager();
        manager.initialize();
        manager.addMemoryItem(MemoryItem.of("u", "s", "conversation", "keep me"));
        manager.addRawAgentData(AgentData.of("agent", "plan", new BsonString("keep me too")));
        existing = manager.findPage(StoreCollection.MEMORY_ITEMS, DocumentFilter.none(), PageRequest.first(1))
                .items().get(0);
    }

    @AfterEach
    void close() {
        manager.close();
    }

    record BadInput(Consumer<MemoryManager> attempt, String expectedMessagePart) {
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad("memory item without user_id", m -> m.addMemoryItem(MemoryItem.of(null, "s", "note", "x")),
                        "user_id"),
                bad("memory item with blank user_id", m -> m.addMemoryItem(MemoryItem.of("  ", "s", "note", "x")),
                        "user_id"),
                bad("memory item without item_type", m -> m.addMemoryItem(MemoryItem.of("u", "s", null, "x")),
                        "item_type"),
                bad("raw memory document without item_type", m -> m.insert(StoreCollection.MEMORY_ITEMS,
                        doc("user_id", new BsonString("u"))), "item_type"),
                bad("agent data without agent_id", m -> m.addRawAgentData(AgentData.of(null, "plan",
                        new BsonString("c"))), "agent_id"),
                bad("agent data without data_type", m -> m.addRawAgentData(AgentData.of("a", null,
                        new BsonString("c"))), "data_type"),
                bad("agent data without content", m -> m.addRawAgentData(AgentData.of("a", "plan", null)),
                        "content"),
                bad("session record without session_id", m -> m.insert(StoreCollection.USER_SESSIONS,
                        doc("user_id", new BsonString("u"))), "session_id"),
                bad("user_id of the wrong type", m -> m.insert(StoreCollection.MEMORY_ITEMS,
                        memory().append("user_id", new BsonInt32(7))), "user_id"),
                bad("timestamp stored as a string", m -> m.insert(StoreCollection.MEMORY_ITEMS,
                        memory().append("timestamp", new BsonString("2024-01-01"))), "timestamp"),
                bad("session_id of the wrong type", m -> m.insert(StoreCollection.MEMORY_ITEMS,
                        memory().append("session_id", new BsonInt32(1))), "session_id"),
                bad("metadata that is not a document", m -> m.insert(StoreCollection.MEMORY_ITEMS,
                        memory().append("metadata", new BsonString("{}"))), "metadata"),
                bad("embedding that is not an array", m -> m.insert(StoreCollection.MEMORY_ITEMS,
                        memory().append("embedding", new BsonString("0.1,0.2"))), "embedding"),
                bad("embedding with a string element", m -> m.insert(StoreCollection.MEMORY_ITEMS,
                        memory().append("embedding", new BsonArray(List.of(new BsonDouble(1),
                                new BsonString("x"))))), "embedding[1]"),
                bad("embedding with NaN", m -> m.addMemoryItem(MemoryItem.of("u", "s", "note", "x")
                        .withEmbedding(List.of(0.5, Double.NaN))), "embedding[1]"),
                bad("embedding with infinity", m -> m.addMemoryItem(MemoryItem.of("u", "s", "note", "x")
                        .withEmbedding(List.of(Double.POSITIVE_INFINITY))), "embedding[0]"),
                bad("document over 16 MiB", m -> m.insert(StoreCollection.MEMORY_ITEMS, memory()
                        .append("blob", new BsonBinary(new byte[16 * 1024 * 1024 + 1]))), "16 MiB"),
                bad("field name starting with $", m -> m.insert(StoreCollection.MEMORY_ITEMS,
                        memory().append("$set", new BsonDocument())), "$set"),
                bad("$where at the top of a filter", m -> m.findPage(StoreCollection.MEMORY_ITEMS,
                        raw("{\"$where\": \"sleep(1000)\"}"), PageRequest.first(5)), "$where"),
                bad("$where inside $or", m -> m.count(StoreCollection.MEMORY_ITEMS,
                        raw("{\"$or\": [{\"user_id\": \"u\"}, {\"$where\": \"true\"}]}")), "$where"),
                bad("$function inside $expr", m -> m.findPage(StoreCollection.AGENT_DATA,
                        raw("{\"$expr\": {\"$function\": {\"body\": \"return true\", \"args\": [], "
                                + "\"lang\": \"js\"}}}"), PageRequest.first(5)), "$function"),
                bad("$accumulator nested deep in $and/$elemMatch", m -> m.deleteMatching(StoreCollection.MEMORY_ITEMS,
                        raw("{\"$and\": [{\"metadata.tags\": {\"$elemMatch\": {\"$expr\": {\"$accumulator\": {}}}}}]}"),
                        10, BulkProgress.IGNORE), "$accumulator"),
                bad("$where in a delete-by-filter", m -> m.deleteMatching(StoreCollection.MEMORY_ITEMS,
                        raw("{\"$nor\": [{\"$where\": \"true\"}]}"), 10, BulkProgress.IGNORE), "$where"),
                bad("filter of another collection", m -> m.deleteMatching(StoreCollection.MEMORY_ITEMS,
                        DocumentFilter.none().withAgentId("agent"), 10, BulkProgress.IGNORE), "agent_data"),
                bad("page size over the maximum", m -> m.findPage(StoreCollection.MEMORY_ITEMS, DocumentFilter.none(),
                        new PageRequest(5000, null)), "Page size"),
                bad("empty time range", m -> m.findPage(StoreCollection.MEMORY_ITEMS, DocumentFilter.none()
                        .withTimeRange(Instant.EPOCH.plusSeconds(10), Instant.EPOCH), PageRequest.first(5)),
                        "time range"));
    }

    private static Arguments bad(String name, Consumer<MemoryManager> attempt, String messagePart) {
        return Arguments.of(Named.of(name, new BadInput(attempt, messagePart)));
    }

    private static BsonDocument doc(String key, BsonValue value) {
        return new BsonDocument(key, value);
    }

    private static BsonDocument memory() {
        return new BsonDocument("user_id", new BsonString("u")).append("item_type", new BsonString("note"));
    }

    private static DocumentFilter raw(String json) {
        return DocumentFilter.none().withRawFilter(BsonDocument.parse(json));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void isRefusedAndWritesNothing(BadInput input) {
        List<BsonDocument> before = snapshot();

        assertThatThrownBy(() -> input.attempt().accept(manager))
                .isInstanceOf(StorageValidationException.class)
                .hasMessageContaining(input.expectedMessagePart());

        assertThat(snapshot()).isEqualTo(before);
    }

    @ParameterizedTest(name = "replace refused: {0}")
    @MethodSource("badReplacements")
    void invalidReplacementIsRefusedAndLeavesTheDocument(UnaryOperator<BsonDocument> breakIt) {
        BsonDocument stored = manager.findById(StoreCollection.MEMORY_ITEMS, existing.get("_id")).orElseThrow();
        BsonDocument replacement = breakIt.apply(stored.clone());

        assertThatThrownBy(() -> manager.replace(StoreCollection.MEMORY_ITEMS, stored, replacement))
                .isInstanceOf(StorageValidationException.class);

        assertThat(manager.findById(StoreCollection.MEMORY_ITEMS, existing.get("_id"))).contains(stored);
    }

    static Stream<Arguments> badReplacements() {
        return Stream.of(
                change("without user_id", d -> {
                    d.remove("user_id");
                    return d;
                }),
                change("NaN embedding", d -> d.append("embedding", new BsonArray(List.of(new BsonDouble(Double.NaN))))),
                change("string timestamp", d -> d.append("timestamp", new BsonString("yesterday"))),
                change("another _id", d -> d.append("_id", new BsonString("other"))),
                change("date as item_type", d -> d.append("item_type", new BsonDateTime(0))));
    }

    private static Arguments change(String name, UnaryOperator<BsonDocument> change) {
        return Arguments.of(Named.of(name, change));
    }

    private List<BsonDocument> snapshot() {
        List<BsonDocument> all = new ArrayList<>();
        for (CollectionRef c : CollectionRef.all()) {
            Page<BsonDocument> page = manager.findPage(c, DocumentFilter.none(), PageRequest.first(1000));
            all.addAll(page.items());
        }
        return all;
    }
}
