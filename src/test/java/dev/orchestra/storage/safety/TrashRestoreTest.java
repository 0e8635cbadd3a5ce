package dev.orchestra.storage.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.storage.error.StorageConflictException;
import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.inmemory.InMemoryMemoryManager;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.Page;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.InspectorCollection;
import dev.orchestra.storage.model.StoreCollection;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonType;
import org.bson.BsonValue;
import org.junit.jupiter.api.Test;

class TrashRestoreTest {
    private final SteppingClock clock = new SteppingClock();
    private final InMemoryMemoryManager store = new InMemoryMemoryManager(clock);
    private final SafeOperations operations = new SafeOperations(store, WriteLock.unlocked(),
            new Actor("alice", Actor.GUI), clock);

    @Test
    void deleteThenRestoreGivesBackTheIdenticalDocumentWithEveryBsonType() {
        BsonDocument original = Documents.everyType();
        store.insert(StoreCollection.MEMORY_ITEMS, original);
        BsonDocument asStored = store.findById(StoreCollection.MEMORY_ITEMS, original.get("_id")).orElseThrow();

        DeleteResult deleted = operations.delete(StoreCollection.MEMORY_ITEMS, original.get("_id"));
        assertThat(store.findById(StoreCollection.MEMORY_ITEMS, original.get("_id"))).isEmpty();

        TrashEntry entry = operations.trash().list(PageRequest.first(10)).items().get(0);
        assertThat(BsonBytes.identical(entry.document(), asStored)).isTrue();
        BsonValue restoredId = operations.trash().restore(entry.id());

        BsonDocument restored = store.findById(StoreCollection.MEMORY_ITEMS, restoredId).orElseThrow();
        assertThat(BsonBytes.of(restored)).isEqualTo(BsonBytes.of(asStored));
        assertThat(restored.get("decimal")).isEqualTo(original.get("decimal"));
        assertThat(restored.get("int64").getBsonType()).isEqualTo(BsonType.INT64);
        assertThat(restored.get("_id").isObjectId()).isTrue();
        assertThat(operations.trash().find(entry.id())).isEmpty();
        assertThat(deleted.batchId()).isEqualTo(entry.batchId());
    }

    @Test
    void aDocumentWithoutMetadataIsRestoredWithoutTheDefaultsAnInsertWouldAdd() {
        BsonDocument original = Documents.memoryItem("m1", "u1", "s1", "no metadata");
        original.remove("metadata");
        store.insert(StoreCollection.MEMORY_ITEMS, original);
        BsonDocument asStored = store.findById(StoreCollection.MEMORY_ITEMS, new BsonString("m1")).orElseThrow();
        // the store adds metadata {} on insert; simulate a document another service wrote without it
        store.replace(StoreCollection.MEMORY_ITEMS, asStored, original);

        DeleteResult result = operations.delete(StoreCollection.MEMORY_ITEMS, new BsonString("m1"));
        operations.undo(result.batchId());

        BsonDocument restored = store.findById(StoreCollection.MEMORY_ITEMS, new BsonString("m1")).orElseThrow();
        assertThat(restored.containsKey("metadata")).isFalse();
        assertThat(BsonBytes.identical(restored, original)).isTrue();
    }

    @Test
    void aDocumentOurValidatorWouldRefuseIsRestoredExactlyAsAnotherSystemStoredIt() {
        BsonDocument foreign = new BsonDocument("_id", new BsonString("py-1"))
                .append("user_id", new BsonString("u1"))
                .append("timestamp", new BsonString("2024-05-01 10:00:00")) // a string, as an old service wrote it
                .append("item_type", new BsonString("conversation"));
        store.insertUnchecked(StoreCollection.MEMORY_ITEMS, foreign);

        DeleteResult result = operations.delete(StoreCollection.MEMORY_ITEMS, new BsonString("py-1"));
        RestoreReport report = operations.undo(result.batchId());

        assertThat(report.restored()).isEqualTo(1);
        BsonDocument restored = store.findById(StoreCollection.MEMORY_ITEMS, new BsonString("py-1")).orElseThrow();
        assertThat(BsonBytes.identical(restored, foreign)).isTrue();
    }

