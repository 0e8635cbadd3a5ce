package dev.orchestra.storage.error;

import java.util.Optional;
import org.bson.BsonDocument;

/**
 * A guarded update found that the stored document no longer matches what the caller read:
 * someone else changed (or deleted) it in between. Carries the current version so a UI can show a diff.
 */
public class StorageConflictException extends StorageOperationException {
    private final transient BsonDocument current;

    public StorageConflictException(String message, BsonDocument current) {
        super(message);
        this.current = current == null ? null : current.clone();
    }

    /** The document as it is stored now; empty when it was deleted. */
    public Optional<BsonDocument> current() {
        return Optional.ofNullable(current).map(BsonDocument::clone);
    }
}
