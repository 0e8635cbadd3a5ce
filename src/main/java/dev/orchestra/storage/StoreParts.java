package dev.orchestra.storage;

import dev.orchestra.storage.error.StorageConflictException;
import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.mapping.StoreQueries;
import dev.orchestra.storage.model.BulkProgress;
import dev.orchestra.storage.model.CollectionRef;
import dev.orchestra.storage.model.CountEstimate;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.Page;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.RecordlessSessions;
import dev.orchestra.storage.model.SemanticQuery;
import dev.orchestra.storage.model.SemanticSearchResult;
import dev.orchestra.storage.model.SessionRef;
import dev.orchestra.storage.model.SessionSummary;
import dev.orchestra.storage.mapping.SessionBatches;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.model.UpsertResult;
import dev.orchestra.storage.validation.DocumentValidator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The contract split by role, and the four collaborators a store is made of, one per role;
 * {@link ComposedMemoryManager} carries out the {@link MemoryManager} contract by delegating to them.
 * {@link OrchestraMemory} extends {@link Orchestra}, and {@link DocumentStore} extends {@link Documents},
 * {@link Batches} and {@link Sessions}, so every method is declared once, here, and any {@link MemoryManager} can
 * serve as all four parts (see {@link #allOf}). Every method may throw what the contract says (connection,
 * operation, validation).
 *
 * @param orchestra Orchestra's own queries
 * @param documents one document or one query at a time
 * @param batches the operations over many documents that every store does natively
 * @param sessions the session list and the scan for sessions without a record
 */
public record StoreParts(Orchestra orchestra, Documents documents, Batches batches, Sessions sessions) {

    public StoreParts {
        Objects.requireNonNull(orchestra, "orchestra");
        Objects.requireNonNull(documents, "documents");
        Objects.requireNonNull(batches, "batches");
        Objects.requireNonNull(sessions, "sessions");
    }

    /** Every role carried out by one manager: the parts of a decorator, which passes each call on to it. */
    public static StoreParts allOf(MemoryManager manager) {
        return new StoreParts(manager, manager, manager, manager);
    }

    /**
     * Orchestra's queries and maintenance, the part of {@link OrchestraMemory} a store carries out itself (the
     * inserts and reads by id are the contract's defaults, through {@link Documents}).
     */
    public interface Orchestra {
        /**
         * The newest {@code limit} items of a user (and session, when not null) in chronological order (oldest
         * first), narrowed by {@code filters} (null = none; item type defaults to all types).
         */
        List<MemoryItem> getConversationHistory(String userId, String sessionId, int limit, DocumentFilter filters);

        /**
         * For each session (a null session id: the user's whole history), exactly what
         * {@code getConversationHistory(user, session, limit, null)} returns, keyed in the order given; read from the
         * store itself, never from a cache. Stores read many sessions per query, each reply bounded
         * ({@link SessionBatches}); this default reads them one by one.
         */
        default Map<SessionRef, List<MemoryItem>> getConversationHistories(List<SessionRef> sessions, int limit) {
            Map<SessionRef, List<MemoryItem>> histories = new LinkedHashMap<>();
            sessions.forEach(s -> histories.put(s, getConversationHistory(s.userId(), s.sessionId(), limit, null)));
            return histories;
        }

        /**
         * The semantic search with what it looked at: the hits, best first, and how many stored embeddings were
         * compared or skipped (another dimension, not scorable). Streams only ids and embeddings, keeping the best
         * {@code topK}.
         */
        SemanticSearchResult semanticSearch(SemanticQuery query);

        /** Whether the user already has an item with exactly this text. */
        boolean checkDuplicate(String userId, String textContent);

        /** Deletes memory items and agent data whose {@code expiration} is in the past; returns how many. */
        long cleanupExpiredItems();
    }

    /** The document operations of {@link DocumentStore}, one document or one query at a time. */
    public interface Documents {
        /** Keyset-paged, newest first; list rows omit {@code embedding} (replaced by {@code embedding_dim}). */
        Page<BsonDocument> findPage(CollectionRef collection, DocumentFilter filter, PageRequest page);

        CountEstimate count(CollectionRef collection, DocumentFilter filter);

        /** The full stored document, embedding included. */
        Optional<BsonDocument> findById(CollectionRef collection, BsonValue id);

        /** Validates and inserts a raw document (defaults for {@code _id} and the time field); returns its id. */
        BsonValue insert(CollectionRef collection, BsonDocument document);

        /**
         * Puts back a document this store held before (a restore from the trash) exactly as given: no validation, no
         * defaults, the same field order and BSON types, whoever wrote it. The only check is that its {@code _id} is
         * free; the store's own unique indexes (e.g. a session's user and session) still apply, since they held at
         * delete time.
         *
         * @throws StorageConflictException   when a document with that {@code _id} exists (carries it); nothing
         *                                    written
         * @throws StorageValidationException when the document has no {@code _id}
         */
        void restoreExactly(StoreCollection collection, BsonDocument document);

        /**
         * Replaces the document only if the stored one still equals {@code expected} (what the caller read).
         * {@code replacement} must keep the same {@code _id}. Only the fields the replacement changes are validated
         * ({@link DocumentValidator#validateChange}): values another service stored in its own shape stay as they
         * are.
         *
         * @throws StorageConflictException when it changed or was deleted since it was read
         */
        void replace(StoreCollection collection, BsonDocument expected, BsonDocument replacement);

        /** Deletes one document; false when it did not exist. */
        boolean delete(CollectionRef collection, BsonValue id);

        /**
         * The string values the collection's type field holds ({@code item_type} of memory items, {@code data_type}
         * of agent data) among its newest {@value StoreQueries#DISTINCT_TYPES_WINDOW} documents (the listing order),
         * sorted, at most {@code limit} (1–{@value DocumentStore#MAX_DISTINCT_TYPES}): the work does not grow with the
         * collection, and a type only older documents have is not offered (it can still be typed). Writes nothing.
         *
         * @throws StorageValidationException for a collection without a type field or a limit out of range
         */
        List<String> distinctTypes(StoreCollection collection, int limit);
    }

    /**
     * The operations over many documents; a store without a faster way does them through
     * {@link DocumentByDocument}, as {@link DocumentStore}'s defaults do.
     */
    public interface Batches {
        /** See {@link DocumentStore#upsertAll(StoreCollection, List, DocumentChecks)}. */
        UpsertResult upsertAll(StoreCollection collection, List<BsonDocument> documents, DocumentChecks checks);

        /**
         * Deletes everything matching, in batches of {@code batchSize}, telling {@code progress} after each batch
         * (which may stop it). Returns exactly how many were deleted.
         */
        long deleteMatching(StoreCollection collection, DocumentFilter filter, int batchSize, BulkProgress progress);

        /** See {@link DocumentStore#findMatching}. */
        List<BsonDocument> findMatching(StoreCollection collection, DocumentFilter filter, int limit);

        /** See {@link DocumentStore#findByIds}. */
        List<BsonDocument> findByIds(CollectionRef collection, List<BsonValue> ids);

        /** See {@link DocumentStore#insertAll}. */
        List<BsonValue> insertAll(CollectionRef collection, List<BsonDocument> documents);

        /** See {@link DocumentStore#deleteByIds}. */
        long deleteByIds(CollectionRef collection, List<BsonValue> ids);

        /** See {@link DocumentStore#findSessionRecords}. */
        Map<SessionRef, List<BsonDocument>> findSessionRecords(List<SessionRef> sessions);
    }

    /** The sessions of {@link DocumentStore}: the bounded list, and the explicit scan for what it leaves out. */
    public interface Sessions {
        /**
         * The {@code limit} most recently updated {@code user_sessions} records ({@code userId} null: every user's)
         * with the item statistics of those sessions only, most recent activity first. The work is bounded by
         * {@code limit}, not by the size of {@code memory_items}: sessions that have items but no record, and items
         * without a session, are found by {@link #findSessionsWithoutRecord}, on request.
         */
        List<SessionSummary> listSessions(String userId, int limit);

        /**
         * Reads every memory item ({@code userId} null: every user's) once, in batches, for the sessions that have
         * items but no {@code user_sessions} record and each user's "(no session)" items; at most {@code limit}, most
         * recent activity first. An explicit scan that grows with the collection: {@code progress} is told after each
         * batch (items read, the estimated total) and returning false stops it, with what was found so far. Writes
         * nothing.
         */
        RecordlessSessions findSessionsWithoutRecord(String userId, int limit, BulkProgress progress);
    }
}
