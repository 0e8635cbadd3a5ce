package dev.orchestra.storage.mongo;

import dev.orchestra.storage.model.SemanticSearchResult;
import dev.orchestra.storage.model.SemanticQuery;
import dev.orchestra.storage.SessionTail;
import dev.orchestra.storage.PollingSessionTail;
import static dev.orchestra.storage.validation.Arguments.requireArgument;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import dev.orchestra.storage.DatabaseSwitching;
import dev.orchestra.storage.DocumentChecks;
import dev.orchestra.storage.FullDocumentStreaming;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.config.NetworkRoute;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.mapping.RawDocumentAccess;
import dev.orchestra.storage.model.BulkProgress;
import dev.orchestra.storage.model.CollectionRef;
import dev.orchestra.storage.model.ComponentHealth;
import dev.orchestra.storage.model.CountEstimate;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.Page;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.RecordlessSessions;
import dev.orchestra.storage.model.SessionSummary;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.model.UpsertResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonValue;

/**
 * {@link MemoryManager} on MongoDB through {@code mongodb-driver-sync}, using only standard commands so that it runs
 * against MongoDB itself as well as the embedded mongo-java-server. Every query and count carries a time limit;
 * driver errors are mapped by {@link MongoErrors}. Thread-safe (the driver's client is). The work is done by its
 * collaborators: {@link MongoOrchestraOperations} (Orchestra's own calls), {@link MongoDocuments} (one document or
 * query at a time), {@link MongoBatchWrites} (batches), {@link MongoRawAccess} (unchecked inserts, meta entries).
 */
public final class MongoMemoryManager implements MemoryManager, RawDocumentAccess {
    private final MongoClientShare opened;
    private final MongoClient client;
    private final MongoDatabase database;
    private final MongoErrors errors;
    private final MongoSessions sessions;
    private final MongoHealth health;
    private final MongoBatchWrites batches;
    private final MongoFullDocumentStream exports;
    private final MongoIndexCatalog indexes;
    private final MongoOwnIndexes ownIndexes;
    private final MongoOrchestraOperations orchestra;
    private final MongoDocuments documentOperations;
    private final MongoRawAccess raw;

    /**
     * @param connectionString any URI the driver accepts (replica sets, {@code mongodb+srv}, TLS, auth)
     * @param operationTimeout bound for server selection, connecting, and each query's server-side time
     */
    public MongoMemoryManager(String connectionString, String databaseName, Duration operationTimeout) {
        this(connectionString, databaseName, operationTimeout, NetworkRoute.DIRECT);
    }

    /**
     * @param route how the connections reach the servers (directly, or through a tunnel's SOCKS proxy)
     */
    public MongoMemoryManager(String connectionString, String databaseName, Duration operationTimeout,
                              NetworkRoute route) {
        this(MongoClientShare.unopened(connectionString, operationTimeout, route), databaseName);
    }

    private MongoMemoryManager(MongoClientShare opened, String databaseName) {
        StorageConfig.checkDatabaseName(databaseName);
        Duration operationTimeout = opened.operationTimeout();
        this.opened = opened.client() != null ? opened
                : opened.openedWith(MongoConnection.open(opened.connection(), operationTimeout, opened.route()));
        this.client = this.opened.client();
        this.errors = opened.errors();
        this.database = client.getDatabase(databaseName);
        this.sessions = new MongoSessions(database, operationTimeout);
        this.health = new MongoHealth(client.getDatabase("admin"), errors, opened.hosts(), databaseName);
        this.batches = new MongoBatchWrites(errors, operationTimeout);
        this.exports = new MongoFullDocumentStream(opened.connection(), databaseName, operationTimeout,
                opened.route());
        this.indexes = new MongoIndexCatalog(database, errors, operationTimeout);
        this.ownIndexes = new MongoOwnIndexes(database, errors);
        this.orchestra = new MongoOrchestraOperations(database, errors, operationTimeout);
        this.documentOperations = new MongoDocuments(database, errors, operationTimeout, ownIndexes,
                MongoConnection.listReads(opened.connection()));
        this.raw = new MongoRawAccess(database, errors, operationTimeout);
    }

    /** Where list pages and counts read (the URI's {@code readPreference}); guarded edits read the primary. */
    String listReadPreference() {
        return documentOperations.listReads().getName();
    }

    // ---- lifecycle ---------------------------------------------------------------------------------------------

    /**
     * Checks that the server answers (a {@code ping}). Writes nothing: opening a store must not change it, so no
     * index and no collection is created here (see {@link #createRecommendedIndexes()}).
     */
    @Override
    public void initialize() {
        errors.run("connect", () -> client.getDatabase("admin").runCommand(new BsonDocument("ping",
                new BsonInt32(1))));
    }

    /**
     * Creates Orchestra's recommended indexes, for a service that wants them at its start-up. Returns what could not
     * be created (e.g. duplicates written by another system block a unique index). Never called implicitly.
     */
    public List<String> createRecommendedIndexes() {
        return List.copyOf(errors.call("create indexes", () -> IndexBootstrap.ensureIndexes(database)));
    }

    /** The database this manager reads and writes, for index management. */
    public MongoDatabase database() {
        return database;
    }

    @Override
    public List<ComponentHealth> checkHealth() {
        return List.of(health.check());
    }

