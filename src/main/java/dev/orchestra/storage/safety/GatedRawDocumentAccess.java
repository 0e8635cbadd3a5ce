package dev.orchestra.storage.safety;

import dev.orchestra.storage.mapping.RawDocumentAccess;
import dev.orchestra.storage.model.StoreCollection;
import java.util.List;
import java.util.Optional;
import org.bson.BsonDocument;

/**
 * The {@link ReadOnlyMemoryManager}'s view of a store's raw access: unchecked inserts and meta writes are refused
 * while locked.
 */
final class GatedRawDocumentAccess implements RawDocumentAccess {
    private final RawDocumentAccess delegate;
    private final WriteLock lock;

    GatedRawDocumentAccess(RawDocumentAccess delegate, WriteLock lock) {
        this.delegate = delegate;
        this.lock = lock;
    }

    @Override
    public void insertUnchecked(StoreCollection collection, BsonDocument document) {
        lock.checkWritable("insert into " + collection.collectionName());
        delegate.insertUnchecked(collection, document);
    }

    @Override
    public void insertAllUnchecked(StoreCollection collection, List<BsonDocument> documents) {
        lock.checkWritable("insert into " + collection.collectionName());
        delegate.insertAllUnchecked(collection, documents);
    }

    @Override
    public Optional<BsonDocument> readMeta(String key) {
        return delegate.readMeta(key);
    }

    @Override
    public void writeMeta(String key, BsonDocument value) {
        lock.checkWritable("write meta entry " + key);
        delegate.writeMeta(key, value);
    }
}
