package dev.orchestra.storage.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import dev.orchestra.storage.ComposedMemoryManager;
import dev.orchestra.storage.DatabaseSwitching;
import dev.orchestra.storage.FullDocumentStreaming;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.PollingSessionTail;
import dev.orchestra.storage.SessionTail;
import dev.orchestra.storage.config.NetworkRoute;
import dev.orchestra.storage.mapping.RawDocumentAccess;
import dev.orchestra.storage.model.ComponentHealth;
import dev.orchestra.storage.model.StoreCollection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonInt32;

/**
 * {@link MemoryManager} on MongoDB through {@code mongodb-driver-sync}, using only standard commands so that it runs
 * against MongoDB itself as well as the embedded mongo-java-server. Every query and count carries a time limit;
 * driver errors are mapped by {@link MongoErrors}. Thread-safe (the driver's client is). The work is done by its
 * collaborators, built by {@link MongoComponents}: {@link MongoOrchestraOperations} (Orchestra's own calls),
 * {@link MongoDocuments} (one document or query at a time), {@link MongoBatchWrites} (batches),
 * {@link MongoRawAccess} (unchecked inserts, meta entries).
 */
public final class MongoMemoryManager extends ComposedMemoryManager implements RawDocumentAccess {
    private final MongoClientShare opened;
    private final MongoClient client;
    private final MongoDatabase database;
    private final MongoErrors errors;
    private final MongoHealth health;
    private final MongoBatchWrites batches;
    private final MongoFullDocumentStream exports;
    private final MongoIndexCatalog indexes;
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
        this(MongoComponents.connect(MongoClientShare.unopened(connectionString, operationTimeout, route),
                databaseName));
    }

    private MongoMemoryManager(MongoComponents components) {
        super(components.parts());
        this.opened = components.opened();
        this.client = opened.client();
        this.database = components.database();
        this.errors = components.errors();
        this.health = components.health();
        this.batches = components.batches();
        this.exports = components.exports();
        this.indexes = components.indexes();
        this.documentOperations = components.documents();
        this.raw = components.raw();
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
        return super.capability(type);
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
                return new MongoMemoryManager(MongoComponents.connect(opened.shared(), name));
            }
        };
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
