package dev.orchestra.storage.transfer;

import dev.orchestra.storage.DocumentStore;
import dev.orchestra.storage.error.StorageConflictException;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.safety.SafeOperations;
import org.bson.BsonDocument;

/** The two writes an upsert needs, either straight to a manager or through the safe (audited, gated) path. */
public interface DocumentWrites {
    void insert(StoreCollection collection, BsonDocument document);

    /** @throws StorageConflictException when the stored document no longer equals expected */
    void replace(StoreCollection collection, BsonDocument expected, BsonDocument replacement);

    static DocumentWrites direct(DocumentStore manager) {
        return new DocumentWrites() {
            @Override
            public void insert(StoreCollection collection, BsonDocument document) {
                manager.insert(collection, document);
            }

            @Override
            public void replace(StoreCollection collection, BsonDocument expected, BsonDocument replacement) {
                manager.replace(collection, expected, replacement);
            }
        };
    }

    /** Every insert and replace checked against the write lock and written to the audit log. */
    static DocumentWrites audited(SafeOperations operations) {
        return new DocumentWrites() {
            @Override
            public void insert(StoreCollection collection, BsonDocument document) {
                operations.insert(collection, document);
            }

            @Override
            public void replace(StoreCollection collection, BsonDocument expected, BsonDocument replacement) {
                operations.update(collection, expected, replacement);
            }
        };
    }
}
