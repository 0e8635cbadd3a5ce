package dev.orchestra.storage.inmemory;

import dev.orchestra.storage.ComposedMemoryManager;
import dev.orchestra.storage.PollingSessionTail;
import dev.orchestra.storage.SessionTail;
import dev.orchestra.storage.StoreParts;
import dev.orchestra.storage.error.StorageConnectionException;
import dev.orchestra.storage.mapping.RawDocumentAccess;
import dev.orchestra.storage.model.ComponentHealth;
import dev.orchestra.storage.model.HealthStatus;
import dev.orchestra.storage.model.StoreCollection;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.BsonDocument;

/**
 * The whole store in process memory, for unit tests and {@code APP_ENV=test}. Same semantics as the MongoDB
 * store (filters are evaluated by mongo-java-server's matcher); thread-safe through one read/write lock
 * ({@link InMemoryCollections}). {@link #simulateOutage(boolean)} lets tests of callers see
 * {@link StorageConnectionException}s. The work is done by {@link InMemoryOrchestraOperations} (Orchestra's own
 * calls), {@link InMemoryDocuments} (one document or query at a time), {@link InMemorySessions} and
 * {@link InMemoryBatches}.
 */
public final class InMemoryMemoryManager extends ComposedMemoryManager implements RawDocumentAccess {
    private final InMemoryCollections collections;
    private final InMemoryDocuments documentOperations;
    private final Map<String, BsonDocument> meta = new ConcurrentHashMap<>();

    public InMemoryMemoryManager() {
        this(Clock.systemUTC());
    }

    /** @param clock the source of "now" for default timestamps and expiry */
    public InMemoryMemoryManager(Clock clock) {
        this(new InMemoryCollections(), clock);
    }

    private InMemoryMemoryManager(InMemoryCollections collections, Clock clock) {
        this(collections, new InMemoryDocuments(collections, clock), clock);
    }

    private InMemoryMemoryManager(InMemoryCollections collections, InMemoryDocuments documents, Clock clock) {
        super(new StoreParts(new InMemoryOrchestraOperations(collections, clock), documents,
                new InMemoryBatches(collections, documents, clock), new InMemorySessions(collections)));
        this.collections = collections;
        this.documentOperations = documents;
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

    /** Besides itself ({@link RawDocumentAccess}): {@link SessionTail}, by polling. */
    @Override
    public <T> Optional<T> capability(Class<T> type) {
        return type == SessionTail.class ? Optional.of(type.cast(new PollingSessionTail(this)))
                : super.capability(type);
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