    @Override
    public Map<String, Object> serverStatistics() {
        return Map.of(ComponentHealth.MONGODB, health.statistics());
    }

    @Override
    public void close() {
        exports.close();
        if (opened.owned()) {
            client.close();
        }
    }

    /** Besides its own ({@link RawDocumentAccess}): {@link FullDocumentStreaming} and {@link IndexCatalog}. */
    @Override
    public <T> Optional<T> capability(Class<T> type) {
        if (type == FullDocumentStreaming.class) {
            return Optional.of(type.cast(exports));
        }
        if (type == DatabaseSwitching.class) {
            return Optional.of(type.cast(switching()));
        }
        if (type == IndexCatalog.class) {
            return Optional.of(type.cast(indexes));
        }
        if (type == SessionTail.class) {
            return Optional.of(type.cast(new MongoSessionTail(database.getCollection(
                    StoreCollection.MEMORY_ITEMS.collectionName(), BsonDocument.class),
                    () -> client.getClusterDescription().getType(), errors, new PollingSessionTail(this))));
        }
        return MemoryManager.super.capability(type);
    }

    private DatabaseSwitching switching() {
        return new DatabaseSwitching() {
            @Override
            public String database() {
                return database.getName();
            }

            @Override
            public List<String> databaseNames() {
                return errors.call("list databases", () -> client.listDatabaseNames().into(new ArrayList<>()));
            }

            /** Shares this manager's client: closing the returned one leaves the client open. */
            @Override
            public MemoryManager onDatabase(String name) {
                return new MongoMemoryManager(opened.shared(), name);
            }
        };
    }

    // ---- Orchestra's operations ----------------------------------------------------------------------------------

    @Override
    public List<MemoryItem> getConversationHistory(String userId, String sessionId, int limit,
                                                   DocumentFilter filters) {
        return orchestra.getConversationHistory(userId, sessionId, limit, filters);
    }

    @Override
    public SemanticSearchResult semanticSearch(SemanticQuery query) {
        return orchestra.semanticSearch(query);
    }

    @Override
    public boolean checkDuplicate(String userId, String textContent) {
        return orchestra.checkDuplicate(userId, textContent);
    }

    @Override
    public long cleanupExpiredItems() {
        return orchestra.cleanupExpiredItems();
    }

    // ---- the inspector's operations ------------------------------------------------------------------------------

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
    public long deleteMatching(StoreCollection collection, DocumentFilter filter, int batchSize,
                               BulkProgress progress) {
        return documentOperations.deleteMatching(collection, filter, batchSize, progress);
    }

    @Override
    public List<BsonDocument> findMatching(StoreCollection collection, DocumentFilter filter, int limit) {
        return documentOperations.findMatching(collection, filter, limit);
    }

    @Override
    public List<SessionSummary> listSessions(String userId, int limit) {
        if (limit < 1) {
            throw new StorageValidationException("The session limit must be at least 1, was " + limit);
        }
        return errors.call("list sessions", () -> sessions.list(userId, limit));
    }

    @Override
    public RecordlessSessions findSessionsWithoutRecord(String userId, int limit, BulkProgress progress) {
        if (limit < 1) {
            throw new StorageValidationException("The session limit must be at least 1, was " + limit);
        }
        return errors.call("find sessions without a record",
                () -> sessions.findWithoutRecord(userId, limit, progress));
    }

    @Override
    public List<String> distinctTypes(StoreCollection collection, int limit) {
        return documentOperations.distinctTypes(collection, limit);
    }

    // ---- batches -------------------------------------------------------------------------------------------------

    @Override
    public UpsertResult upsertAll(StoreCollection collection, List<BsonDocument> documents, DocumentChecks checks) {
        requireArgument(documents, "documents");
        return batches.upsertAll(documentOperations.collection(collection), collection, documents, checks);
    }

    @Override
    public List<BsonDocument> findByIds(CollectionRef collection, List<BsonValue> ids) {
        requireArgument(ids, "ids");
        return batches.findByIds(documentOperations.collection(collection), collection, ids);
    }

    @Override
    public List<BsonValue> insertAll(CollectionRef collection, List<BsonDocument> documents) {
        requireArgument(documents, "documents");
        if (!documents.isEmpty()) {
            ownIndexes.ensureBeforeWriting(collection);
        }
        return batches.insertAll(documentOperations.collection(collection), collection, documents);
    }

    @Override
    public long deleteByIds(CollectionRef collection, List<BsonValue> ids) {
        requireArgument(ids, "ids");
        return batches.deleteByIds(documentOperations.collection(collection), collection, ids);
    }

    // ---- direct access (RawDocumentAccess) -----------------------------------------------------------------------

    @Override
    public void insertUnchecked(StoreCollection collection, BsonDocument document) {
        insertAllUnchecked(collection, List.of(document));
    }

    @Override
    public void insertAllUnchecked(StoreCollection collection, List<BsonDocument> documents) {
        raw.insertAllUnchecked(collection, documents);
    }

    @Override
    public Optional<BsonDocument> readMeta(String key) {
        return raw.readMeta(key);
    }

    @Override
    public void writeMeta(String key, BsonDocument value) {
        raw.writeMeta(key, value);
    }

    @Override
    public String toString() {
        return "MongoMemoryManager[" + database.getName() + "]";
    }
}