    @Test
    void trashEntryRecordsWhoWhenWhereAndTheBatch() {
        store.insert(StoreCollection.MEMORY_ITEMS, Documents.memoryItem("m1", "u1", "s1", "x"));

        DeleteResult result = operations.delete(StoreCollection.MEMORY_ITEMS, new BsonString("m1"));

        BsonDocument raw = store.findPage(InspectorCollection.TRASH, DocumentFilter.none(), PageRequest.first(5))
                .items().get(0);
        assertThat(raw.getString("source_collection").getValue()).isEqualTo("memory_items");
        assertThat(raw.getString("deleted_by").getValue()).isEqualTo("alice");
        assertThat(raw.getString("origin").getValue()).isEqualTo("inspector-gui");
        assertThat(raw.getString("batch_id").getValue()).isEqualTo(result.batchId());
        assertThat(raw.get("deleted_at").isDateTime()).isTrue();
        assertThat(raw.getDocument("document").getString("text_content").getValue()).isEqualTo("x");
        assertThat(raw.get("_id")).isNotEqualTo(new BsonString("m1"));
    }

    @Test
    void restoreIsRefusedWhenTheIdExistsAgainAndTheEntryStays() {
        store.insert(StoreCollection.MEMORY_ITEMS, Documents.memoryItem("m1", "u1", "s1", "old"));
        operations.delete(StoreCollection.MEMORY_ITEMS, new BsonString("m1"));
        BsonDocument newer = Documents.memoryItem("m1", "u1", "s1", "written again meanwhile");
        store.insert(StoreCollection.MEMORY_ITEMS, newer);
        TrashEntry entry = operations.trash().list(PageRequest.first(10)).items().get(0);

        assertThatThrownBy(() -> operations.trash().restore(entry.id()))
                .isInstanceOfSatisfying(StorageConflictException.class, e -> {
                    assertThat(e.getMessage()).contains("m1").contains("exists again").contains("memory_items");
                    assertThat(e.current()).contains(newer);
                });

        assertThat(store.findById(StoreCollection.MEMORY_ITEMS, new BsonString("m1"))).contains(newer);
        assertThat(operations.trash().find(entry.id())).isPresent();
    }

    @Test
    void batchRestoreRestoresTheRestAndReportsEachRefusal() {
        for (int i = 0; i < 3; i++) {
            store.insert(StoreCollection.MEMORY_ITEMS, Documents.memoryItem("m" + i, "u1", "s1", "text " + i));
        }
        DeleteResult result = operations.deleteMany(StoreCollection.MEMORY_ITEMS,
                List.of(new BsonString("m0"), new BsonString("m1"), new BsonString("m2")));
        store.insert(StoreCollection.MEMORY_ITEMS, Documents.memoryItem("m1", "u1", "s1", "came back"));

        RestoreReport report = operations.undo(result.batchId());

        assertThat(report.restored()).isEqualTo(2);
        assertThat(report.complete()).isFalse();
        assertThat(report.refused()).singleElement().satisfies(r -> {
            assertThat(r.documentId()).isEqualTo(new BsonString("m1"));
            assertThat(r.reason()).contains("exists again");
        });
        assertThat(report.summary()).startsWith("Restored 2 documents; 1 refused");
        assertThat(store.findById(StoreCollection.MEMORY_ITEMS, new BsonString("m1")).orElseThrow()
                .getString("text_content").getValue()).isEqualTo("came back");
        assertThat(operations.trash().listBatch(result.batchId(), PageRequest.first(10)).items()).hasSize(1);
    }

    @Test
    void trashListsNewestFirstInPages() {
        for (int i = 0; i < 5; i++) {
            store.insert(StoreCollection.MEMORY_ITEMS, Documents.memoryItem("m" + i, "u1", "s1", "t" + i));
            operations.delete(StoreCollection.MEMORY_ITEMS, new BsonString("m" + i));
        }

        Page<TrashEntry> first = operations.trash().list(PageRequest.first(2));
        Page<TrashEntry> second = operations.trash().list(new PageRequest(2, first.next()));
        Page<TrashEntry> third = operations.trash().list(new PageRequest(2, second.next()));

        assertThat(first.items()).extracting(e -> e.documentId().asString().getValue()).containsExactly("m4", "m3");
        assertThat(second.items()).extracting(e -> e.documentId().asString().getValue()).containsExactly("m2", "m1");
        assertThat(third.items()).extracting(e -> e.documentId().asString().getValue()).containsExactly("m0");
        assertThat(third.hasMore()).isFalse();
        assertThat(first.items().get(0).deletedAt()).isAfter(first.items().get(1).deletedAt());
    }

    @Test
    void restoringAnEntryThatIsGoneSaysSo() {
        assertThatThrownBy(() -> operations.trash().restore(new BsonString("no-such-entry")))
                .isInstanceOf(StorageValidationException.class).hasMessageContaining("no trash entry");
    }

    @Test
    void undoOfAnUnknownBatchRestoresNothing() {
        RestoreReport report = operations.undo("unknown-batch");
        assertThat(report.restored()).isZero();
        assertThat(report.complete()).isTrue();
    }
}
