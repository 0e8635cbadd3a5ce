package dev.orchestra.storage.mapping;

import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.model.StoreCollection;
import java.util.List;
import java.util.Optional;
import org.bson.BsonDocument;

/**
 * Direct access for sample data and tests, offered by the stores themselves (not by caches in front of them).
 * <ul>
 * <li>Unchecked inserts store documents exactly as given — no validation, no defaults — the way another system
 * might have written them (a timestamp stored as a string). The inspector's own writes always go through
 * {@code MemoryManager.insert}.</li>
 * <li>Meta entries are small documents in the store's own {@code inspector_meta} collection (e.g. "sample data
 * was seeded"), keyed by name.</li>
 * </ul>
 */
public interface RawDocumentAccess {
    /** The collection holding meta entries. */
    String META_COLLECTION = "inspector_meta";

    /** @throws StorageValidationException when the document has no {@code _id} */
    void insertUnchecked(StoreCollection collection, BsonDocument document);

    /** Inserts many documents as given, in batches where the store supports it. */
    default void insertAllUnchecked(StoreCollection collection, List<BsonDocument> documents) {
        documents.forEach(d -> insertUnchecked(collection, d));
    }

    Optional<BsonDocument> readMeta(String key);

    void writeMeta(String key, BsonDocument value);
}
