package dev.orchestra.storage.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.storage.inmemory.InMemoryMemoryManager;
import dev.orchestra.storage.model.BulkProgress;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.Page;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.InspectorCollection;
import dev.orchestra.storage.model.StoreCollection;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

class AuditLogTest {
    private final SteppingClock clock = new SteppingClock();
    private final InMemoryMemoryManager store = new InMemoryMemoryManager(clock);
    private final SafeOperations operations = new SafeOperations(store, WriteLock.unlocked(),
            new Actor("carol", Actor.GUI), clock);

    @Test
    void insertIsAuditedWithTheDocumentAsStored() {
        BsonDocument draft = Documents.memoryItem("m1", "u1", "s1", "hi");
        draft.remove("metadata");
        draft.remove("timestamp");

        operations.insert(StoreCollection.MEMORY_ITEMS, draft);

        AuditEntry entry = newest();
        assertThat(entry.knownAction()).contains(AuditAction.INSERT);
        assertThat(entry.collection()).isEqualTo("memory_items");
        assertThat(entry.documentId()).isEqualTo(new BsonString("m1"));
        assertThat(entry.before()).isNull();
        assertThat(entry.after()).isEqualTo(store.findById(StoreCollection.MEMORY_ITEMS, new BsonString("m1")).orElseThrow());
        assertThat(entry.after().get("timestamp").isDateTime()).isTrue();
        assertThat(entry.user()).isEqualTo("carol");
        assertThat(entry.origin()).isEqualTo("inspector-gui");
        assertThat(entry.time()).isNotNull();
    }

    @Test
    void updateIsAuditedWithBeforeAndAfter() {
        BsonDocument before = Documents.memoryItem("m1", "u1", "s1", "old");
        store.insert(StoreCollection.MEMORY_ITEMS, before);
        BsonDocument after = before.clone().append("text_content", new BsonString("new"));

        operations.update(StoreCollection.MEMORY_ITEMS, before, after);

        AuditEntry entry = newest();
        assertThat(entry.knownAction()).contains(AuditAction.UPDATE);
        assertThat(entry.documentId()).isEqualTo(new BsonString("m1"));
        assertThat(entry.before()).isEqualTo(before);
        assertThat(entry.after()).isEqualTo(after);
    }

    @Test
    void deleteIsAuditedWithTheDeletedDocumentAndItsBatch() {
        BsonDocument doc = Documents.memoryItem("m1", "u1", "s1", "bye");
        store.insert(StoreCollection.MEMORY_ITEMS, doc);

        DeleteResult result = operations.delete(StoreCollection.MEMORY_ITEMS, new BsonString("m1"));

        AuditEntry entry = newest();
        assertThat(entry.knownAction()).contains(AuditAction.DELETE);
        assertThat(entry.before()).isEqualTo(doc);
        assertThat(entry.after()).isNull();
        assertThat(entry.batchId()).isEqualTo(result.batchId());
    }

    @Test
    void bulkDeleteIsAuditedWithFilterAndCountButNotTheDocuments() {
        for (int i = 0; i < 12; i++) {
            store.insert(StoreCollection.MEMORY_ITEMS, Documents.memoryItem("m" + i, "u1", "s1", "t"));
        }
        var filter = DocumentFilter.forUser("u1").withRawFilter(new BsonDocument("text_content",
                new BsonDocument("$exists", BsonBoolean.TRUE)));

        DeleteResult result = operations.deleteMatching(StoreCollection.MEMORY_ITEMS, filter, 5, BulkProgress.IGNORE);

        AuditEntry entry = newest();
        assertThat(entry.knownAction()).contains(AuditAction.BULK_DELETE);
        assertThat(entry.count()).isEqualTo(12L);
        assertThat(entry.filter().getString("user_id").getValue()).isEqualTo("u1");
        assertThat(entry.filter().getString("raw_filter_json").getValue()).contains("$exists");
        assertThat(entry.before()).isNull();
        assertThat(entry.after()).isNull();
        assertThat(entry.batchId()).isEqualTo(result.batchId());
        assertThat(auditCount()).isEqualTo(1);
    }

