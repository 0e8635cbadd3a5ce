package dev.orchestra.storage;

import dev.orchestra.storage.model.ComponentHealth;
import dev.orchestra.storage.model.AgentData;
import dev.orchestra.storage.model.BulkProgress;
import dev.orchestra.storage.model.CollectionRef;
import dev.orchestra.storage.model.CountEstimate;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.Page;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.SemanticQuery;
import dev.orchestra.storage.model.SemanticSearchResult;
import dev.orchestra.storage.model.RecordlessSessions;
import dev.orchestra.storage.model.SessionSummary;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.model.UpsertResult;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * A {@link MemoryManager} that passes every call to another one: the base of every decorator (the tiered cache, the
 * read-only guard, the embedded store's closer). Subclasses override only what they add to; a capability is this
 * decorator's own when it has it, else its delegate's. {@link #healthProbes()} is not forwarded: its default
 * probes {@link #checkHealth()}, so a decorator that changes the health check is probed through its own.
 */
public abstract class ForwardingMemoryManager implements MemoryManager {
    protected final MemoryManager delegate;

    protected ForwardingMemoryManager(MemoryManager delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** The manager this one forwards to. */
    public MemoryManager delegate() {
        return delegate;
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
    public Map<String, Object> serverStatistics() {
        return delegate.serverStatistics();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public BsonValue addMemoryItem(MemoryItem item) {
        return delegate.addMemoryItem(item);
    }

    @Override
    public Optional<MemoryItem> getMemoryItem(BsonValue id) {
        return delegate.getMemoryItem(id);
    }

    @Override
    public List<MemoryItem> getConversationHistory(String userId, String sessionId, int limit,
                                                   DocumentFilter filters) {
        return delegate.getConversationHistory(userId, sessionId, limit, filters);
    }

    @Override
    public SemanticSearchResult semanticSearch(SemanticQuery query) {
        return delegate.semanticSearch(query);
    }

    @Override
    public BsonValue addRawAgentData(AgentData data) {
        return delegate.addRawAgentData(data);
    }

    @Override
    public boolean checkDuplicate(String userId, String textContent) {
        return delegate.checkDuplicate(userId, textContent);
    }

    @Override
    public long cleanupExpiredItems() {
        return delegate.cleanupExpiredItems();
    }

    @Override
    public Page<BsonDocument> findPage(CollectionRef collection, DocumentFilter filter, PageRequest page) {
        return delegate.findPage(collection, filter, page);
    }

    @Override
    public CountEstimate count(CollectionRef collection, DocumentFilter filter) {
        return delegate.count(collection, filter);
    }

    @Override
    public Optional<BsonDocument> findById(CollectionRef collection, BsonValue id) {
        return delegate.findById(collection, id);
    }

    @Override
    public BsonValue insert(CollectionRef collection, BsonDocument document) {
        return delegate.insert(collection, document);
    }

    @Override
    public void replace(StoreCollection collection, BsonDocument expected, BsonDocument replacement) {
        delegate.replace(collection, expected, replacement);
    }

    @Override
    public void restoreExactly(StoreCollection collection, BsonDocument document) {
        delegate.restoreExactly(collection, document);
    }

    @Override
    public boolean delete(CollectionRef collection, BsonValue id) {
        return delegate.delete(collection, id);
    }

    @Override
    public UpsertResult upsertAll(StoreCollection collection, List<BsonDocument> documents, DocumentChecks checks) {
        return delegate.upsertAll(collection, documents, checks);
    }

    @Override
    public List<BsonDocument> findMatching(StoreCollection collection, DocumentFilter filter, int limit) {
        return delegate.findMatching(collection, filter, limit);
    }

    @Override
    public List<BsonDocument> findByIds(CollectionRef collection, List<BsonValue> ids) {
        return delegate.findByIds(collection, ids);
    }

    @Override
    public List<BsonValue> insertAll(CollectionRef collection, List<BsonDocument> documents) {
        return delegate.insertAll(collection, documents);
    }

    @Override
    public long deleteByIds(CollectionRef collection, List<BsonValue> ids) {
        return delegate.deleteByIds(collection, ids);
    }

    @Override
    public long deleteMatching(StoreCollection collection, DocumentFilter filter, int batchSize,
                               BulkProgress progress) {
        return delegate.deleteMatching(collection, filter, batchSize, progress);
    }

    @Override
    public List<SessionSummary> listSessions(String userId, int limit) {
        return delegate.listSessions(userId, limit);
    }

    @Override
    public RecordlessSessions findSessionsWithoutRecord(String userId, int limit, BulkProgress progress) {
        return delegate.findSessionsWithoutRecord(userId, limit, progress);
    }

    @Override
    public List<String> distinctTypes(StoreCollection collection, int limit) {
        return delegate.distinctTypes(collection, limit);
    }

    @Override
    public <T> Optional<T> capability(Class<T> type) {
        Optional<T> own = MemoryManager.super.capability(type);
        return own.isPresent() ? own : delegate.capability(type);
    }
}
