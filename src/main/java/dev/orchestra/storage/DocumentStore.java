package dev.orchestra.storage;

import dev.orchestra.storage.error.ReadOnlyViolationException;
import dev.orchestra.storage.error.StorageConflictException;
import dev.orchestra.storage.error.StorageConnectionException;
import dev.orchestra.storage.error.StorageException;
import dev.orchestra.storage.error.StorageOperationException;
import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.mapping.InsertDefaults;
import dev.orchestra.storage.mapping.StoreQueries;
import dev.orchestra.storage.model.BulkProgress;
import dev.orchestra.storage.model.CollectionRef;
import dev.orchestra.storage.model.CountEstimate;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.Page;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.RecordlessSessions;
import dev.orchestra.storage.model.SessionSummary;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.model.UpsertResult;
import dev.orchestra.storage.validation.DocumentValidator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Raw documents of every collection, what the inspector and the CLI call: paging, counts, CRUD, batches, sessions
 * and types. Exports stream through the optional {@link FullDocumentStreaming} capability. Every method may throw
 * {@link StorageConnectionException} (server unreachable), {@link StorageOperationException} (server refused), or
 * {@link StorageValidationException} (bad input, nothing written).
 */
public interface DocumentStore extends StoreLifecycle {

    /** Keyset-paged, newest first; list rows omit {@code embedding} (replaced by {@code embedding_dim}). */
    Page<BsonDocument> findPage(CollectionRef collection, DocumentFilter filter, PageRequest page);

    CountEstimate count(CollectionRef collection, DocumentFilter filter);

    /** The full stored document, embedding included. */
    Optional<BsonDocument> findById(CollectionRef collection, BsonValue id);

    /** Validates and inserts a raw document (defaults for {@code _id} and the time field); returns its id. */
    BsonValue insert(CollectionRef collection, BsonDocument document);

    /**
     * Puts back a document this store held before (a restore from the trash) exactly as given: no validation, no
     * defaults, the same field order and BSON types, whoever wrote it. The only check is that its {@code _id} is free;
     * the store's own unique indexes (e.g. a session's user and session) still apply, since they held at delete time.
     *
     * @throws StorageConflictException   when a document with that {@code _id} exists (carries it); nothing written
     * @throws StorageValidationException when the document has no {@code _id}
     */
    void restoreExactly(StoreCollection collection, BsonDocument document);

    /**
     * Replaces the document only if the stored one still equals {@code expected} (what the caller read).
     * {@code replacement} must keep the same {@code _id}. Only the fields the replacement changes are validated
     * ({@link DocumentValidator#validateChange}): values another service stored in
     * its own shape stay as they are.
     *
     * @throws StorageConflictException when it changed or was deleted since it was read
     */
    void replace(StoreCollection collection, BsonDocument expected, BsonDocument replacement);

    /** Deletes one document; false when it did not exist. */
    boolean delete(CollectionRef collection, BsonValue id);

    /**
     * Deletes everything matching, in batches of {@code batchSize}, telling {@code progress} after each batch
     * (which may stop it). Returns exactly how many were deleted.
     */
    long deleteMatching(StoreCollection collection, DocumentFilter filter, int batchSize, BulkProgress progress);

    // ---- batch operations (one round trip per batch where the store can; defaults go document by document) ---

    /**
     * Writes a batch, replacing by {@code _id} and inserting when absent (a document without {@code _id} gets one, and
     * the insert defaults). Every document is validated first: an invalid one is reported by its index in
     * {@code documents} and never written; the valid ones are still written. A cached manager invalidates every key
     * the batch affects. Not atomic: concurrent writers may interleave with the batch.
     *
     * @throws StorageConnectionException when the store is unreachable (some of the batch may have been written)
     */
    default UpsertResult upsertAll(StoreCollection collection, List<BsonDocument> documents) {
        return upsertAll(collection, documents, DocumentChecks.SCHEMA);
    }

