package dev.orchestra.storage.safety;

import static dev.orchestra.storage.validation.Arguments.requireArgument;

import dev.orchestra.storage.model.BulkProgress;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.model.UpsertResult;
import dev.orchestra.storage.DocumentChecks;
import dev.orchestra.storage.DocumentStore;
import dev.orchestra.storage.redis.keys.RedisKeys;
import dev.orchestra.storage.tiered.CacheInvalidations;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonValue;

/**
 * The one entry point the GUI and the CLI use to change data. Every method checks the {@link WriteLock} first,
 * validates, goes through the given {@link DocumentStore} only (so a tiered manager invalidates its cache),
 * copies to the trash before any delete, and writes the audit log. Thread-safe; call it off the UI thread.
 *
 * <p>Only {@code memory_items}, {@code agent_data} and {@code user_sessions} can be changed here. Pass full
 * documents from {@link DocumentStore#findById} (not list rows, which lack the embedding) as {@code expected}.
 */
public final class SafeOperations {
    /** The batch size used when none is given. */
    public static final int DEFAULT_BATCH_SIZE = 100;

    private final DocumentStore manager;
    private final WriteLock lock;
    private final AuditLog audit;
    private final Clock clock;
    private final TrashService trash;
    private final DocumentEdits edits;
    private final SafeDeletes deletes;

    public SafeOperations(DocumentStore manager, WriteLock lock, Actor actor, Clock clock) {
        this.manager = manager;
        this.lock = lock;
        this.audit = new AuditLog(manager, actor, clock);
        this.clock = clock;
        this.trash = new TrashService(manager, lock, audit, actor, clock);
        this.edits = new DocumentEdits(manager, lock, audit, clock);
        this.deletes = new SafeDeletes(manager, lock, audit, trash);
    }

    public SafeOperations(DocumentStore manager, WriteLock lock, Actor actor) {
        this(manager, lock, actor, Clock.systemUTC());
    }

    public WriteLock writeLock() {
        return lock;
    }

    public TrashService trash() {
        return trash;
    }

    public AuditLog audit() {
        return audit;
    }

    /** Whether the cache keys of the writes made here were deleted in Redis (see {@link CacheInvalidations}). */
    public CacheInvalidations cacheInvalidations() {
        return CacheInvalidations.of(manager);
    }

    /**
     * Deleting Redis keys and changing their TTL, audited and refused while locked; empty when the store has no
     * Redis cache.
     */
    public Optional<RedisKeyActions> redisKeys() {
        return manager.capability(RedisKeys.class).map(keys -> new RedisKeyActions(keys, lock, audit));
    }

    // ---- edits -------------------------------------------------------------------------------------------------

    /**
     * Saves an edited document if the stored one still equals {@code expected}. To overwrite deliberately after a
     * conflict, call again with the conflict's {@code current()} as {@code expected}.
     *
     * @return the saved document, the {@code expected} for the next save
     * @throws dev.orchestra.storage.error.StorageValidationException when invalid or the {@code _id} changed; nothing written
     * @throws dev.orchestra.storage.error.StorageConflictException  when it changed or was deleted since it was loaded
     */
    public BsonDocument update(StoreCollection collection, BsonDocument expected, BsonDocument replacement) {
        return edits.update(collection, expected, replacement);
    }

    /** Inserts a new document; {@code _id} (UUID string) and the time field (now) are filled when absent. */
    public BsonValue insert(StoreCollection collection, BsonDocument document) {
        return edits.insert(collection, document);
    }

    /** A copy of the stored document without {@code _id} and with the time field set to now, for the editor. */
    public BsonDocument duplicateDraft(StoreCollection collection, BsonValue id) {
        return edits.duplicateDraft(collection, id);
    }

    /** Inserts {@link #duplicateDraft} as it is; returns the new {@code _id}. */
    public BsonValue duplicate(StoreCollection collection, BsonValue id) {
        return edits.insert(collection, edits.duplicateDraft(collection, id));
    }

    // ---- imports ----------------------------------------------------------------------------------------------

