package dev.orchestra.storage;

import dev.orchestra.storage.error.StorageConnectionException;
import dev.orchestra.storage.error.StorageOperationException;
import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.model.AgentData;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.ScoredMemoryItem;
import dev.orchestra.storage.model.SemanticQuery;
import dev.orchestra.storage.model.SemanticSearchResult;
import java.util.List;
import java.util.Optional;
import org.bson.BsonValue;

/**
 * Orchestra's memory operations, what Orchestra's own services call (the inspector and the CLI do not). Every
 * method may throw {@link StorageConnectionException} (server unreachable), {@link StorageOperationException}
 * (server refused), or {@link StorageValidationException} (bad input, nothing written).
 */
public interface OrchestraMemory extends StoreLifecycle {

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
     * items whose embedding has another dimension are skipped. Best first. The hits of
     * {@link #semanticSearch(SemanticQuery)}.
     */
    default List<ScoredMemoryItem> semanticSearch(String userId, List<Double> queryEmbedding, String persona,
                                                  int topK) {
        return semanticSearch(new SemanticQuery(userId, queryEmbedding, persona, topK)).hits();
    }

    /**
     * The semantic search with what it looked at: the hits, best first, and how many stored embeddings were compared
     * or skipped (another dimension, not scorable). Streams only ids and embeddings, keeping the best {@code topK}.
     */
    SemanticSearchResult semanticSearch(SemanticQuery query);

    /** Validates and inserts agent data; returns the id. */
    BsonValue addRawAgentData(AgentData data);

    /** Whether the user already has an item with exactly this text. */
    boolean checkDuplicate(String userId, String textContent);

    /** Deletes memory items and agent data whose {@code expiration} is in the past; returns how many. */
    long cleanupExpiredItems();
}
