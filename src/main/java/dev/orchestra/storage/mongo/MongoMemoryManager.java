package dev.orchestra.storage.mongo;

import dev.orchestra.storage.DocumentChecks;
import static dev.orchestra.storage.validation.Arguments.requireArgument;
import static dev.orchestra.storage.validation.Arguments.requireText;

import com.mongodb.ConnectionString;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.EstimatedDocumentCountOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import dev.orchestra.storage.FullDocumentStreaming;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.error.StorageConflictException;
import dev.orchestra.storage.error.StorageOperationException;
import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.config.NetworkRoute;
import dev.orchestra.storage.config.Redactor;
import dev.orchestra.storage.model.ComponentHealth;
import dev.orchestra.storage.schema.Fields;
import dev.orchestra.storage.mapping.InsertDefaults;
import dev.orchestra.storage.mapping.MemoryItemMapper;
import dev.orchestra.storage.mapping.RawDocumentAccess;
import dev.orchestra.storage.mapping.StoreQueries;
import dev.orchestra.storage.model.BulkProgress;
import dev.orchestra.storage.model.CountEstimate;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.Page;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.ScoredMemoryItem;
import dev.orchestra.storage.model.SessionSummary;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.model.UpsertResult;
import dev.orchestra.storage.validation.DocumentValidator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.bson.BsonArray;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;

/**
 * {@link MemoryManager} on MongoDB through {@code mongodb-driver-sync}, using only standard commands so that it runs
 * against MongoDB itself as well as the embedded mongo-java-server. Every query and count carries a time limit;
 * driver errors are mapped by {@link MongoErrors}. Thread-safe (the driver's client is).
 */
public final class MongoMemoryManager implements MemoryManager, RawDocumentAccess {
    /** Documents per insertMany and ids per delete batch when the caller gives no batch size. */
    static final int WRITE_BATCH = 500;
    /** When a filtered count hits its time limit, at most this many are counted to report a lower bound. */
    static final int COUNT_FALLBACK_LIMIT = 10_000;

    private final MongoClient client;
    private final MongoDatabase database;
    private final Duration timeout;
    private final MongoErrors errors;
    private final MongoPager pager;
    private final MongoSessions sessions;
    private final MongoHealth health;
    private final MongoBatchWrites batches;
    private final MongoFullDocumentStream exports;
    private final MongoIndexCatalog indexes;
    /** The inspector's own collections whose indexes this client already made sure of (on their first write). */
    private final Set<StoreCollection> ownIndexesEnsured = ConcurrentHashMap.newKeySet();

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
        Objects.requireNonNull(route, "route");
        if (databaseName == null || databaseName.isBlank()) {
            throw new StorageValidationException("A MongoDB database name is required");
        }
        if (operationTimeout == null || operationTimeout.isNegative() || operationTimeout.isZero()) {
            throw new StorageValidationException("The operation timeout must be positive");
        }
        ConnectionString connection = MongoConnection.parse(connectionString);
        String hosts = MongoConnection.hosts(connection);
        List<String> passwords = new ArrayList<>();
        Redactor.passwordIn(connectionString).ifPresent(passwords::add);
        if (connection.getPassword() != null) {
            passwords.add(new String(connection.getPassword()));
        }
        this.errors = new MongoErrors(hosts, Redactor.forSecrets(passwords));
        this.timeout = operationTimeout;
        this.client = MongoConnection.open(connection, operationTimeout, route);
        this.database = client.getDatabase(databaseName);
        this.pager = new MongoPager(operationTimeout);
        this.sessions = new MongoSessions(database, operationTimeout);
        this.health = new MongoHealth(client.getDatabase("admin"), errors, hosts, databaseName);
        this.batches = new MongoBatchWrites(errors, operationTimeout);
        this.exports = new MongoFullDocumentStream(connection, databaseName, operationTimeout, route);
        this.indexes = new MongoIndexCatalog(database, errors, operationTimeout);
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

    /**
     * The unique session index does the same where it exists; this check keeps a database without it (no index is
     * created implicitly) from getting a second record for one session through us. Not atomic: the index is.
     */
    private void refuseSecondSessionRecord(StoreCollection collection, BsonDocument record) {
        if (collection != StoreCollection.USER_SESSIONS) {
            return;
        }
        BsonDocument same = new BsonDocument(Fields.USER_ID, record.get(Fields.USER_ID))
                .append(Fields.SESSION_ID, record.get(Fields.SESSION_ID));
        boolean exists = errors.call("read " + collection.collectionName(), () -> collection(collection).find(same)
                .projection(new BsonDocument(Fields.ID, new BsonInt32(1))).limit(1)
                .maxTime(timeout.toMillis(), TimeUnit.MILLISECONDS).first() != null);
        if (exists) {
            throw new StorageOperationException("Duplicate key on insert into " + collection.collectionName()
                    + ": a session record for user_id " + record.get(Fields.USER_ID) + " and session_id "
                    + record.get(Fields.SESSION_ID) + " already exists");
        }
    }

