package dev.orchestra.storage.model;

import java.util.List;

/**
 * What a semantic search compares: the user's stored embeddings (optionally only those of one persona) with
 * {@code embedding}, keeping the best {@code topK}. The stores validate it (user required, topK at least 1, a
 * finite, non-zero vector) and refuse it with a {@code StorageValidationException}.
 */
public record SemanticQuery(String userId, List<Double> embedding, String persona, int topK) {
    public SemanticQuery {
        embedding = embedding == null ? null : List.copyOf(embedding);
    }
}
