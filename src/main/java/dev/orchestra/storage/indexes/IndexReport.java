package dev.orchestra.storage.indexes;

import dev.orchestra.storage.model.StoreCollection;
import java.util.List;
import java.util.Optional;

/**
 * Per collection, the indexes that exist next to the recommended ones.
 *
 * @param applicable false for a store without indexes (the in-memory one): nothing to list or create
 */
public record IndexReport(boolean applicable, List<CollectionIndexes> collections) {
    public IndexReport {
        collections = List.copyOf(collections);
    }

    public static IndexReport notApplicable() {
        return new IndexReport(false, List.of());
    }

    public List<IndexRow> rows() {
        return collections.stream().flatMap(c -> c.rows().stream()).toList();
    }

    /** The recommended indexes that are missing or conflicting. */
    public List<IndexRow> recommendedNotPresent() {
        return rows().stream().filter(r -> r.recommended() && r.status() != IndexStatus.PRESENT).toList();
    }

    /** What {@code indexes --check} answers; a store without indexes has nothing missing. */
    public boolean allRecommendedPresent() {
        return recommendedNotPresent().isEmpty();
    }

    public Optional<CollectionIndexes> collection(StoreCollection collection) {
        return collections.stream().filter(c -> c.collection() == collection).findFirst();
    }
}
