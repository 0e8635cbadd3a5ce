package dev.orchestra.storage.indexes;

import dev.orchestra.storage.model.StoreCollection;
import java.util.OptionalLong;
import org.bson.BsonDocument;

/**
 * One line of the index report: an existing index, a missing recommended one, or both sides of a conflict.
 *
 * @param name        the index name (the recommended name for a missing one)
 * @param keys        the key pattern
 * @param options     the options beyond name and keys ({@code unique}, {@code expireAfterSeconds}, …)
 * @param sizeBytes   the index's size where the server reports it
 * @param recommended whether this line is one of {@code IndexBootstrap.recommended()}
 * @param note        why it conflicts, or empty
 */
public record IndexRow(StoreCollection collection, String name, BsonDocument keys, BsonDocument options,
                       OptionalLong sizeBytes, IndexStatus status, boolean recommended, String note) {
    public IndexRow {
        keys = keys.clone();
        options = options.clone();
    }

    /** {@code collection.name}: how the CLI and the audit log name an index unambiguously. */
    public String qualifiedName() {
        return collection.collectionName() + "." + name;
    }
}
