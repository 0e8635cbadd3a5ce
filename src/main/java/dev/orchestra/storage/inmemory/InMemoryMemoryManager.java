package dev.orchestra.storage.inmemory;

import dev.orchestra.storage.model.SemanticSearchResult;
import dev.orchestra.storage.model.SemanticQuery;
import dev.orchestra.storage.SessionTail;
import dev.orchestra.storage.PollingSessionTail;
import dev.orchestra.storage.DocumentChecks;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.error.StorageConnectionException;
import dev.orchestra.storage.mapping.RawDocumentAccess;
import dev.orchestra.storage.model.BulkProgress;
import dev.orchestra.storage.model.CollectionRef;
import dev.orchestra.storage.model.ComponentHealth;
import dev.orchestra.storage.model.CountEstimate;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.HealthStatus;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.Page;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.RecordlessSessions;
import dev.orchestra.storage.model.SessionSummary;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.model.UpsertResult;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The whole store in process memory, for unit tests and {@code APP_ENV=test}. Same semantics as the MongoDB
 * store (filters are evaluated by mongo-java-server's matcher); thread-safe through one read/write lock
 * ({@link InMemoryCollections}). {@link #simulateOutage(boolean)} lets tests of callers see
 * {@link StorageConnectionException}s. The work is done by {@link InMemoryOrchestraOperations} (Orchestra's own
 * calls), {@link InMemoryDocuments} (one document or query at a time) and {@link InMemoryBatches}.
 */
public final class InMemoryMemoryManager implements MemoryManager, RawDocumentAccess {
    private final InMemoryCollections collections = new InMemoryCollections();
    private final Map<String, BsonDocument> meta = new ConcurrentHashMap<>();
    private final InMemoryOrchestraOperations orchestra;
    private final InMemoryDocuments documentOperations;
    private final InMemorySessions sessions;
    private final InMemoryBatches batches;

    public InMemoryMemoryManager() {
        this(Clock.systemUTC());
    }

    /** @param clock the source of "now" for default timestamps and expiry */
    public InMemoryMemoryManager(Clock clock) {
        this.orchestra = new InMemoryOrchestraOperations(collections, clock);
        this.documentOperations = new InMemoryDocuments(collections, clock);
        this.sessions = new InMemorySessions(collections);
        this.batches = new InMemoryBatches(collections, documentOperations, clock);
    }

    /** While true, every operation throws {@link StorageConnectionException} and health reports ERROR. */
    public void simulateOutage(boolean down) {
        collections.simulateOutage(down);
    }

    @Override
    public void initialize() {
        collections.available();
    }

    @Override
    public List<ComponentHealth> checkHealth() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("backend", "in-memory");
        details.put("server_version", "in-memory");
        if (collections.outage()) {
            return List.of(new ComponentHealth(ComponentHealth.MONGODB, HealthStatus.ERROR, -1, details,
                    "in-memory store: simulated outage", Instant.now()));
        }
        return List.of(new ComponentHealth(ComponentHealth.MONGODB, HealthStatus.OK, 0, details, null, Instant.now()));
    }

    @Override
    public Map<String, Object> serverStatistics() {
        return Map.of(ComponentHealth.MONGODB, Map.of("backend", "in-memory", "documents", collections.sizes()));
    }

    @Override
    public void close() {
        // nothing to release; the data lives as long as this object
    }

    // ---- Orchestra's operations ------------------------------------------------------------------------------

    @Override
    public List<MemoryItem> getConversationHistory(String userId, String sessionId, int limit,
                                                   DocumentFilter filters) {
        return orchestra.getConversationHistory(userId, sessionId, limit, filters);
    }

    @Override
    public SemanticSearchResult semanticSearch(SemanticQuery query) {
        return orchestra.semanticSearch(query);
    }

    /** Besides itself ({@link RawDocumentAccess}): {@link SessionTail}, by polling. */
    @Override
    public <T> Optional<T> capability(Class<T> type) {
        return type == SessionTail.class ? Optional.of(type.cast(new PollingSessionTail(this)))
                : MemoryManager.super.capability(type);
    }

    @Override
    public boolean checkDuplicate(String userId, String textContent) {
        return orchestra.checkDuplicate(userId, textContent);
    }

    @Override
    public long cleanupExpiredItems() {
        return orchestra.cleanupExpiredItems();
    }

    // ---- the inspector's operations ---------------------------------------------------------------------------

    @Override
    public Page<BsonDocument> findPage(CollectionRef collection, DocumentFilter filter, PageRequest page) {
        return documentOperations.findPage(collection, filter, page);
    }

    @Override
    public CountEstimate count(CollectionRef collection, DocumentFilter filter) {
        return documentOperations.count(collection, filter);
    }

    @Override
    public Optional<BsonDocument> findById(CollectionRef collection, BsonValue id) {
        return documentOperations.findById(collection, id);
    }

    @Override
    public BsonValue insert(CollectionRef collection, BsonDocument document) {
        return documentOperations.insert(collection, document);
    }

    @Override
    public void restoreExactly(StoreCollection collection, BsonDocument document) {
        documentOperations.restoreExactly(collection, document);
    }

    @Override
    public void replace(StoreCollection collection, BsonDocument expected, BsonDocument replacement) {
        documentOperations.replace(collection, expected, replacement);
    }

    @Override
    public boolean delete(CollectionRef collection, BsonValue id) {
        return documentOperations.delete(collection, id);
    }

    @Override
    public UpsertResult upsertAll(StoreCollection collection, List<BsonDocument> documents, DocumentChecks checks) {
        return batches.upsertAll(collection, documents, checks);
    }

    @Override
    public long deleteMatching(StoreCollection collection, DocumentFilter filter, int batchSize,
                               BulkProgress progress) {
        return batches.deleteMatching(collection, filter, batchSize, progress);
    }

    @Override
    public List<SessionSummary> listSessions(String userId, int limit) {
        return sessions.list(userId, limit);
    }

    @Override
    public RecordlessSessions findSessionsWithoutRecord(String userId, int limit, BulkProgress progress) {
        return sessions.findWithoutRecord(userId, limit, progress);
    }

    @Override
    public List<String> distinctTypes(StoreCollection collection, int limit) {
        return documentOperations.distinctTypes(collection, limit);
    }

    // ---- direct access (RawDocumentAccess) --------------------------------------------------------------------

    @Override
    public void insertUnchecked(StoreCollection collection, BsonDocument document) {
        documentOperations.insertUnchecked(collection, document);
    }

    @Override
    public Optional<BsonDocument> readMeta(String key) {
        collections.available();
        return Optional.ofNullable(meta.get(key)).map(BsonDocument::clone);
    }

    @Override
    public void writeMeta(String key, BsonDocument value) {
        collections.available();
        meta.put(key, value.clone());
    }
}
