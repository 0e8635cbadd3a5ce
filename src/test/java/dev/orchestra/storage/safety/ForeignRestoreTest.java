package dev.orchestra.storage.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.storage.error.ReadOnlyViolationException;
import dev.orchestra.storage.error.StorageConflictException;
import dev.orchestra.storage.inmemory.InMemoryMemoryManager;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.InspectorCollection;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.testsupport.ForeignDocuments;
import dev.orchestra.storage.testsupport.ForeignDocuments.Shape;
import dev.orchestra.storage.tiered.TieredMemoryManager;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Documents other services wrote, deleted and restored through the stack the app and the CLI open (a tiered manager
 * in front of the store, the write gate, the safe operations): what comes back is the stored bytes.
 */
class ForeignRestoreTest {
    private final SteppingClock clock = new SteppingClock();
    private final InMemoryMemoryManager store = new InMemoryMemoryManager(clock);
    private final SafeStorage storage = SafeStorage.wrap(new TieredMemoryManager(store, null), WriteLock.unlocked(),
            new Actor("alice", Actor.GUI), clock);
    private final SafeOperations operations = storage.operations();

    static List<Shape> shapes() {
        return ForeignDocuments.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void undoPutsBackTheStoredBytesOfEveryForeignShape(Shape shape) {
        store.insertUnchecked(shape.collection(), shape.document());
        BsonValue id = shape.document().get("_id");

        DeleteResult deleted = operations.delete(shape.collection(), id);
        assertThat(store.findById(shape.collection(), id)).isEmpty();
        RestoreReport report = operations.undo(deleted.batchId());

        assertThat(report.refused()).isEmpty();
        assertThat(report.restored()).isEqualTo(1);
        BsonDocument restored = store.findById(shape.collection(), id).orElseThrow();
        assertThat(ForeignDocuments.bytes(restored)).isEqualTo(ForeignDocuments.bytes(shape.document()));
        assertThat(store.count(InspectorCollection.TRASH, DocumentFilter.none()).value()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void restoringOneEntryPutsBackTheStoredBytes(Shape shape) {
        store.insertUnchecked(shape.collection(), shape.document());
        BsonValue id = shape.document().get("_id");
        operations.delete(shape.collection(), id);
        TrashEntry entry = operations.trash().list(PageRequest.first(5)).items().get(0);

        assertThat(operations.trash().restore(entry.id())).isEqualTo(id);

        BsonDocument restored = store.findById(shape.collection(), id).orElseThrow();
        assertThat(ForeignDocuments.bytes(restored)).isEqualTo(ForeignDocuments.bytes(shape.document()));
        AuditEntry audit = operations.audit().list(PageRequest.first(1)).items().get(0);
        assertThat(audit.action()).isEqualTo("restore");
    }

    @Test
    void aTakenIdIsRefusedNamingTheIdAndNothingIsOverwritten() {
        Shape shape = ForeignDocuments.all().get(1); // string timestamp, _id "string-time"
        store.insertUnchecked(shape.collection(), shape.document());
        DeleteResult deleted = operations.delete(shape.collection(), new BsonString("string-time"));
        BsonDocument newer = Documents.memoryItem("string-time", "u1", "s1", "written meanwhile");
        store.insert(StoreCollection.MEMORY_ITEMS, newer);

        RestoreReport report = operations.undo(deleted.batchId());

        assertThat(report.restored()).isZero();
        assertThat(report.refused()).singleElement().satisfies(r ->
                assertThat(r.reason()).contains("string-time").contains("exists again"));
        assertThat(store.findById(StoreCollection.MEMORY_ITEMS, new BsonString("string-time")).orElseThrow()
                .getString("text_content").getValue()).isEqualTo("written meanwhile");
        assertThat(operations.trash().listBatch(deleted.batchId(), PageRequest.first(5)).items()).hasSize(1);
    }

    @Test
    void theStoreItselfRefusesAnExactRestoreOntoATakenId() {
        BsonDocument stored = Documents.memoryItem("m1", "u1", "s1", "there");
        store.insert(StoreCollection.MEMORY_ITEMS, stored);
        BsonDocument foreign = new BsonDocument("_id", new BsonString("m1")).append("timestamp", new BsonString("x"));

        assertThatThrownBy(() -> storage.manager().restoreExactly(StoreCollection.MEMORY_ITEMS, foreign))
                .isInstanceOfSatisfying(StorageConflictException.class, e -> {
                    assertThat(e.getMessage()).contains("m1").contains("memory_items");
                    assertThat(e.current()).isPresent();
                });
        assertThat(store.findById(StoreCollection.MEMORY_ITEMS, new BsonString("m1")).orElseThrow()
                .getString("text_content").getValue()).isEqualTo("there");
    }

    @Test
    void anExactRestoreIsRefusedWhileReadOnly() {
        storage.writeLock().lock();

        assertThatThrownBy(() -> storage.manager().restoreExactly(StoreCollection.MEMORY_ITEMS,
                ForeignDocuments.all().get(0).document())).isInstanceOf(ReadOnlyViolationException.class);
        assertThat(store.count(StoreCollection.MEMORY_ITEMS, DocumentFilter.none()).value()).isZero();
    }
}
