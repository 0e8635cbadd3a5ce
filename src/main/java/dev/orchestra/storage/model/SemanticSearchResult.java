package dev.orchestra.storage.model;

import java.util.List;

/**
 * A semantic search's hits, best first, and what it looked at: {@code compared} embeddings had the query's
 * {@code dimension}; {@code skippedOtherDimension} were numeric arrays of another length (another model's vectors);
 * {@code skippedUnusable} had the right length but could not be scored (a non-number inside, all zeros).
 */
public record SemanticSearchResult(List<ScoredMemoryItem> hits, int dimension, long compared,
                                   long skippedOtherDimension, long skippedUnusable) {
    public SemanticSearchResult {
        hits = List.copyOf(hits);
    }

    /** Every embedding the search read. */
    public long examined() {
        return compared + skippedOtherDimension + skippedUnusable;
    }
}
