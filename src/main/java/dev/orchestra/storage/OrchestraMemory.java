package dev.orchestra.storage;

import dev.orchestra.storage.error.StorageConnectionException;
import dev.orchestra.storage.error.StorageOperationException;
import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.model.AgentData;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.ScoredMemoryItem;
import dev.orchestra.storage.model.SemanticQuery;
import java.util.List;
import java.util.Optional;
import org.bson.BsonValue;

/**
 * Orchestra's memory operations, what Orchestra's own services call (the inspector and the CLI do not). Every
 * method may throw {@link StorageConnectionException} (server unreachable), {@link StorageOperationException}
 * (server refused), or {@link StorageValidationException} (bad input, nothing written).
 */
public interface OrchestraMemory extends StoreLifecycle, StoreParts.Orchestra {

    /** Validates and inserts; fills {@code _id} (UUID string) and {@code timestamp} (now) when absent. Returns the id. */
    BsonValue addMemoryItem(MemoryItem item);

    Optional<MemoryItem> getMemoryItem(BsonValue id);

    /**
     * Cosine similarity between {@code queryEmbedding} and the user's stored embeddings (optionally of one persona);
     * items whose embedding has another dimension are skipped. Best first. The hits of
     * {@link #semanticSearch(SemanticQuery)}.
     */
    default List<ScoredMemoryItem> semanticSearch(String userId, List<Double> queryEmbedding, String persona,
                                                  int topK) {
        return semanticSearch(new SemanticQuery(userId, queryEmbedding, persona, topK)).hits();
    }

    /** Validates and inserts agent data; returns the id. */
    BsonValue addRawAgentData(AgentData data);
}
