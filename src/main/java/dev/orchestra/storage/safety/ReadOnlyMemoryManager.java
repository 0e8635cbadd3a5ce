package dev.orchestra.storage.safety;

import dev.orchestra.storage.ForwardingMemoryManager;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.error.ReadOnlyViolationException;
import dev.orchestra.storage.model.HealthProbe;
import dev.orchestra.storage.mongo.IndexCatalog;
import dev.orchestra.storage.mapping.RawDocumentAccess;
import dev.orchestra.storage.model.AgentData;
import dev.orchestra.storage.model.BulkProgress;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.CollectionRef;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.model.UpsertResult;
import dev.orchestra.storage.redis.keys.RedisKeys;
import dev.orchestra.storage.DocumentChecks;
import java.util.List;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The write gate: a {@link MemoryManager} that refuses every write with {@link ReadOnlyViolationException} while its
 * {@link WriteLock} is locked, before the delegate is called. Reads, health, lifecycle and read-only capabilities
 * (streaming, cache inspection, retrying cache invalidations) pass through. Because the inspector's trash and audit
 * are written through the same interface, they are gated too, and so are the writes of the capabilities that can
 * write: the store's {@link RawDocumentAccess} (sample data), {@link IndexCatalog} (index creation) and
 * {@link RedisKeys} (deleting a key, changing its TTL).
 */
public final class ReadOnlyMemoryManager extends ForwardingMemoryManager {
    private final WriteLock lock;

    public ReadOnlyMemoryManager(MemoryManager delegate, WriteLock lock) {
        super(delegate);
        this.lock = lock;
    }

    public WriteLock writeLock() {
        return lock;
    }

    /** The delegate's own probes (a cache's Redis apart from MongoDB): the gate changes no health check. */
    @Override
    public List<HealthProbe> healthProbes() {
        return delegate.healthProbes();
    }

    /** The delegate's, with their writes refused while locked. */
    @Override
    public <T> Optional<T> capability(Class<T> type) {
        if (type == RawDocumentAccess.class) {
            return delegate.capability(RawDocumentAccess.class)
                    .map(raw -> type.cast(new GatedRawDocumentAccess(raw, lock)));
        }
        if (type == IndexCatalog.class) {
            return delegate.capability(IndexCatalog.class).map(catalog -> type.cast(new GatedIndexCatalog(catalog, lock)));
        }
        if (type == RedisKeys.class) {
            return delegate.capability(RedisKeys.class).map(keys -> type.cast(new GatedRedisKeys(keys, lock)));
        }
        return super.capability(type);
    }

    @Override
    public BsonValue addMemoryItem(MemoryItem item) {
        lock.checkWritable("addMemoryItem");
        return delegate.addMemoryItem(item);
    }

    @Override
    public BsonValue addRawAgentData(AgentData data) {
        lock.checkWritable("addRawAgentData");
        return delegate.addRawAgentData(data);
    }

    @Override
    public long cleanupExpiredItems() {
        lock.checkWritable("cleanupExpiredItems");
        return delegate.cleanupExpiredItems();
    }

    @Override
    public BsonValue insert(CollectionRef collection, BsonDocument document) {
        lock.checkWritable("insert into " + collection.collectionName());
        return delegate.insert(collection, document);
    }

    @Override
    public void replace(StoreCollection collection, BsonDocument expected, BsonDocument replacement) {
        lock.checkWritable("replace in " + collection.collectionName());
        delegate.replace(collection, expected, replacement);
    }

    @Override
    public void restoreExactly(StoreCollection collection, BsonDocument document) {
        lock.checkWritable("restore into " + collection.collectionName());
        delegate.restoreExactly(collection, document);
    }

    @Override
    public boolean delete(CollectionRef collection, BsonValue id) {
        lock.checkWritable("delete from " + collection.collectionName());
        return delegate.delete(collection, id);
    }

    @Override
    public UpsertResult upsertAll(StoreCollection collection, List<BsonDocument> documents, DocumentChecks checks) {
        lock.checkWritable("import into " + collection.collectionName());
        return delegate.upsertAll(collection, documents, checks);
    }

    @Override
    public List<BsonValue> insertAll(CollectionRef collection, List<BsonDocument> documents) {
        lock.checkWritable("insert into " + collection.collectionName());
        return delegate.insertAll(collection, documents);
    }

    @Override
    public long deleteByIds(CollectionRef collection, List<BsonValue> ids) {
        lock.checkWritable("delete from " + collection.collectionName());
        return delegate.deleteByIds(collection, ids);
    }

    @Override
    public long deleteMatching(StoreCollection collection, DocumentFilter filter, int batchSize, BulkProgress progress) {
        lock.checkWritable("deleteMatching in " + collection.collectionName());
        return delegate.deleteMatching(collection, filter, batchSize, progress);
    }
}
