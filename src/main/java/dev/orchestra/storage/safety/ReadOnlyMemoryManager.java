package dev.orchestra.storage.safety;

import dev.orchestra.storage.validation.DocumentChecks;
import dev.orchestra.storage.FullDocumentStreaming;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.health.ComponentHealth;
import dev.orchestra.storage.indexes.IndexCatalog;
import dev.orchestra.storage.health.HealthProbe;
import dev.orchestra.storage.mapping.RawDocumentAccess;
import dev.orchestra.storage.model.AgentData;
import dev.orchestra.storage.model.BulkProgress;
import dev.orchestra.storage.model.CountEstimate;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.Page;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.ScoredMemoryItem;
import dev.orchestra.storage.model.SessionSummary;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.redis.CacheKeyView;
import dev.orchestra.storage.tiered.CacheInspection;
import dev.orchestra.storage.tiered.CacheInvalidations;
import dev.orchestra.storage.model.UpsertResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The write gate: a {@link MemoryManager} that refuses every write with
 * {@link dev.orchestra.storage.ReadOnlyViolationException} while its {@link WriteLock} is locked, before the
 * delegate is called. Reads, health and lifecycle pass through ({@link #initialize()} only pings).
 * Because the inspector's trash and audit are written through the same interface, they are gated too, and so is
 * {@link #restoreExactly} and the delegate's {@link RawDocumentAccess} when it has one (sample data); without one
 * those methods throw {@link UnsupportedOperationException}.
 */
public final class ReadOnlyMemoryManager
        implements MemoryManager, RawDocumentAccess, CacheInspection, CacheInvalidations {
    private final MemoryManager delegate;
    private final WriteLock lock;

    public ReadOnlyMemoryManager(MemoryManager delegate, WriteLock lock) {
        this.delegate = delegate;
        this.lock = lock;
    }

    public WriteLock writeLock() {
        return lock;
    }

    /** Reading the cache is allowed while locked. */
    @Override
    public Optional<List<CacheKeyView>> inspectSessionCache(String userId, String sessionId) {
        return CacheInspection.inspectSession(delegate, userId, sessionId);
    }

    @Override
    public long invalidationsQueued() {
        return CacheInvalidations.of(delegate).invalidationsQueued();
    }

    @Override
    public List<String> pendingInvalidations() {
        return CacheInvalidations.of(delegate).pendingInvalidations();
    }

    /** Deleting stale cache keys is allowed while locked: it only makes the cache agree with MongoDB. */
    @Override
    public boolean retryPendingInvalidations() {
        return CacheInvalidations.of(delegate).retryPendingInvalidations();
    }

    @Override
    public void initialize() {
        delegate.initialize();
    }

    @Override
    public List<ComponentHealth> checkHealth() {
        return delegate.checkHealth();
    }

    @Override
    public List<HealthProbe> healthProbes() {
        return delegate.healthProbes();
    }

    @Override
    public Map<String, Object> serverStatistics() {
        return delegate.serverStatistics();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public BsonValue addMemoryItem(MemoryItem item) {
        lock.checkWritable("addMemoryItem");
        return delegate.addMemoryItem(item);
    }

    @Override
    public Optional<MemoryItem> getMemoryItem(BsonValue id) {
        return delegate.getMemoryItem(id);
    }

    @Override
    public List<MemoryItem> getConversationHistory(String userId, String sessionId, int limit, DocumentFilter filters) {
        return delegate.getConversationHistory(userId, sessionId, limit, filters);
    }

    @Override
    public List<ScoredMemoryItem> semanticSearch(String userId, List<Double> queryEmbedding, String persona, int topK) {
        return delegate.semanticSearch(userId, queryEmbedding, persona, topK);
    }

    @Override
    public BsonValue addRawAgentData(AgentData data) {
        lock.checkWritable("addRawAgentData");
        return delegate.addRawAgentData(data);
    }

    @Override
    public boolean checkDuplicate(String userId, String textContent) {
        return delegate.checkDuplicate(userId, textContent);
    }

    @Override
    public long cleanupExpiredItems() {
        lock.checkWritable("cleanupExpiredItems");
        return delegate.cleanupExpiredItems();
    }

    @Override
    public Page<BsonDocument> findPage(StoreCollection collection, DocumentFilter filter, PageRequest page) {
        return delegate.findPage(collection, filter, page);
    }

    @Override
    public CountEstimate count(StoreCollection collection, DocumentFilter filter) {
        return delegate.count(collection, filter);
    }

    @Override
    public Optional<BsonDocument> findById(StoreCollection collection, BsonValue id) {
        return delegate.findById(collection, id);
    }

    @Override
    public BsonValue insert(StoreCollection collection, BsonDocument document) {
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
    public boolean delete(StoreCollection collection, BsonValue id) {
        lock.checkWritable("delete from " + collection.collectionName());
        return delegate.delete(collection, id);
    }

    @Override
    public UpsertResult upsertAll(StoreCollection collection, List<BsonDocument> documents, DocumentChecks checks) {
        lock.checkWritable("import into " + collection.collectionName());
        return delegate.upsertAll(collection, documents, checks);
    }

    @Override
    public List<BsonDocument> findMatching(StoreCollection collection, DocumentFilter filter, int limit) {
        return delegate.findMatching(collection, filter, limit);
    }

    @Override
    public List<BsonDocument> findByIds(StoreCollection collection, List<BsonValue> ids) {
        return delegate.findByIds(collection, ids);
    }

    @Override
    public List<BsonValue> insertAll(StoreCollection collection, List<BsonDocument> documents) {
        lock.checkWritable("insert into " + collection.collectionName());
        return delegate.insertAll(collection, documents);
    }

    @Override
    public long deleteByIds(StoreCollection collection, List<BsonValue> ids) {
        lock.checkWritable("delete from " + collection.collectionName());
        return delegate.deleteByIds(collection, ids);
    }

    @Override
    public long deleteMatching(StoreCollection collection, DocumentFilter filter, int batchSize, BulkProgress progress) {
        lock.checkWritable("deleteMatching in " + collection.collectionName());
        return delegate.deleteMatching(collection, filter, batchSize, progress);
    }

    @Override
    public void insertUnchecked(StoreCollection collection, BsonDocument document) {
        lock.checkWritable("insert into " + collection.collectionName());
        raw().insertUnchecked(collection, document);
    }

    @Override
    public void insertAllUnchecked(StoreCollection collection, List<BsonDocument> documents) {
        lock.checkWritable("insert into " + collection.collectionName());
        raw().insertAllUnchecked(collection, documents);
    }

    @Override
    public Optional<BsonDocument> readMeta(String key) {
        return raw().readMeta(key);
    }

    @Override
    public void writeMeta(String key, BsonDocument value) {
        lock.checkWritable("write meta entry " + key);
        raw().writeMeta(key, value);
    }

    private RawDocumentAccess raw() {
        if (delegate instanceof RawDocumentAccess raw) {
            return raw;
        }
        throw new UnsupportedOperationException(delegate.getClass().getSimpleName() + " offers no raw document access");
    }

    @Override
    public List<SessionSummary> listSessions(String userId, int limit) {
        return delegate.listSessions(userId, limit);
    }

    @Override
    public List<String> distinctTypes(StoreCollection collection, int limit) {
        return delegate.distinctTypes(collection, limit);
    }

    /** The wrapped store's: reading every document is what an export does, and it is allowed here. */
    @Override
    public Optional<FullDocumentStreaming> fullDocumentStreaming() {
        return delegate.fullDocumentStreaming();
    }

    /** The wrapped store's, with index creation refused while locked (listing and counting are reads). */
    @Override
    public Optional<IndexCatalog> indexCatalog() {
        return delegate.indexCatalog().map(catalog -> new GatedIndexCatalog(catalog, lock));
    }
}