    /** Before the first write into one of the inspector's own collections: its indexes come with it. */
    private void ensureOwnIndexes(StoreCollection collection) {
        if (collection.isOrchestraCollection() || ownIndexesEnsured.contains(collection)) {
            return;
        }
        errors.call("create indexes of " + collection.collectionName(),
                () -> IndexBootstrap.create(database, IndexBootstrap.inspectorOwn(collection)));
        ownIndexesEnsured.add(collection);
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
        client.close();
    }

    // ---- Orchestra's operations ----------------------------------------------------------------------------------

    @Override
    public List<MemoryItem> getConversationHistory(String userId, String sessionId, int limit,
                                                   DocumentFilter filters) {
        BsonDocument query = StoreQueries.history(userId, sessionId, limit, filters);
        List<MemoryItem> items = errors.call("read conversation history", () -> {
            List<MemoryItem> newestFirst = new ArrayList<>();
            collection(StoreCollection.MEMORY_ITEMS).find(query).sort(newestFirst(StoreCollection.MEMORY_ITEMS))
                    .limit(limit).maxTime(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .forEach(d -> newestFirst.add(MemoryItemMapper.fromDocument(d)));
            return newestFirst;
        });
        Collections.reverse(items);
        return items;
    }

    @Override
    public List<ScoredMemoryItem> semanticSearch(String userId, List<Double> queryEmbedding, String persona,
                                                 int topK) {
        requireText(userId, Fields.USER_ID);
        return new MongoSemanticSearch(collection(StoreCollection.MEMORY_ITEMS), errors, timeout)
                .search(userId, queryEmbedding, persona, topK);
    }

    @Override
    public boolean checkDuplicate(String userId, String textContent) {
        requireText(userId, Fields.USER_ID);
        if (textContent == null) {
            return false;
        }
        BsonDocument query = new BsonDocument(Fields.USER_ID, new BsonString(userId))
                .append(Fields.TEXT_CONTENT, new BsonString(textContent));
        return errors.call("check duplicate", () -> collection(StoreCollection.MEMORY_ITEMS).find(query)
                .projection(new BsonDocument(Fields.ID, new BsonInt32(1))).limit(1)
                .maxTime(timeout.toMillis(), TimeUnit.MILLISECONDS).first() != null);
    }

    @Override
    public long cleanupExpiredItems() {
        BsonDocument expired = new BsonDocument(Fields.EXPIRATION,
                new BsonDocument("$lt", new BsonDateTime(Instant.now().toEpochMilli())));
        return errors.call("clean up expired items", () ->
                collection(StoreCollection.MEMORY_ITEMS).deleteMany(expired).getDeletedCount()
                        + collection(StoreCollection.AGENT_DATA).deleteMany(expired).getDeletedCount());
    }

    // ---- the inspector's operations ------------------------------------------------------------------------------

    @Override
    public Page<BsonDocument> findPage(StoreCollection collection, DocumentFilter filter, PageRequest page) {
        requireArgument(page, "page request");
        BsonDocument query = StoreQueries.filter(collection, filter);
        return errors.call("list " + collection.collectionName(),
                () -> pager.page(collection(collection), collection, query, page));
    }

    @Override
    public CountEstimate count(StoreCollection collection, DocumentFilter filter) {
        BsonDocument query = StoreQueries.filter(collection, filter);
        MongoCollection<BsonDocument> docs = collection(collection);
        long maxTime = timeout.toMillis();
        if (query.isEmpty()) {
            return errors.call("count " + collection.collectionName(), () -> new CountEstimate(
                    docs.estimatedDocumentCount(new EstimatedDocumentCountOptions().maxTime(maxTime,
                            TimeUnit.MILLISECONDS)), true));
        }
        return errors.call("count " + collection.collectionName(), () -> {
            try {
                return new CountEstimate(docs.countDocuments(query,
                        new CountOptions().maxTime(maxTime, TimeUnit.MILLISECONDS)), true);
            } catch (MongoExecutionTimeoutException e) {
                // the full count used up the timeout: a bounded "at least" gets only a quarter more
                long atLeast = docs.countDocuments(query, new CountOptions().limit(COUNT_FALLBACK_LIMIT)
                        .maxTime(Math.max(1, maxTime / 4), TimeUnit.MILLISECONDS));
                return new CountEstimate(atLeast, false);
            }
        });
    }

    @Override
    public Optional<BsonDocument> findById(StoreCollection collection, BsonValue id) {
        requireArgument(id, "_id");
        return errors.call("read " + collection.collectionName(), () -> Optional.ofNullable(
                collection(collection).find(new BsonDocument(Fields.ID, id))
                        .maxTime(timeout.toMillis(), TimeUnit.MILLISECONDS).first()));
    }

    @Override
    public BsonValue insert(StoreCollection collection, BsonDocument document) {
        requireArgument(document, "document");
        BsonDocument complete = InsertDefaults.apply(collection, document, Instant.now());
        DocumentValidator.validate(collection, complete);
        refuseSecondSessionRecord(collection, complete);
        ensureOwnIndexes(collection);
        errors.run("insert into " + collection.collectionName(), () -> collection(collection).insertOne(complete));
        return complete.get(Fields.ID);
    }

    /**
     * The server's unique {@code _id} index is the check: no window between looking and inserting. Sent as raw bytes
     * because the driver would otherwise move {@code _id} to the front.
     */
    @Override
    public void restoreExactly(StoreCollection collection, BsonDocument document) {
        requireArgument(document, "document");
        BsonValue id = document.get(Fields.ID);
        if (id == null) {
            throw new StorageValidationException("A restored document needs its _id");
        }
        ensureOwnIndexes(collection);
        errors.run("restore into " + collection.collectionName(), () -> {
            try {
                database.getCollection(collection.collectionName(), RawBsonDocument.class)
                        .insertOne(new RawBsonDocument(document, new BsonDocumentCodec()));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    Optional<BsonDocument> taken = findById(collection, id);
                    if (taken.isPresent()) {
                        throw new StorageConflictException("A document with _id " + id + " already exists in "
                                + collection.collectionName(), taken.get());
                    }
                }
                throw e;
            }
        });
    }

