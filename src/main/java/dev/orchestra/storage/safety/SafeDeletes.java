package dev.orchestra.storage.safety;

import static dev.orchestra.storage.validation.Arguments.requireArgument;

import dev.orchestra.storage.DocumentStore;
import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.model.BulkProgress;
import dev.orchestra.storage.model.CountEstimate;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.tiered.CacheInvalidations;
import dev.orchestra.storage.validation.QueryOperatorGuard;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes that can be undone: every document is copied to the trash under one batch id per operation, then
 * deleted, then the operation is audited (also when it was cancelled or failed part-way, with the exact count).
 */
final class SafeDeletes {
    /** The audit entry of a session delete covers both collections it deletes from. */
    static final String SESSION_COLLECTIONS = StoreCollection.MEMORY_ITEMS.collectionName() + " + "
            + StoreCollection.USER_SESSIONS.collectionName();

    private static final Logger LOG = LoggerFactory.getLogger(SafeDeletes.class);

    private final DocumentStore manager;
    private final WriteLock lock;
    private final AuditLog audit;
    private final TrashingDeleter deleter;

    SafeDeletes(DocumentStore manager, WriteLock lock, AuditLog audit, TrashService trash) {
        this.manager = manager;
        this.lock = lock;
        this.audit = audit;
        this.deleter = new TrashingDeleter(manager, trash);
    }

    DeletePreview preview(StoreCollection collection, DocumentFilter filter, int sampleSize) {
        requireArgument(collection, "collection");
        QueryOperatorGuard.check(filter.rawFilter());
        CountEstimate count = manager.count(collection, filter);
        return DeletePreview.forFilter(count, manager.findPage(collection, filter, PageRequest.first(sampleSize)).items());
    }

    /** The selection's size (distinct ids) and the first {@code sampleSize} of the documents, in full. */
    DeletePreview previewIds(StoreCollection collection, List<BsonValue> ids, int sampleSize) {
        requireArgument(collection, "collection");
        List<BsonValue> distinct = List.copyOf(new LinkedHashSet<>(ids));
        List<BsonDocument> sample = distinct.stream().limit(Math.max(0, sampleSize))
                .flatMap(id -> manager.findById(collection, id).stream()).toList();
        return DeletePreview.forFilter(new CountEstimate(distinct.size(), true), sample);
    }

    DeletePreview previewSession(String userId, String sessionId, int sampleSize) {
        DocumentFilter filter = sessionFilter(userId, sessionId);
        CountEstimate items = manager.count(StoreCollection.MEMORY_ITEMS, filter);
        CountEstimate records = manager.count(StoreCollection.USER_SESSIONS, filter);
        var total = new CountEstimate(items.value() + records.value(), items.exact() && records.exact());
        var sample = manager.findPage(StoreCollection.MEMORY_ITEMS, filter, PageRequest.first(sampleSize)).items();
        return DeletePreview.forSession(total, sample, sessionId);
    }

    DeleteResult delete(StoreCollection collection, BsonValue id) {
        requireArgument(collection, "collection");
        lock.checkWritable("delete from " + collection.collectionName());
        String batchId = newBatchId();
        var deleted = deleter.deleteOne(collection, id, batchId);
        deleted.ifPresent(before -> audit.deleted(collection, id, before, batchId));
        return new DeleteResult(batchId, deleted.isPresent() ? 1 : 0, 1, false);
    }

    DeleteResult deleteMany(StoreCollection collection, List<BsonValue> ids, int batchSize, BulkProgress progress) {
        requireArgument(collection, "collection");
        lock.checkWritable("delete from " + collection.collectionName());
        List<BsonValue> distinct = List.copyOf(new LinkedHashSet<>(ids));
        String batchId = newBatchId();
        long deleted = 0;
        try {
            var outcome = deleter.deleteIds(collection, distinct, checkBatchSize(batchSize), batchId, 0,
                    distinct.size(), progress);
            deleted = outcome.deleted();
            return new DeleteResult(batchId, deleted, distinct.size(), outcome.cancelled());
        } catch (PartialDeleteException e) {
            deleted = e.deleted();
            throw e;
        } finally {
            if (deleted > 0) {
                audit.bulkDeleted(AuditAction.BULK_DELETE, collection.collectionName(), FilterDescription.ofIds(distinct),
                        deleted, batchId);
            }
        }
    }

