package dev.orchestra.storage;

import dev.orchestra.storage.error.ReadOnlyViolationException;
import dev.orchestra.storage.error.StorageConnectionException;
import dev.orchestra.storage.error.StorageException;
import dev.orchestra.storage.error.StorageOperationException;
import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.mapping.StoreQueries;
import dev.orchestra.storage.model.CollectionRef;
import dev.orchestra.storage.mapping.SessionBatches;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.SessionRef;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.model.UpsertResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
public interface DocumentStore extends StoreLifecycle, StoreParts.Documents, StoreParts.Batches, StoreParts.Sessions {

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
        List<BsonValue> ids = DocumentByDocument.idsOnFirstPage(this, collection, filter, limit);
        return ids.isEmpty() ? List.of() : findByIds(collection, ids);
    }

    /**
     * The {@code user_sessions} records of each session (session ids required), as {@link #findPage} lists them
     * ({@code embedding} replaced by {@code embedding_dim}), at most {@value SessionBatches#RECORDS_PER_SESSION}:
     * the one record when there is exactly one, two of them when there are several, none when there is none; keyed
     * in the order given. Stores read many sessions per query ({@link SessionBatches}); this default lists each
     * session's first page.
     */
    default Map<SessionRef, List<BsonDocument>> findSessionRecords(List<SessionRef> sessions) {
        Map<SessionRef, List<BsonDocument>> records = new LinkedHashMap<>();
        sessions.forEach(s -> records.put(s, sessionRecordsOf(this, s)));
        return records;
    }

    /** One session's records as {@link #findSessionRecords} gives them: what a batch falls back to for a session. */
    static List<BsonDocument> sessionRecordsOf(StoreParts.Documents documents, SessionRef session) {
        return documents.findPage(StoreCollection.USER_SESSIONS,
                DocumentFilter.forSession(session.userId(), session.sessionId()),
                PageRequest.first(SessionBatches.RECORDS_PER_SESSION)).items();
    }

    /** The full stored documents of those ids that exist (embeddings included), in no particular order. */
    default List<BsonDocument> findByIds(CollectionRef collection, List<BsonValue> ids) {
        return new DocumentByDocument(this).findByIds(collection, ids);
    }

    /**
     * Validates all, then inserts all (defaults filled as by {@link #insert}); returns the ids in order. Nothing is
     * written when one is invalid.
     *
     * @throws StorageException when the store refused; the ones before the refused one may have been inserted
     */
    default List<BsonValue> insertAll(CollectionRef collection, List<BsonDocument> documents) {
        return new DocumentByDocument(this).insertAll(collection, documents);
    }

    /** Deletes exactly these ids (nothing else); returns how many existed and were deleted. */
    default long deleteByIds(CollectionRef collection, List<BsonValue> ids) {
        return new DocumentByDocument(this).deleteByIds(collection, ids);
    }

    /** The most values {@link #distinctTypes} returns. */
    int MAX_DISTINCT_TYPES = StoreQueries.MAX_DISTINCT_TYPES;
}