    @Override
    public void insertUnchecked(StoreCollection collection, BsonDocument document) {
        insertAllUnchecked(collection, List.of(document));
    }

    /** Inserts in batches of {@value #WRITE_BATCH} with one {@code insertMany} round trip each. */
    @Override
    public void insertAllUnchecked(StoreCollection collection, List<BsonDocument> documents) {
        for (BsonDocument d : documents) {
            if (!d.containsKey(Fields.ID)) {
                throw new StorageValidationException("An unchecked insert needs an _id");
            }
        }
        if (!documents.isEmpty()) {
            ensureOwnIndexes(collection);
        }
        for (int from = 0; from < documents.size(); from += WRITE_BATCH) {
            List<BsonDocument> batch = documents.subList(from, Math.min(documents.size(), from + WRITE_BATCH));
            errors.run("insert into " + collection.collectionName(), () -> collection(collection)
                    .insertMany(batch, new InsertManyOptions().ordered(true)));
        }
    }

    @Override
    public Optional<BsonDocument> readMeta(String key) {
        return errors.call("read " + META_COLLECTION, () -> Optional.ofNullable(
                database.getCollection(META_COLLECTION, BsonDocument.class)
                        .find(new BsonDocument(Fields.ID, new BsonString(key)))
                        .maxTime(timeout.toMillis(), TimeUnit.MILLISECONDS).first()));
    }

    @Override
    public void writeMeta(String key, BsonDocument value) {
        BsonDocument document = value.clone();
        document.put(Fields.ID, new BsonString(key));
        errors.run("write " + META_COLLECTION, () -> database.getCollection(META_COLLECTION, BsonDocument.class)
                .replaceOne(new BsonDocument(Fields.ID, new BsonString(key)), document,
                        new ReplaceOptions().upsert(true)));
    }

    /**
     * Guarded by a filter on {@code _id} plus {@code $expr: {$eq: ["$$ROOT", {$literal: expected}]}}: the server
     * replaces only if the whole stored document (field order included) still equals what the caller read.
     */
    @Override
    public void replace(StoreCollection collection, BsonDocument expected, BsonDocument replacement) {
        requireArgument(expected, "expected document");
        requireArgument(replacement, "replacement document");
        BsonValue id = expected.get(Fields.ID);
        if (id == null || !id.equals(replacement.get(Fields.ID))) {
            throw new StorageValidationException("The replacement must keep the _id of the document it replaces");
        }
        DocumentValidator.validateChange(collection, expected, replacement);
        BsonDocument unchanged = new BsonDocument(Fields.ID, id).append("$expr", new BsonDocument("$eq",
                new BsonArray(List.of(new BsonString("$$ROOT"), new BsonDocument("$literal", expected)))));
        long matched = errors.call("update " + collection.collectionName(),
                () -> collection(collection).replaceOne(unchanged, replacement).getMatchedCount());
        if (matched == 0) {
            BsonDocument current = findById(collection, id).orElse(null);
            throw new StorageConflictException(current == null
                    ? "The document " + id + " was deleted since it was read"
                    : "The document " + id + " was changed since it was read", current);
        }
    }