    /**
     * Writes a batch of documents, replacing by {@code _id} and inserting when absent, with one
     * {@link DocumentStore#upsertAll} (one round trip on MongoDB) and two audit entries for the batch rather than one
     * per document: before it, {@code import_started} with every id it may write (a document without {@code _id}
     * gets its id here, so the entry can name it), and after it, {@code import} with the ids written and the counts.
     * A batch cut off by a stalled server is therefore covered by the first. Invalid documents are reported by index
     * and never written.
     *
     * @throws dev.orchestra.storage.error.ReadOnlyViolationException while the write lock is locked; nothing written
     * @throws dev.orchestra.storage.error.StorageException when the first entry cannot be written; nothing written
     */
    public UpsertResult importBatch(StoreCollection collection, List<BsonDocument> documents) {
        return importBatch(collection, documents, DocumentChecks.SCHEMA);
    }

    /** {@link #importBatch(StoreCollection, List)} with the given rules ({@link DocumentChecks#AS_IS}: a restore). */
    public UpsertResult importBatch(StoreCollection collection, List<BsonDocument> documents, DocumentChecks checks) {
        requireArgument(collection, "collection");
        lock.checkWritable("import into " + collection.collectionName());
        Instant now = clock.instant();
        List<BsonDocument> complete = documents.stream().map(d -> checks.complete(collection, d, now)).toList();
        audit.importing(collection, complete.stream().map(d -> d.get("_id")).toList());
        UpsertResult result = manager.upsertAll(collection, complete, checks);
        if (result.inserted() + result.replaced() > 0) {
            BsonDocument described = FilterDescription.ofIds(result.written())
                    .append("inserted", new BsonInt64(result.inserted()))
                    .append("replaced", new BsonInt64(result.replaced()))
                    .append("unchanged", new BsonInt64(result.unchanged()))
                    .append("failed", new BsonInt64(result.failures().size()));
            audit.imported(collection, described, result.inserted() + result.replaced());
        }
        return result;
    }

    // ---- deletes -----------------------------------------------------------------------------------------------

    /** What {@link #deleteMatching} would remove: count, the first {@code sampleSize} rows, confirmation needed. */
    public DeletePreview previewDelete(StoreCollection collection, DocumentFilter filter, int sampleSize) {
        return deletes.preview(collection, filter, sampleSize);
    }

    /** What {@link #deleteMany} would remove: the selection's size and its first {@code sampleSize} documents. */
    public DeletePreview previewDeleteMany(StoreCollection collection, List<BsonValue> ids, int sampleSize) {
        return deletes.previewIds(collection, ids, sampleSize);
    }

    /** What {@link #deleteSession} would remove; the user must type the session id. */
    public DeletePreview previewSessionDelete(String userId, String sessionId, int sampleSize) {
        return deletes.previewSession(userId, sessionId, sampleSize);
    }

    /** Trash, delete, audit. {@code deleted()} is 0 when it did not exist. */
    public DeleteResult delete(StoreCollection collection, BsonValue id) {
        return deletes.delete(collection, id);
    }

    public DeleteResult deleteMany(StoreCollection collection, List<BsonValue> ids) {
        return deleteMany(collection, ids, DEFAULT_BATCH_SIZE, BulkProgress.IGNORE);
    }

    /** @throws PartialDeleteException when an error stops it part-way (with the exact count and the undo token) */
    public DeleteResult deleteMany(StoreCollection collection, List<BsonValue> ids, int batchSize,
                                   BulkProgress progress) {
        return deletes.deleteMany(collection, ids, batchSize, progress);
    }

    /**
     * Deletes everything matching, {@code batchSize} at a time (each batch copied to the trash first); after each
     * batch {@code progress} is told (done, expected) and may stop it by returning false.
     *
     * @throws PartialDeleteException when an error stops it part-way (with the exact count and the undo token)
     */
    public DeleteResult deleteMatching(StoreCollection collection, DocumentFilter filter, int batchSize,
                                       BulkProgress progress) {
        return deletes.deleteMatching(collection, filter, batchSize, progress);
    }

    public SessionDeleteResult deleteSession(String userId, String sessionId) {
        return deleteSession(userId, sessionId, DEFAULT_BATCH_SIZE, BulkProgress.IGNORE);
    }

    /**
     * Deletes a session's memory items, then its {@code user_sessions} record, under one batch id; a tiered manager
     * drops the session's Redis keys as part of those deletes.
     */
    public SessionDeleteResult deleteSession(String userId, String sessionId, int batchSize, BulkProgress progress) {
        return deletes.deleteSession(userId, sessionId, batchSize, progress);
    }

    /** Restores everything deleted under {@code batchId} (the undo token of a delete result). */
    public RestoreReport undo(String batchId) {
        return trash.restoreBatch(batchId);
    }
}
