package dev.orchestra.storage.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.storage.error.ReadOnlyViolationException;
import dev.orchestra.storage.error.StorageConflictException;
import dev.orchestra.storage.model.BulkProgress;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.InspectorCollection;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.testsupport.FollowsTarget;
import dev.orchestra.storage.testsupport.FollowsTarget.Server;
import dev.orchestra.storage.testsupport.MongoTestTarget;
import dev.orchestra.storage.testsupport.RedisTestServer;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Trash, restore, audit and read-only mode through the real driver and the real cache. */
@FollowsTarget({Server.MONGODB, Server.REDIS})
class TrashRestoreIT {
    private static MongoTestTarget mongoServer;
    private static RedisTestServer redisServer;
    private RealStack stack;

    @BeforeAll
    static void startServers() {
        mongoServer = MongoTestTarget.open();
        redisServer = RedisTestServer.open();
    }

    @AfterAll
    static void stopServers() {
        redisServer.close();
        mongoServer.close();
    }

    @BeforeEach
    void openStack() {
        stack = new RealStack(mongoServer, redisServer);
    }

    @AfterEach
    void closeStack() {
        stack.close();
    }

    @Test
    void trashThenRestoreReturnsTheIdenticalDocumentThroughTheRealDriver() {
        stack.operations().insert(StoreCollection.MEMORY_ITEMS, Documents.everyType());
        BsonDocument asStored = stack.mongo.findById(StoreCollection.MEMORY_ITEMS, Documents.everyType().get("_id"))
                .orElseThrow();

        DeleteResult deleted = stack.operations().delete(StoreCollection.MEMORY_ITEMS, asStored.get("_id"));
        assertThat(stack.mongo.findById(StoreCollection.MEMORY_ITEMS, asStored.get("_id"))).isEmpty();
        TrashEntry entry = stack.operations().trash().listBatch(deleted.batchId(), PageRequest.first(5)).items().get(0);
        assertThat(BsonBytes.of(entry.document())).isEqualTo(BsonBytes.of(asStored));

        RestoreReport report = stack.operations().undo(deleted.batchId());

        assertThat(report.restored()).isEqualTo(1);
        BsonDocument restored = stack.mongo.findById(StoreCollection.MEMORY_ITEMS, asStored.get("_id")).orElseThrow();
        assertThat(BsonBytes.of(restored)).isEqualTo(BsonBytes.of(asStored));
        assertThat(stack.operations().trash().listBatch(deleted.batchId(), PageRequest.first(5)).items()).isEmpty();
    }

    @Test
    void restoreIsRefusedWhenTheIdExistsAgain() {
        stack.operations().insert(StoreCollection.MEMORY_ITEMS, Documents.memoryItem("m1", "u1", "s1", "old"));
        DeleteResult deleted = stack.operations().delete(StoreCollection.MEMORY_ITEMS, new BsonString("m1"));
        stack.operations().insert(StoreCollection.MEMORY_ITEMS, Documents.memoryItem("m1", "u1", "s1", "new"));
        TrashEntry entry = stack.operations().trash().listBatch(deleted.batchId(), PageRequest.first(5)).items().get(0);

        assertThatThrownBy(() -> stack.operations().trash().restore(entry.id()))
                .isInstanceOf(StorageConflictException.class).hasMessageContaining("exists again");
        assertThat(stack.mongo.findById(StoreCollection.MEMORY_ITEMS, new BsonString("m1")).orElseThrow()
                .getString("text_content").getValue()).isEqualTo("new");
    }

    @Test
    void aBulkDeleteCancelledPartWayIsExactAndAuditedOnce() {
        for (int i = 0; i < 60; i++) {
            stack.operations().insert(StoreCollection.MEMORY_ITEMS, Documents.memoryItem("m" + i, "u1", "s1", "t" + i));
        }

        DeleteResult result = stack.operations().deleteMatching(StoreCollection.MEMORY_ITEMS,
                DocumentFilter.forUser("u1"), 25, (done, total) -> done < 50);

        assertThat(result.deleted()).isEqualTo(50);
        assertThat(result.cancelled()).isTrue();
        assertThat(stack.mongo.count(StoreCollection.MEMORY_ITEMS, DocumentFilter.forUser("u1")).value()).isEqualTo(10);
        assertThat(stack.mongo.count(InspectorCollection.TRASH, DocumentFilter.none()).value()).isEqualTo(50);
        AuditEntry audit = stack.operations().audit().list(PageRequest.first(1)).items().get(0);
        assertThat(audit.action()).isEqualTo("bulk_delete");
        assertThat(audit.count()).isEqualTo(50L);
    }

    @Test
    void readOnlyRefusesEveryWritePathAgainstTheRealStack() {
        stack.operations().insert(StoreCollection.MEMORY_ITEMS, Documents.memoryItem("m1", "u1", "s1", "x"));
        long auditBefore = stack.mongo.count(InspectorCollection.AUDIT, DocumentFilter.none()).value();
        stack.storage.writeLock().lock();
        var ops = stack.operations();
        BsonDocument loaded = stack.mongo.findById(StoreCollection.MEMORY_ITEMS, new BsonString("m1")).orElseThrow();

        assertThatThrownBy(() -> ops.update(StoreCollection.MEMORY_ITEMS, loaded, loaded.clone()))
                .isInstanceOf(ReadOnlyViolationException.class);
        assertThatThrownBy(() -> ops.delete(StoreCollection.MEMORY_ITEMS, new BsonString("m1")))
                .isInstanceOf(ReadOnlyViolationException.class);
        assertThatThrownBy(() -> ops.deleteMatching(StoreCollection.MEMORY_ITEMS, DocumentFilter.none(), 10,
                BulkProgress.IGNORE)).isInstanceOf(ReadOnlyViolationException.class);
        assertThatThrownBy(() -> stack.storage.manager().insert(StoreCollection.MEMORY_ITEMS,
                Documents.memoryItem("m2", "u1", "s1", "y"))).isInstanceOf(ReadOnlyViolationException.class);
        assertThatThrownBy(() -> stack.storage.manager().cleanupExpiredItems())
                .isInstanceOf(ReadOnlyViolationException.class);

        assertThat(stack.mongo.findById(StoreCollection.MEMORY_ITEMS, new BsonString("m1"))).contains(loaded);
        assertThat(stack.mongo.count(StoreCollection.MEMORY_ITEMS, DocumentFilter.none()).value()).isEqualTo(1);
        assertThat(stack.mongo.count(InspectorCollection.AUDIT, DocumentFilter.none()).value())
                .isEqualTo(auditBefore);
    }
}