    @Override
    public boolean delete(StoreCollection collection, BsonValue id) {
        requireArgument(id, "_id");
        return errors.call("delete from " + collection.collectionName(),
                () -> collection(collection).deleteOne(new BsonDocument(Fields.ID, id)).getDeletedCount() > 0);
    }

    @Override
    public long deleteMatching(StoreCollection collection, DocumentFilter filter, int batchSize,
                               BulkProgress progress) {
        if (batchSize < 1) {
            throw new StorageValidationException("The batch size must be at least 1, was " + batchSize);
        }
        BsonDocument query = StoreQueries.filter(collection, filter);
        long total = count(collection, filter).value();
        return errors.call("delete from " + collection.collectionName(), () -> new MongoBatchDelete(
                collection(collection), timeout).run(query, batchSize, total,
                progress == null ? BulkProgress.IGNORE : progress));
    }

    @Override
    public UpsertResult upsertAll(StoreCollection collection, List<BsonDocument> documents, DocumentChecks checks) {
        requireArgument(documents, "documents");
        ensureOwnIndexes(collection);
        return batches.upsertAll(collection(collection), collection, documents, checks);
    }

    @Override
    public List<BsonDocument> findMatching(StoreCollection collection, DocumentFilter filter, int limit) {
        PageRequest.first(limit); // the same bounds as a page
        BsonDocument query = StoreQueries.filter(collection, filter);
        return errors.call("read " + collection.collectionName(), () -> collection(collection).find(query)
                .limit(limit).maxTime(timeout.toMillis(), TimeUnit.MILLISECONDS).into(new ArrayList<>()));
    }

    @Override
    public List<BsonDocument> findByIds(StoreCollection collection, List<BsonValue> ids) {
        requireArgument(ids, "ids");
        return batches.findByIds(collection(collection), collection, ids);
    }

    @Override
    public List<BsonValue> insertAll(StoreCollection collection, List<BsonDocument> documents) {
        requireArgument(documents, "documents");
        if (!documents.isEmpty()) {
            ensureOwnIndexes(collection);
        }
        return batches.insertAll(collection(collection), collection, documents);
    }

    @Override
    public long deleteByIds(StoreCollection collection, List<BsonValue> ids) {
        requireArgument(ids, "ids");
        return batches.deleteByIds(collection(collection), collection, ids);
    }

    /** Besides its own ({@link RawDocumentAccess}): {@link FullDocumentStreaming} and {@link IndexCatalog}. */
    @Override
    public <T> Optional<T> capability(Class<T> type) {
        if (type == FullDocumentStreaming.class) {
            return Optional.of(type.cast(exports));
        }
        if (type == IndexCatalog.class) {
            return Optional.of(type.cast(indexes));
        }
        return MemoryManager.super.capability(type);
    }

    @Override
    public List<SessionSummary> listSessions(String userId, int limit) {
        if (limit < 1) {
            throw new StorageValidationException("The session limit must be at least 1, was " + limit);
        }
        return errors.call("list sessions", () -> sessions.list(userId, limit));
    }

    @Override
    public List<String> distinctTypes(StoreCollection collection, int limit) {
        String field = Fields.typeField(collection);
        StoreQueries.requireDistinctLimit(limit);
        // $group + $limit rather than the distinct command: the server sends at most `limit` values.
        List<BsonDocument> pipeline = List.of(
                new BsonDocument("$match", new BsonDocument(field, new BsonDocument("$type", new BsonString("string")))),
                new BsonDocument("$group", new BsonDocument(Fields.ID, new BsonString("$" + field))),
                new BsonDocument("$sort", new BsonDocument(Fields.ID, new BsonInt32(1))),
                new BsonDocument("$limit", new BsonInt32(limit)));
        return errors.call("list the types of " + collection.collectionName(), () -> {
            List<String> types = new ArrayList<>();
            collection(collection).aggregate(pipeline).allowDiskUse(true)
                    .maxTime(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .forEach(d -> types.add(d.getString(Fields.ID).getValue()));
            return types;
        });
    }

    // ---- plumbing ------------------------------------------------------------------------------------------------

    private MongoCollection<BsonDocument> collection(StoreCollection c) {
        return database.getCollection(c.collectionName(), BsonDocument.class);
    }

    static BsonDocument newestFirst(StoreCollection c) {
        return new BsonDocument(c.timeField(), new BsonInt32(-1)).append(Fields.ID, new BsonInt32(-1));
    }


    @Override
    public String toString() {
        return "MongoMemoryManager[" + database.getName() + "]";
    }
}
