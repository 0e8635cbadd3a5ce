package dev.orchestra.storage.mongo;

import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.mongo.IndexBootstrap.IndexSpec;
import java.time.Instant;
import java.util.List;

/**
 * What a store offers when it has real indexes (MongoDB): see a capability
 * ({@link dev.orchestra.storage.StoreLifecycle#capability})
 * (decorators return their store's, the read-only gate a gated one). Reading never creates a collection or an index.
 */
public interface IndexCatalog {
    /** The indexes {@code collection} has now; a collection that does not exist has none (and is not created). */
    ExistingIndexes existing(StoreCollection collection);

    /** Creates the indexes; returns a line per index that could not be created (empty when all are in place). */
    List<String> create(List<IndexSpec> specs);

    /** How many documents have an {@code expiration} before {@code now}: what a TTL index would delete at once. */
    long countExpired(StoreCollection collection, Instant now);
}
