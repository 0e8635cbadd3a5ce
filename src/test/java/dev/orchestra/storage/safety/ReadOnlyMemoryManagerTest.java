package dev.orchestra.storage.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.storage.ForwardingMemoryManager;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.error.ReadOnlyViolationException;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.inmemory.InMemoryMemoryManager;
import dev.orchestra.storage.mapping.RawDocumentAccess;
import dev.orchestra.storage.model.AgentData;
import dev.orchestra.storage.model.BulkProgress;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.InspectorCollection;
import dev.orchestra.storage.model.StoreCollection;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReadOnlyMemoryManagerTest {
    /** Every MemoryManager method that changes data; the reflection test below keeps this list complete. */
    private static final Set<String> WRITES = Set.of("addMemoryItem", "addRawAgentData", "cleanupExpiredItems",
            "insert", "replace", "delete", "deleteMatching", "upsertAll", "insertAll", "deleteByIds",
            "restoreExactly");
    private static final Set<String> READS_AND_LIFECYCLE = Set.of("initialize", "checkHealth", "healthProbes", "serverStatistics",
            "close", "getMemoryItem", "getConversationHistory", "semanticSearch", "checkDuplicate", "findPage", "count",
            "findById", "listSessions", "findSessionsWithoutRecord", "findByIds", "findMatching", "distinctTypes",
            "getConversationHistories", "findSessionRecords",
            "capability"); // the write-capable capabilities it returns refuse their writes while locked (below, IndexServiceIT)

    private final InMemoryMemoryManager store = new InMemoryMemoryManager();
    private final WriteLock lock = WriteLock.locked("test");
    private final MemoryManager gated = new ReadOnlyMemoryManager(store, lock);
    private final SafeOperations operations = new SafeOperations(gated, lock, new Actor("tester", "test"));
    private BsonDocument stored;

    @BeforeEach
    void seed() {
        stored = Documents.memoryItem("m1", "u1", "s1", "hello");
        store.insert(StoreCollection.MEMORY_ITEMS, stored);
        store.insert(StoreCollection.USER_SESSIONS, Documents.session("r1", "u1", "s1"));
    }

    @Test
    void everyMethodOfTheContractIsClassifiedAsWriteOrRead() {
        Set<String> all = Arrays.stream(MemoryManager.class.getMethods()).map(Method::getName).collect(Collectors.toSet());
        assertThat(all).containsExactlyInAnyOrderElementsOf(
                Stream.concat(WRITES.stream(), READS_AND_LIFECYCLE.stream()).toList());
    }

    @Test
    void theGateOverridesEveryWriteItselfOrRoutesItThroughAGatedOne() {
        for (Method method : MemoryManager.class.getMethods()) {
            if (WRITES.contains(method.getName())) {
                boolean gatedHere = declares(ReadOnlyMemoryManager.class, method);
                boolean routedThroughGated = method.isDefault() && !declares(ForwardingMemoryManager.class, method);
                assertThat(gatedHere || routedThroughGated).as(method.toString()).isTrue();
            }
        }
    }

    private static boolean declares(Class<?> type, Method method) {
        try {
            type.getDeclaredMethod(method.getName(), method.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    static Stream<Arguments> managerWrites() {
        Map<String, Consumer<MemoryManager>> writes = Map.ofEntries(
                Map.entry("addMemoryItem", m -> m.addMemoryItem(MemoryItem.of("u1", "s1", "conversation", "new"))),
                Map.entry("addRawAgentData", m -> m.addRawAgentData(AgentData.of("a1", "plan", new BsonString("x")))),
                Map.entry("cleanupExpiredItems", MemoryManager::cleanupExpiredItems),
                Map.entry("insert", m -> m.insert(StoreCollection.MEMORY_ITEMS, Documents.memoryItem("m2", "u1", "s1", "x"))),
                Map.entry("replace", m -> m.replace(StoreCollection.MEMORY_ITEMS,
                        Documents.memoryItem("m1", "u1", "s1", "hello"), Documents.memoryItem("m1", "u1", "s1", "changed"))),
                Map.entry("delete", m -> m.delete(StoreCollection.MEMORY_ITEMS, new BsonString("m1"))),
                Map.entry("deleteMatching", m -> m.deleteMatching(StoreCollection.MEMORY_ITEMS, DocumentFilter.none(), 10,
                        BulkProgress.IGNORE)),
                Map.entry("upsertAll", m -> m.upsertAll(StoreCollection.MEMORY_ITEMS,
                        List.of(Documents.memoryItem("m1", "u1", "s1", "changed"),
                                Documents.memoryItem("m5", "u1", "s1", "x")))),
                Map.entry("insertAll", m -> m.insertAll(StoreCollection.MEMORY_ITEMS,
                        List.of(Documents.memoryItem("m6", "u1", "s1", "x")))),
                Map.entry("deleteByIds", m -> m.deleteByIds(StoreCollection.MEMORY_ITEMS,
                        List.of(new BsonString("m1")))),
                Map.entry("restoreExactly", m -> m.restoreExactly(StoreCollection.MEMORY_ITEMS,
                        Documents.memoryItem("m7", "u1", "s1", "x"))));
        assertThat(writes.keySet()).isEqualTo(WRITES);
        return writes.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("managerWrites")
    void lockedManagerRefusesEveryWriteAndChangesNothing(String name, Consumer<MemoryManager> write) {
        assertThatThrownBy(() -> write.accept(gated)).isInstanceOf(ReadOnlyViolationException.class)
                .hasMessageContaining("read-only");
        assertUnchanged();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("managerWrites")
    void unlockedManagerPassesEveryWriteThrough(String name, Consumer<MemoryManager> write) {
        lock.unlock();
        assertThatCode(() -> write.accept(gated)).doesNotThrowAnyException();
    }

    @Test
    void theStoresRawDocumentAccessIsGatedToo() {
        var unchecked = gated.capability(RawDocumentAccess.class).orElseThrow();
        assertThatThrownBy(() -> unchecked.insertUnchecked(StoreCollection.MEMORY_ITEMS,
                Documents.memoryItem("m3", "u1", "s1", "x"))).isInstanceOf(ReadOnlyViolationException.class);
        assertUnchanged();
        assertThatThrownBy(() -> unchecked.insertAllUnchecked(StoreCollection.MEMORY_ITEMS,
                List.of(Documents.memoryItem("m4", "u1", "s1", "x")))).isInstanceOf(ReadOnlyViolationException.class);
        assertThatThrownBy(() -> unchecked.writeMeta("seeded", new BsonDocument()))
                .isInstanceOf(ReadOnlyViolationException.class);
        assertThat(unchecked.readMeta("seeded")).isEmpty();
        assertUnchanged();
        lock.unlock();
        unchecked.insertUnchecked(StoreCollection.MEMORY_ITEMS, Documents.memoryItem("m3", "u1", "s1", "x"));
        assertThat(store.findById(StoreCollection.MEMORY_ITEMS, new BsonString("m3"))).isPresent();
    }

    static Stream<Arguments> safeWrites() {
        List<Arguments> writes = new ArrayList<>();
        writes.add(Arguments.of("update", (Consumer<SafeOperations>) o -> o.update(StoreCollection.MEMORY_ITEMS,
                Documents.memoryItem("m1", "u1", "s1", "hello"), Documents.memoryItem("m1", "u1", "s1", "changed"))));
        writes.add(Arguments.of("insert", (Consumer<SafeOperations>) o -> o.insert(StoreCollection.MEMORY_ITEMS,
                Documents.memoryItem("m9", "u1", "s1", "x"))));
        writes.add(Arguments.of("duplicate", (Consumer<SafeOperations>) o -> o.duplicate(StoreCollection.MEMORY_ITEMS,
                new BsonString("m1"))));
        writes.add(Arguments.of("delete", (Consumer<SafeOperations>) o -> o.delete(StoreCollection.MEMORY_ITEMS,
                new BsonString("m1"))));
        writes.add(Arguments.of("deleteMany", (Consumer<SafeOperations>) o -> o.deleteMany(StoreCollection.MEMORY_ITEMS,
                List.of(new BsonString("m1")))));
        writes.add(Arguments.of("deleteMatching", (Consumer<SafeOperations>) o -> o.deleteMatching(
                StoreCollection.MEMORY_ITEMS, DocumentFilter.forUser("u1"), 10, BulkProgress.IGNORE)));
        writes.add(Arguments.of("deleteSession", (Consumer<SafeOperations>) o -> o.deleteSession("u1", "s1")));
        writes.add(Arguments.of("importBatch", (Consumer<SafeOperations>) o -> o.importBatch(StoreCollection.MEMORY_ITEMS,
                List.of(Documents.memoryItem("m1", "u1", "s1", "changed"), Documents.memoryItem("m8", "u1", "s1", "x")))));
        writes.add(Arguments.of("undo", (Consumer<SafeOperations>) o -> o.undo("some-batch")));
        writes.add(Arguments.of("trash.restore", (Consumer<SafeOperations>) o -> o.trash().restore(new BsonString("t1"))));
        writes.add(Arguments.of("trash.restoreBatch", (Consumer<SafeOperations>) o -> o.trash().restoreBatch("b1")));
        return writes.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("safeWrites")
    void lockedSafeOperationsRefuseEveryWritePathAndWriteNoTrashOrAudit(String name, Consumer<SafeOperations> write) {
        assertThatThrownBy(() -> write.accept(operations)).isInstanceOf(ReadOnlyViolationException.class);
        assertUnchanged();
        assertThat(store.count(InspectorCollection.TRASH, DocumentFilter.none()).value()).isZero();
        assertThat(store.count(InspectorCollection.AUDIT, DocumentFilter.none()).value()).isZero();
    }

    @Test
    void readsPassThroughWhileLocked() {
        assertThat(gated.findById(StoreCollection.MEMORY_ITEMS, new BsonString("m1"))).contains(stored);
        assertThat(gated.findPage(StoreCollection.MEMORY_ITEMS, DocumentFilter.none(), PageRequest.first(10)).items())
                .hasSize(1);
        assertThat(gated.count(StoreCollection.MEMORY_ITEMS, DocumentFilter.none()).value()).isEqualTo(1);
        assertThat(gated.getMemoryItem(new BsonString("m1"))).isPresent();
        assertThat(gated.getConversationHistory("u1", "s1", 10, null)).hasSize(1);
        assertThat(gated.checkDuplicate("u1", "hello")).isTrue();
        assertThat(gated.listSessions("u1", 10)).hasSize(1);
        assertThat(gated.checkHealth()).isNotEmpty();
        assertThat(operations.previewDelete(StoreCollection.MEMORY_ITEMS, DocumentFilter.forUser("u1"), 5).count().value())
                .isEqualTo(1);
    }

    @Test
    void unlockingIsDeliberateAndTellsListeners() {
        List<Boolean> seen = new ArrayList<>();
        lock.addListener(seen::add);

        lock.unlock();
        operations.delete(StoreCollection.MEMORY_ITEMS, new BsonString("m1"));
        lock.lock();
        lock.lock(); // no change, no event

        assertThat(seen).containsExactly(false, true);
        assertThat(store.findById(StoreCollection.MEMORY_ITEMS, new BsonString("m1"))).isEmpty();
        assertThatThrownBy(() -> operations.undo("any")).isInstanceOf(ReadOnlyViolationException.class);
    }

    @Test
    void productionStartsLockedButCanBeUnlocked() {
        WriteLock production = WriteLock.forConfig(StorageConfig.fromMap(Map.of("APP_ENV", "production",
                "MONGODB_URI", "mongodb://db.example:27017")));
        assertThat(production.isLocked()).isTrue();
        assertThat(production.canUnlock()).isTrue();
        assertThat(production.reason()).isEqualTo("APP_ENV=production");
        production.unlock();
        assertThat(production.isLocked()).isFalse();
    }

    @Test
    void inspectorReadOnlyForcesTheLockInAnyEnvironment() {
        WriteLock forced = WriteLock.forConfig(StorageConfig.fromMap(Map.of("APP_ENV", "development",
                "INSPECTOR_READ_ONLY", "true")));
        assertThat(forced.isLocked()).isTrue();
        assertThat(forced.canUnlock()).isFalse();
        assertThatThrownBy(forced::unlock).isInstanceOf(ReadOnlyViolationException.class)
                .hasMessageContaining("INSPECTOR_READ_ONLY");
        assertThat(forced.isLocked()).isTrue();
    }

    @Test
    void developmentStartsUnlocked() {
        assertThat(WriteLock.forConfig(StorageConfig.fromMap(Map.of())).isLocked()).isFalse();
    }

    private void assertUnchanged() {
        assertThat(store.findById(StoreCollection.MEMORY_ITEMS, new BsonString("m1"))).contains(stored);
        assertThat(store.count(StoreCollection.MEMORY_ITEMS, DocumentFilter.none()).value()).isEqualTo(1);
        assertThat(store.count(StoreCollection.AGENT_DATA, DocumentFilter.none()).value()).isZero();
        assertThat(store.count(StoreCollection.USER_SESSIONS, DocumentFilter.none()).value()).isEqualTo(1);
    }
}
