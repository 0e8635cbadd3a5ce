package dev.orchestra.storage.model;

/** A semantic-search hit: cosine similarity in [-1, 1]. */
public record ScoredMemoryItem(MemoryItem item, double score) {
}
