package dev.orchestra.storage.indexes;

import dev.orchestra.storage.model.StoreCollection;
import java.util.List;

/**
 * One collection's part of the {@link IndexReport}.
 *
 * @param exists        false when the collection does not exist yet (creating an index would create it)
 * @param documentCount the server's estimate: what an index build goes over
 */
public record CollectionIndexes(StoreCollection collection, boolean exists, long documentCount, List<IndexRow> rows) {
    public CollectionIndexes {
        rows = List.copyOf(rows);
    }

    /** The recommended indexes that are not there (neither present nor blocked by a conflict). */
    public List<IndexRow> missing() {
        return rows.stream().filter(r -> r.recommended() && r.status() == IndexStatus.MISSING).toList();
    }
}
