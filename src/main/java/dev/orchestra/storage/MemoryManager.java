package dev.orchestra.storage;

import dev.orchestra.storage.health.ComponentHealth;
import dev.orchestra.storage.model.AgentData;
import dev.orchestra.storage.model.BulkProgress;
import dev.orchestra.storage.model.CountEstimate;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.Page;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.ScoredMemoryItem;
import dev.orchestra.storage.model.SessionSummary;
import dev.orchestra.storage.model.StoreCollection;
import java.util.List;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Orchestra's memory store. MongoDB is the source of truth; implementations may cache (see
 * {@code TieredMemoryManager}). Every method may throw {@link StorageConnectionException} (server unreachable),
 * {@link StorageOperationException} (server refused), or {@link StorageValidationException} (bad input, nothing
 * written). Implementations are thread-safe.
 */
public interface MemoryManager extends AutoCloseable {

    // ---- lifecycle -------------------------------------------------------------------------------------------

    /** Connects and creates indexes idempotently. Safe to call more than once. */
    void initialize();

    /** The backends this manager uses, checked now with a short timeout; never hangs, never throws. */
    List<ComponentHealth> checkHealth();

    /**
     * Heavier server facts for a monitoring view, keyed by component ({@code storage_mongodb}: serverStatus
     * connections and opcounters; {@code storage_redis}: INFO memory, clients, keyspace hits; {@code cache}: this
     * process's hit/miss counts). Values are strings, numbers or nested maps; never secrets. Never throws: a failed
     * component maps to {@code {"error": message}}.
     */
    default java.util.Map<String, Object> serverStatistics() {
        return java.util.Map.of();
    }

    @Override
    void close();

    // ---- Orchestra's operations ------------------------------------------------------------------------------

    /** Validates and inserts; fills {@code _id} (UUID string) and {@code timestamp} (now) when absent. Returns the id. */
    BsonValue addMemoryItem(MemoryItem item);

    Optional<MemoryItem> getMemoryItem(BsonValue id);

    /**
     * The newest {@code limit} items of a user (and session, when not null) in chronological order (oldest first),
     * narrowed by {@code filters} (null = none; item type defaults to all types).
     */
    List<MemoryItem> getConversationHistory(String userId, String sessionId, int limit, DocumentFilter filters);

    /**
     * Cosine similarity between {@code queryEmbedding} and the user's stored embeddings (optionally of one persona);
     * items whose embedding has another dimension are skipped. Best first.
     */
    List<ScoredMemoryItem> semanticSearch(String userId, List<Double> queryEmbedding, String persona, int topK);

    BsonValue addRawAgentData(AgentData data);

    /** Whether the user already has an item with exactly this text. */
    boolean checkDuplicate(String userId, String textContent);

    /** Deletes memory items and agent data whose {@code expiration} is in the past; returns how many. */
    long cleanupExpiredItems();

    // ---- the inspector's operations (raw documents, all three collections) ------------------------------------

    /** Keyset-paged, newest first; list rows omit {@code embedding} (replaced by {@code embedding_dim}). */
    Page<BsonDocument> findPage(StoreCollection collection, DocumentFilter filter, PageRequest page);

    CountEstimate count(StoreCollection collection, DocumentFilter filter);

    /** The full stored document, embedding included. */
    Optional<BsonDocument> findById(StoreCollection collection, BsonValue id);

    /** Validates and inserts a raw document (defaults for {@code _id} and the time field); returns its id. */
    BsonValue insert(StoreCollection collection, BsonDocument document);

    /**
     * Replaces the document only if the stored one still equals {@code expected} (what the caller read).
     * {@code replacement} must keep the same {@code _id}.
     *
     * @throws StorageConflictException when it changed or was deleted since it was read
     */
    void replace(StoreCollection collection, BsonDocument expected, BsonDocument replacement);

    /** Deletes one document; false when it did not exist. */
    boolean delete(StoreCollection collection, BsonValue id);

    /**
     * Deletes everything matching, in batches of {@code batchSize}, telling {@code progress} after each batch
     * (which may stop it). Returns exactly how many were deleted.
     */
    long deleteMatching(StoreCollection collection, DocumentFilter filter, int batchSize, BulkProgress progress);

    /**
     * Sessions across {@code memory_items} and {@code user_sessions}, most recent activity first; {@code userId}
     * null lists every user's. Includes sessions known only from items (flagged).
     */
    List<SessionSummary> listSessions(String userId, int limit);
}
