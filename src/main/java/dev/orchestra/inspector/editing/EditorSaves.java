package dev.orchestra.inspector.editing;

import dev.orchestra.storage.DocumentStore;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.safety.SafeOperations;
import dev.orchestra.storage.tiered.CacheInvalidations;
import java.util.concurrent.Callable;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/** What an editor's save does on the worker thread: the write through {@link SafeOperations}, then what it stored. */
final class EditorSaves {
    /** A saved document, and how many of its cache keys Redis did not delete. */
    record Saved(BsonDocument document, long cacheKeysQueued) {
    }

    private EditorSaves() {
    }

    /** A guarded replace of {@code expected}; counts the cache keys left to the invalidation journal. */
    static Callable<Saved> update(SafeOperations ops, StoreCollection collection, BsonDocument expected,
                                  BsonDocument replacement) {
        CacheInvalidations invalidations = ops.cacheInvalidations();
        return () -> {
            long queuedBefore = invalidations.invalidationsQueued();
            BsonDocument saved = ops.update(collection, expected, replacement);
            return new Saved(saved, invalidations.invalidationsQueued() - queuedBefore);
        };
    }

    /** An insert, then the document as the store holds it (the editor continues with that one). */
    static Callable<Saved> insert(SafeOperations ops, DocumentStore reader, StoreCollection collection,
                                  BsonDocument document) {
        return () -> {
            BsonValue id = ops.insert(collection, document);
            return new Saved(reader.findById(collection, id).orElse(document), 0);
        };
    }
}