    /**
     * {@link #upsertAll(StoreCollection, List)} with the given rules: {@link DocumentChecks#AS_IS} restores an
     * export exactly as it is (no insert defaults, no schema). This default writes document by document and knows
     * only the schema.
     */
    default UpsertResult upsertAll(StoreCollection collection, List<BsonDocument> documents, DocumentChecks checks) {
        if (checks != DocumentChecks.SCHEMA) {
            throw new StorageValidationException("This store cannot restore documents as they are");
        }
        long inserted = 0;
        long replaced = 0;
        long unchanged = 0;
        Map<Integer, String> failures = new HashMap<>();
        List<BsonValue> written = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            BsonDocument document = documents.get(i);
            try {
                BsonValue id = document.get("_id");
                Optional<BsonDocument> stored = id == null ? Optional.empty() : findById(collection, id);
                if (stored.isEmpty()) {
                    written.add(insert(collection, document));
                    inserted++;
                } else if (stored.get().equals(document)) {
                    written.add(id);
                    unchanged++;
                } else {
                    replace(collection, stored.get(), document);
                    written.add(id);
                    replaced++;
                }
            } catch (StorageConnectionException | ReadOnlyViolationException e) {
                throw e;
            } catch (StorageException e) {
                failures.put(i, e.getMessage());
            }
        }
        return new UpsertResult(inserted, replaced, unchanged, failures, written);
    }

    /**
     * Up to {@code limit} (1–1000) full stored documents matching {@code filter}, in no particular order: the read
     * of a batched bulk delete, which needs whole documents (for the trash) and no sort. Stores override it with
     * one unsorted query; this default lists a page and reads those ids.
     */
    default List<BsonDocument> findMatching(StoreCollection collection, DocumentFilter filter, int limit) {
        List<BsonValue> ids = findPage(collection, filter, PageRequest.first(limit)).items().stream()
                .map(d -> d.get("_id")).toList();
        return ids.isEmpty() ? List.of() : findByIds(collection, ids);
    }

    /** The full stored documents of those ids that exist (embeddings included), in no particular order. */
    default List<BsonDocument> findByIds(CollectionRef collection, List<BsonValue> ids) {
        List<BsonDocument> found = new ArrayList<>();
        for (BsonValue id : ids) {
            findById(collection, id).ifPresent(found::add);
        }
        return found;
    }

    /**
     * Validates all, then inserts all (defaults filled as by {@link #insert}); returns the ids in order. Nothing is
     * written when one is invalid.
     *
     * @throws StorageException when the store refused; the ones before the refused one may have been inserted
     */
    default List<BsonValue> insertAll(CollectionRef collection, List<BsonDocument> documents) {
        List<BsonDocument> complete = new ArrayList<>(documents.size());
        Instant now = Instant.now();
        for (BsonDocument document : documents) {
            if (document == null) {
                throw new StorageValidationException("The document is missing");
            }
            BsonDocument filled = InsertDefaults.apply(collection, document, now);
            DocumentValidator.validate(collection, filled);
            complete.add(filled);
        }
        List<BsonValue> ids = new ArrayList<>(complete.size());
        for (BsonDocument document : complete) {
            ids.add(insert(collection, document));
        }
        return ids;
    }

    /** Deletes exactly these ids (nothing else); returns how many existed and were deleted. */
    default long deleteByIds(CollectionRef collection, List<BsonValue> ids) {
        long deleted = 0;
        for (BsonValue id : ids) {
            deleted += delete(collection, id) ? 1 : 0;
        }
        return deleted;
    }

    /**
     * The {@code limit} most recently updated {@code user_sessions} records ({@code userId} null: every user's) with
     * the item statistics of those sessions only, most recent activity first. The work is bounded by {@code limit},
     * not by the size of {@code memory_items}: sessions that have items but no record, and items without a session,
     * are found by {@link #findSessionsWithoutRecord}, on request.
     */
    List<SessionSummary> listSessions(String userId, int limit);

    /**
     * Reads every memory item ({@code userId} null: every user's) once, in batches, for the sessions that have items
     * but no {@code user_sessions} record and each user's "(no session)" items; at most {@code limit}, most recent
     * activity first. An explicit scan that grows with the collection: {@code progress} is told after each batch
     * (items read, the estimated total) and returning false stops it, with what was found so far. Writes nothing.
     */
    RecordlessSessions findSessionsWithoutRecord(String userId, int limit, BulkProgress progress);

    /** The most values {@link #distinctTypes} returns. */
    int MAX_DISTINCT_TYPES = StoreQueries.MAX_DISTINCT_TYPES;

    /**
     * The string values the collection's type field holds ({@code item_type} of memory items, {@code data_type} of
     * agent data) among its newest {@value StoreQueries#DISTINCT_TYPES_WINDOW} documents (the listing order), sorted,
     * at most {@code limit} (1–{@value #MAX_DISTINCT_TYPES}): the work does not grow with the collection, and a type
     * only older documents have is not offered (it can still be typed). Writes nothing.
     *
     * @throws StorageValidationException for a collection without a type field or a limit out of range
     */
    List<String> distinctTypes(StoreCollection collection, int limit);
}