    DeleteResult deleteMatching(StoreCollection collection, DocumentFilter filter, int batchSize,
                                BulkProgress progress) {
        requireArgument(collection, "collection");
        lock.checkWritable("delete matching documents from " + collection.collectionName());
        QueryOperatorGuard.check(filter.rawFilter());
        int size = checkBatchSize(batchSize);
        long expected = manager.count(collection, filter).value();
        String batchId = newBatchId();
        long deleted = 0;
        try {
            var outcome = deleter.deleteMatching(collection, filter, size, batchId, 0, expected, progress);
            deleted = outcome.deleted();
            LOG.info("Deleted {} of {} expected from {} (batch {}{})", deleted, expected, collection.collectionName(),
                    batchId, outcome.cancelled() ? ", cancelled" : "");
            return new DeleteResult(batchId, deleted, expected, outcome.cancelled());
        } catch (PartialDeleteException e) {
            deleted = e.deleted();
            throw e;
        } finally {
            if (deleted > 0) {
                audit.bulkDeleted(AuditAction.BULK_DELETE, collection.collectionName(), FilterDescription.of(filter),
                        deleted, batchId);
            }
        }
    }

    /** Its memory items first, then its {@code user_sessions} record, all under one batch id. */
    SessionDeleteResult deleteSession(String userId, String sessionId, int batchSize, BulkProgress progress) {
        DocumentFilter filter = sessionFilter(userId, sessionId);
        lock.checkWritable("delete session " + sessionId);
        int size = checkBatchSize(batchSize);
        long expectedItems = manager.count(StoreCollection.MEMORY_ITEMS, filter).value();
        long expected = expectedItems + manager.count(StoreCollection.USER_SESSIONS, filter).value();
        String batchId = newBatchId();
        CacheInvalidations invalidations = CacheInvalidations.of(manager);
        long queuedBefore = invalidations.invalidationsQueued();
        long items = 0;
        long records = 0;
        boolean itemsDone = false;
        try {
            var itemOutcome = deleter.deleteMatching(StoreCollection.MEMORY_ITEMS, filter, size, batchId, 0, expected,
                    progress);
            items = itemOutcome.deleted();
            itemsDone = true;
            if (itemOutcome.cancelled()) {
                return new SessionDeleteResult(batchId, items, 0, true,
                        invalidations.invalidationsQueued() - queuedBefore);
            }
            var recordOutcome = deleter.deleteMatching(StoreCollection.USER_SESSIONS, filter, size, batchId, items,
                    expected, progress);
            records = recordOutcome.deleted();
            return new SessionDeleteResult(batchId, items, records, recordOutcome.cancelled(),
                    invalidations.invalidationsQueued() - queuedBefore);
        } catch (PartialDeleteException e) {
            if (itemsDone) {
                records = e.deleted() - items; // the count given to the record phase started at items
            } else {
                items = e.deleted();
            }
            throw e;
        } finally {
            if (items + records > 0) {
                BsonDocument described = FilterDescription.of(filter)
                        .append("memory_items_deleted", new BsonInt64(items))
                        .append("user_sessions_deleted", new BsonInt64(records));
                audit.bulkDeleted(AuditAction.DELETE_SESSION, SESSION_COLLECTIONS, described, items + records,
                        batchId);
            }
        }
    }

    private static DocumentFilter sessionFilter(String userId, String sessionId) {
        // A null session id would widen the filter to every session of the user.
        if (userId == null || userId.isBlank() || sessionId == null || sessionId.isBlank()) {
            throw new StorageValidationException("Deleting a session needs both a user id and a session id");
        }
        return DocumentFilter.forSession(userId, sessionId);
    }

    private static int checkBatchSize(int batchSize) {
        if (batchSize < 1 || batchSize > PageRequest.MAX_SIZE) {
            throw new StorageValidationException("Batch size must be between 1 and " + PageRequest.MAX_SIZE
                    + ", was " + batchSize);
        }
        return batchSize;
    }

    private static String newBatchId() {
        return UUID.randomUUID().toString();
    }
}