    @Test
    void deleteManyAndSessionDeleteAreAuditedOnceEachWithCounts() {
        for (int i = 0; i < 3; i++) {
            store.insert(StoreCollection.MEMORY_ITEMS, Documents.memoryItem("m" + i, "u1", "s1", "t"));
        }
        store.insert(StoreCollection.MEMORY_ITEMS, Documents.memoryItem("x", "u1", "s2", "t"));
        store.insert(StoreCollection.USER_SESSIONS, Documents.session("r1", "u1", "s1"));

        operations.deleteMany(StoreCollection.MEMORY_ITEMS, List.of(new BsonString("x")));
        AuditEntry many = newest();
        operations.deleteSession("u1", "s1");
        AuditEntry session = newest();

        assertThat(many.knownAction()).contains(AuditAction.BULK_DELETE);
        assertThat(many.count()).isEqualTo(1L);
        assertThat(many.filter().getArray("_ids")).containsExactly(new BsonString("x"));
        assertThat(session.knownAction()).contains(AuditAction.DELETE_SESSION);
        assertThat(session.collection()).isEqualTo("memory_items + user_sessions");
        assertThat(session.count()).isEqualTo(4L);
        assertThat(session.filter().getString("session_id").getValue()).isEqualTo("s1");
        assertThat(session.filter().getInt64("memory_items_deleted").getValue()).isEqualTo(3);
        assertThat(session.filter().getInt64("user_sessions_deleted").getValue()).isEqualTo(1);
    }

    @Test
    void restoreIsAuditedWithTheRestoredDocument() {
        BsonDocument doc = Documents.memoryItem("m1", "u1", "s1", "back");
        store.insert(StoreCollection.MEMORY_ITEMS, doc);
        DeleteResult result = operations.delete(StoreCollection.MEMORY_ITEMS, new BsonString("m1"));

        operations.undo(result.batchId());

        AuditEntry entry = newest();
        assertThat(entry.knownAction()).contains(AuditAction.RESTORE);
        assertThat(entry.collection()).isEqualTo("memory_items");
        assertThat(entry.documentId()).isEqualTo(new BsonString("m1"));
        assertThat(entry.after()).isEqualTo(doc);
        assertThat(entry.batchId()).isEqualTo(result.batchId());
    }

    @Test
    void refusedOperationsWriteNoEntry() {
        BsonDocument doc = Documents.memoryItem("m1", "u1", "s1", "x");
        store.insert(StoreCollection.MEMORY_ITEMS, doc);
        BsonDocument invalid = doc.clone().append("timestamp", new BsonString("yesterday"));

        Assertions.assertThatThrownBy(
                () -> operations.update(StoreCollection.MEMORY_ITEMS, doc, invalid));

        assertThat(auditCount()).isZero();
    }

    @Test
    void listingIsNewestFirstAndPaged() {
        for (int i = 0; i < 5; i++) {
            operations.insert(StoreCollection.MEMORY_ITEMS, Documents.memoryItem("m" + i, "u1", "s1", "t"));
        }

        Page<AuditEntry> first = operations.audit().list(PageRequest.first(3));
        Page<AuditEntry> second = operations.audit().list(new PageRequest(3, first.next()));

        assertThat(first.items()).extracting(e -> e.documentId().asString().getValue()).containsExactly("m4", "m3", "m2");
        assertThat(second.items()).extracting(e -> e.documentId().asString().getValue()).containsExactly("m1", "m0");
        assertThat(second.hasMore()).isFalse();
        assertThat(operations.audit().forDocument(StoreCollection.MEMORY_ITEMS, new BsonString("m3"),
                PageRequest.first(10)).items()).singleElement().satisfies(e -> assertThat(e.action()).isEqualTo("insert"));
    }

    private AuditEntry newest() {
        return operations.audit().list(PageRequest.first(1)).items().get(0);
    }

    private long auditCount() {
        return store.count(InspectorCollection.AUDIT, DocumentFilter.none()).value();
    }
}
