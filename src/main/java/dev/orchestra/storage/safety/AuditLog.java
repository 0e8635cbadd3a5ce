package dev.orchestra.storage.safety;

import dev.orchestra.storage.DocumentStore;
import dev.orchestra.storage.error.StorageException;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.Page;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.InspectorCollection;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.validation.DocumentValidator;
import java.time.Clock;
import java.util.List;
import org.bson.BsonInt64;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes and lists {@code inspector_audit}. Entries are written after the change succeeded; a failure to write one
 * is logged as an error but does not undo or hide the change (the data is already changed, and reporting it as
 * failed would invite a harmful retry).
 */
public final class AuditLog {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    /** Room left for the entry's own fields when the before/after documents are large. */
    private static final int MAX_ENTRY_BYTES = DocumentValidator.MAX_DOCUMENT_BYTES - 64 * 1024;

    private final DocumentStore manager;
    private final Actor actor;
    private final Clock clock;

    public AuditLog(DocumentStore manager, Actor actor, Clock clock) {
        this.manager = manager;
        this.actor = actor;
        this.clock = clock;
    }

    /** Newest first. */
    public Page<AuditEntry> list(PageRequest page) {
        return list(DocumentFilter.none(), page);
    }

    /** Newest first; the filter's time range applies to {@code time}, a raw filter to any audit field. */
    public Page<AuditEntry> list(DocumentFilter filter, PageRequest page) {
        Page<BsonDocument> raw = manager.findPage(InspectorCollection.AUDIT, filter, page);
        return new Page<>(raw.items().stream().map(AuditEntry::fromDocument).toList(), raw.next(), raw.hasMore());
    }

    /** The history of one document, newest first. */
    public Page<AuditEntry> forDocument(StoreCollection collection, BsonValue id, PageRequest page) {
        var raw = new BsonDocument(AuditEntry.COLLECTION, new BsonString(collection.collectionName()))
                .append(AuditEntry.DOCUMENT_ID, id);
        return list(DocumentFilter.none().withRawFilter(raw), page);
    }

    void inserted(StoreCollection collection, BsonValue id, BsonDocument after) {
        write(entry(AuditAction.INSERT, collection.collectionName(), id, null, null, null, after, null));
    }

    void updated(StoreCollection collection, BsonValue id, BsonDocument before, BsonDocument after) {
        write(entry(AuditAction.UPDATE, collection.collectionName(), id, null, null, before, after, null));
    }

    void deleted(StoreCollection collection, BsonValue id, BsonDocument before, String batchId) {
        write(entry(AuditAction.DELETE, collection.collectionName(), id, null, null, before, null, batchId));
    }

    /** A delete of many documents: what matched and how many went, never the documents themselves. */
    void bulkDeleted(AuditAction action, String collection, BsonDocument filter, long count, String batchId) {
        write(entry(action, collection, null, filter, count, null, null, batchId));
    }

    /**
     * Before an import batch: the ids it may write and their count, never the documents themselves. Unlike the other
     * entries this one must be stored, or the batch is not written.
     *
     * @throws StorageException when the entry cannot be written
     */
    void importing(StoreCollection collection, List<BsonValue> ids) {
        BsonDocument described = FilterDescription.ofIds(ids).append("up_to", new BsonInt64(ids.size()));
        manager.insert(InspectorCollection.AUDIT, fitToSizeLimit(entry(AuditAction.IMPORT_STARTED,
                collection.collectionName(), null, described, (long) ids.size(), null, null, null).toDocument()));
    }

    /** One imported batch: the ids written and the counts, never the documents themselves. */
    void imported(StoreCollection collection, BsonDocument described, long count) {
        write(entry(AuditAction.IMPORT, collection.collectionName(), null, described, count, null, null, null));
    }

    /**
     * An index created on a user's request: {@code documentId} is the index name, {@code after} its definition
     * (name, keys, options); {@code count} the documents it was built over (for a TTL index: those it deletes now).
     */
    public void indexCreated(StoreCollection collection, String name, BsonDocument definition, long count) {
        write(entry(AuditAction.CREATE_INDEX, collection.collectionName(), new BsonString(name), null, count, null,
                definition, null));
    }

    /**
     * A Redis key deleted on a user's request ({@link AuditAction#CACHE_REPAIR} or
     * {@link AuditAction#DELETE_FOREIGN_CACHE_KEY}): {@code documentId} is the key, {@code facts} what was known of
     * it (its class, type, the difference), never its value.
     */
    public void cacheKeyDeleted(AuditAction action, String key, BsonDocument facts) {
        write(entry(action, "redis", new BsonString(key), facts, 1L, null, null, null));
    }

    /**
     * A Redis key deleted on a user's request: {@code documentId} is the key's name, {@code before} what it was
     * (type, TTL, size and, when small enough, its {@code DUMP}, so it can be put back with {@code RESTORE}).
     */
    void redisKeyDeleted(String key, BsonDocument before) {
        write(entry(AuditAction.DELETE_KEY, RedisKeyActions.AUDIT_COLLECTION, new BsonString(key), null, null, before,
                null, null));
    }

    /** A Redis key's time to live changed on a user's request ({@code ttl_ms} before and after; -1: none). */
    void redisKeyTtlChanged(String key, BsonDocument before, BsonDocument after) {
        write(entry(AuditAction.SET_KEY_TTL, RedisKeyActions.AUDIT_COLLECTION, new BsonString(key), null, null,
                before, after, null));
    }

    void restored(String collection, BsonValue id, BsonDocument after, String batchId) {
        write(entry(AuditAction.RESTORE, collection, id, null, null, null, after, batchId));
    }

    void restoredBatch(String batchId, long count) {
        var filter = new BsonDocument(TrashEntry.BATCH_ID, new BsonString(batchId));
        write(entry(AuditAction.RESTORE, InspectorCollection.TRASH.collectionName(), null, filter, count,
                null, null, batchId));
    }

    private AuditEntry entry(AuditAction action, String collection, BsonValue id, BsonDocument filter, Long count,
                             BsonDocument before, BsonDocument after, String batchId) {
        return new AuditEntry(null, clock.instant(), actor.user(), actor.origin(), action.wireName(), collection, id,
                filter, count, before, after, batchId);
    }

    private void write(AuditEntry entry) {
        BsonDocument doc = fitToSizeLimit(entry.toDocument());
        try {
            manager.insert(InspectorCollection.AUDIT, doc);
        } catch (StorageException e) {
            LOG.error("Could not write the audit entry for {} on {} {}: {}", entry.action(), entry.collection(),
                    entry.documentId(), e.getMessage());
        }
    }

    /** Two copies of a near-16 MiB document do not fit in one entry: drop the bodies, keep the facts. */
    private static BsonDocument fitToSizeLimit(BsonDocument doc) {
        int size = BsonBytes.size(doc);
        if (size <= MAX_ENTRY_BYTES) {
            return doc;
        }
        doc.remove(AuditEntry.BEFORE);
        doc.remove(AuditEntry.AFTER);
        doc.append(AuditEntry.OMITTED, new BsonString("before/after not kept: " + size + " bytes together"));
        return doc;
    }
}
