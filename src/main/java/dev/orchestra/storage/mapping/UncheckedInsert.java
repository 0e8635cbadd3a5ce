package dev.orchestra.storage.mapping;

import dev.orchestra.storage.model.StoreCollection;
import org.bson.BsonDocument;

/**
 * Stores a document exactly as given — no validation, no defaults — the way another system might have written it
 * (a timestamp stored as a string, a missing required field). For sample data and tests of how such documents are
 * shown; the inspector's own writes always go through {@code MemoryManager.insert}.
 */
public interface UncheckedInsert {
    void insertUnchecked(StoreCollection collection, BsonDocument document);
}
