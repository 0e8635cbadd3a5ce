package dev.orchestra.storage.inmemory;

import static dev.orchestra.storage.validation.Arguments.requireArgument;
import static dev.orchestra.storage.validation.Arguments.requireText;

import dev.orchestra.storage.DocumentChecks;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.PollingSessionTail;
import dev.orchestra.storage.SessionTail;
import dev.orchestra.storage.error.StorageConflictException;
import dev.orchestra.storage.error.StorageConnectionException;
import dev.orchestra.storage.error.StorageException;
import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.mapping.SemanticRanking;
import dev.orchestra.storage.schema.Fields;
import dev.orchestra.storage.mapping.InsertDefaults;
import dev.orchestra.storage.mapping.MemoryItemMapper;
import dev.orchestra.storage.mapping.RawDocumentAccess;
import dev.orchestra.storage.mapping.SessionMerger;
import dev.orchestra.storage.mapping.StoreQueries;
import dev.orchestra.storage.model.BulkProgress;
import dev.orchestra.storage.model.ComponentHealth;
import dev.orchestra.storage.model.CountEstimate;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.HealthStatus;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.Page;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.SemanticQuery;
import dev.orchestra.storage.model.SemanticSearchResult;
import dev.orchestra.storage.model.SessionSummary;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.model.UpsertResult;
import dev.orchestra.storage.validation.DocumentValidator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * The whole store in process memory, for unit tests and {@code APP_ENV=test}. Same semantics as the MongoDB
 * store (filters are evaluated by mongo-java-server's matcher); thread-safe through one read/write lock.
 * {@link #simulateOutage(boolean)} lets tests of callers see {@link StorageConnectionException}s.
 */
public final class InMemoryMemoryManager implements MemoryManager, RawDocumentAccess {
    private final Clock clock;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<StoreCollection, InMemoryCollection> collections = new EnumMap<>(StoreCollection.class);
    private final Map<String, BsonDocument> meta = new ConcurrentHashMap<>();
    private volatile boolean outage;

    public InMemoryMemoryManager() {
        this(Clock.systemUTC());
    }

    /** @param clock the source of "now" for default timestamps and expiry */
    public InMemoryMemoryManager(Clock clock) {
        this.clock = clock;
        for (StoreCollection c : StoreCollection.values()) {
            collections.put(c, new InMemoryCollection(c));
        }
    }

    /** While true, every operation throws {@link StorageConnectionException} and health reports ERROR. */
    public void simulateOutage(boolean down) {
        this.outage = down;
    }

    @Override
    public void initialize() {
        available();
    }

    @Override
    public List<ComponentHealth> checkHealth() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("backend", "in-memory");
        details.put("server_version", "in-memory");
        if (outage) {
            return List.of(new ComponentHealth(ComponentHealth.MONGODB, HealthStatus.ERROR, -1, details,
                    "in-memory store: simulated outage", Instant.now()));
        }
        return List.of(new ComponentHealth(ComponentHealth.MONGODB, HealthStatus.OK, 0, details, null, Instant.now()));
    }

    @Override
    public Map<String, Object> serverStatistics() {
        Map<String, Object> counts = new LinkedHashMap<>();
        read(() -> {
            collections.forEach((c, docs) -> counts.put(c.collectionName(), docs.size()));
            return null;
        });
        return Map.of(ComponentHealth.MONGODB, Map.of("backend", "in-memory", "documents", counts));
    }

    /** Besides itself ({@link RawDocumentAccess}): {@link SessionTail}, by polling. */
    @Override
    public <T> Optional<T> capability(Class<T> type) {
        return type == SessionTail.class ? Optional.of(type.cast(new PollingSessionTail(this)))
                : MemoryManager.super.capability(type);
    }

    @Override
    public void close() {
        // nothing to release; the data lives as long as this object
    }

    // ---- Orchestra's operations ------------------------------------------------------------------------------

    @Override
    public List<MemoryItem> getConversationHistory(String userId, String sessionId, int limit,
                                                   DocumentFilter filters) {
        BsonDocument query = StoreQueries.history(userId, sessionId, limit, filters);
        return read(() -> {
            List<BsonDocument> newest = InMemoryPager.sortNewestFirst(StoreCollection.MEMORY_ITEMS,
                    collection(StoreCollection.MEMORY_ITEMS).find(query));
            List<MemoryItem> items = new ArrayList<>();
            newest.stream().limit(limit).forEach(d -> items.add(MemoryItemMapper.fromDocument(d)));
            Collections.reverse(items);
            return items;
        });
    }

    @Override
    public SemanticSearchResult semanticSearch(SemanticQuery query) {
        requireText(query.userId(), Fields.USER_ID);
        SemanticRanking<BsonDocument> ranking = new SemanticRanking<>(query);
        BsonDocument filter = new BsonDocument(Fields.USER_ID, new BsonString(query.userId()));
        if (query.persona() != null) {
            filter.put(Fields.PERSONA_ACTIVE, new BsonString(query.persona()));
        }
        read(() -> collection(StoreCollection.MEMORY_ITEMS).find(filter))
                .forEach(d -> ranking.offer(d.get(Fields.EMBEDDING), d));
        return ranking.result(MemoryItemMapper::fromDocument);
    }

    @Override
    public boolean checkDuplicate(String userId, String textContent) {
        requireText(userId, Fields.USER_ID);
        if (textContent == null) {
            return false;
        }
        BsonDocument query = new BsonDocument(Fields.USER_ID, new BsonString(userId))
                .append(Fields.TEXT_CONTENT, new BsonString(textContent));
        return read(() -> !collection(StoreCollection.MEMORY_ITEMS).find(query).isEmpty());
    }

    @Override
    public long cleanupExpiredItems() {
        BsonDocument expired = new BsonDocument(Fields.EXPIRATION,
                new BsonDocument("$lt", new BsonDateTime(clock.instant().toEpochMilli())));
        return write(() -> {
            long removed = 0;
            for (StoreCollection c : List.of(StoreCollection.MEMORY_ITEMS, StoreCollection.AGENT_DATA)) {
                InMemoryCollection docs = collection(c);
                for (BsonDocument d : docs.find(expired)) {
                    removed += docs.delete(d.get(Fields.ID)) ? 1 : 0;
                }
            }
            return removed;
        });
    }

    // ---- the inspector's operations ---------------------------------------------------------------------------

    @Override
    public Page<BsonDocument> findPage(StoreCollection collection, DocumentFilter filter, PageRequest page) {
        requireArgument(page, "page request");
        BsonDocument query = StoreQueries.filter(collection, filter);
        return read(() -> InMemoryPager.page(collection, collection(collection).find(query), page));
    }

    @Override
    public CountEstimate count(StoreCollection collection, DocumentFilter filter) {
        BsonDocument query = StoreQueries.filter(collection, filter);
        return read(() -> new CountEstimate(collection(collection).find(query).size(), true));
    }

    @Override
    public Optional<BsonDocument> findById(StoreCollection collection, BsonValue id) {
        requireArgument(id, "_id");
        return read(() -> collection(collection).get(id));
    }

    @Override
    public BsonValue insert(StoreCollection collection, BsonDocument document) {
        requireArgument(document, "document");
        BsonDocument complete = InsertDefaults.apply(collection, document, clock.instant());
        DocumentValidator.validate(collection, complete);
        return write(() -> {
            collection(collection).insert(complete);
            return complete.get(Fields.ID);
        });
    }

    @Override
    public void restoreExactly(StoreCollection collection, BsonDocument document) {
        requireArgument(document, "document");
        BsonValue id = document.get(Fields.ID);
        if (id == null) {
            throw new StorageValidationException("A restored document needs its _id");
        }
        write(() -> {
            InMemoryCollection docs = collection(collection);
            Optional<BsonDocument> taken = docs.get(id);
            if (taken.isPresent()) {
                throw new StorageConflictException("A document with _id " + id + " already exists in "
                        + collection.collectionName(), taken.get());
            }
            docs.insert(document);
            return null;
        });
    }

    @Override
    public void insertUnchecked(StoreCollection collection, BsonDocument document) {
        requireArgument(document, "document");
        if (!document.containsKey(Fields.ID)) {
            throw new StorageValidationException("An unchecked insert needs an _id");
        }
        write(() -> {
            collection(collection).insert(document);
            return null;
        });
    }

    @Override
    public Optional<BsonDocument> readMeta(String key) {
        available();
        return Optional.ofNullable(meta.get(key)).map(BsonDocument::clone);
    }

    @Override
    public void writeMeta(String key, BsonDocument value) {
        available();
        meta.put(key, value.clone());
    }

    @Override
    public void replace(StoreCollection collection, BsonDocument expected, BsonDocument replacement) {
        requireArgument(expected, "expected document");
        requireArgument(replacement, "replacement document");
        BsonValue id = expected.get(Fields.ID);
        if (id == null || !id.equals(replacement.get(Fields.ID))) {
            throw new StorageValidationException("The replacement must keep the _id of the document it replaces");
        }
        DocumentValidator.validateChange(collection, expected, replacement);
        write(() -> {
            InMemoryCollection docs = collection(collection);
            if (!docs.replaceIfUnchanged(expected, replacement)) {
                BsonDocument current = docs.get(id).orElse(null);
                throw new StorageConflictException(current == null
                        ? "The document " + id + " was deleted since it was read"
                        : "The document " + id + " was changed since it was read", current);
            }
            return null;
        });
    }

    @Override
    public boolean delete(StoreCollection collection, BsonValue id) {
        requireArgument(id, "_id");
        return write(() -> collection(collection).delete(id));
    }

    /** Same rules as MongoDB's bulk upsert (validated first; one with an {@code _id} is written as it is), atomically. */
    @Override
    public UpsertResult upsertAll(StoreCollection collection, List<BsonDocument> documents, DocumentChecks checks) {
        requireArgument(documents, "documents");
        Map<Integer, String> failures = new HashMap<>();
        Map<Integer, BsonDocument> valid = new LinkedHashMap<>();
        for (int i = 0; i < documents.size(); i++) {
            BsonDocument document = documents.get(i);
            try {
                requireArgument(document, "document");
                BsonDocument complete = checks.complete(collection, document.clone(), clock.instant());
                checks.validate(collection, complete);
                valid.put(i, complete);
            } catch (StorageValidationException e) {
                failures.put(i, e.getMessage());
            }
        }
        long[] counts = new long[3]; // inserted, replaced, unchanged
        List<BsonValue> written = new ArrayList<>();
        write(() -> {
            InMemoryCollection docs = collection(collection);
            valid.forEach((index, document) -> {
                BsonValue id = document.get(Fields.ID);
                Optional<BsonDocument> stored = docs.get(id);
                try {
                    if (stored.isEmpty()) {
                        docs.insert(document);
                        counts[0]++;
                    } else if (stored.get().equals(document)) {
                        counts[2]++;
                    } else {
                        docs.replaceIfUnchanged(stored.get(), document);
                        counts[1]++;
                    }
                    written.add(id);
                } catch (StorageException e) {
                    failures.put(index, e.getMessage());
                }
            });
            return null;
        });
        return new UpsertResult(counts[0], counts[1], counts[2], failures, written);
    }

    @Override
    public long deleteMatching(StoreCollection collection, DocumentFilter filter, int batchSize,
                               BulkProgress progress) {
        if (batchSize < 1) {
            throw new StorageValidationException("The batch size must be at least 1, was " + batchSize);
        }
        BsonDocument query = StoreQueries.filter(collection, filter);
        BulkProgress listener = progress == null ? BulkProgress.IGNORE : progress;
        long total = count(collection, filter).value();
        long deleted = 0;
        while (true) {
            long batch = write(() -> {
                long n = 0;
                InMemoryCollection docs = collection(collection);
                for (BsonDocument d : docs.find(query).stream().limit(batchSize).toList()) {
                    n += docs.delete(d.get(Fields.ID)) ? 1 : 0;
                }
                return n;
            });
            if (batch == 0) {
                return deleted;
            }
            deleted += batch;
            if (!listener.onBatch(deleted, total)) {
                return deleted;
            }
        }
    }

    @Override
    public List<SessionSummary> listSessions(String userId, int limit) {
        if (limit < 1) {
            throw new StorageValidationException("The session limit must be at least 1, was " + limit);
        }
        BsonDocument byUser = userId == null ? new BsonDocument()
                : new BsonDocument(Fields.USER_ID, new BsonString(userId));
        return read(() -> {
            var merger = new SessionMerger();
            InMemorySessionStats.of(collection(StoreCollection.MEMORY_ITEMS).find(byUser)).forEach(merger::addStats);
            collection(StoreCollection.USER_SESSIONS).find(byUser).forEach(merger::addRecord);
            return merger.summaries(limit);
        });
    }

    @Override
    public List<String> distinctTypes(StoreCollection collection, int limit) {
        String field = Fields.typeField(collection);
        StoreQueries.requireDistinctLimit(limit);
        return read(() -> collection(collection).find(new BsonDocument()).stream()
                .map(d -> d.get(field)).filter(v -> v != null && v.isString()).map(v -> v.asString().getValue())
                .distinct().sorted().limit(limit).toList());
    }

    // ---- plumbing ---------------------------------------------------------------------------------------------

    private InMemoryCollection collection(StoreCollection c) {
        return collections.get(c);
    }

    private <T> T read(Supplier<T> action) {
        available();
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private <T> T write(Supplier<T> action) {
        available();
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void available() {
        if (outage) {
            throw new StorageConnectionException("The in-memory store is unavailable (simulated outage)");
        }
    }
}
