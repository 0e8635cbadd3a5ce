package dev.orchestra.storage.tiered;

import dev.orchestra.storage.DatabaseSwitching;
import dev.orchestra.storage.DocumentChecks;
import dev.orchestra.storage.ForwardingMemoryManager;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.error.StorageConflictException;
import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.model.ComponentHealth;
import dev.orchestra.storage.model.HealthProbe;
import dev.orchestra.storage.mapping.RawDocumentAccess;
import dev.orchestra.storage.model.BulkProgress;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.Page;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.CollectionRef;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.redis.CacheKeyView;
import dev.orchestra.storage.model.UpsertResult;
import dev.orchestra.storage.redis.RedisCache;
import dev.orchestra.storage.redis.keys.KeyBrowser;
import dev.orchestra.storage.redis.keys.RedisKeys;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * MongoDB (any {@link MemoryManager}, the source of truth) with a Redis cache in front, cache-aside:
 *
 * <ul>
 *   <li>{@code getConversationHistory} without filters: served from {@code history:{user}[:{session}]} when the
 *       cached list can answer the limit; on a miss the newest {@code max(limit, cachedItems)} items are read and
 *       the newest {@code cachedItems} cached (with whether that is all of them).</li>
 *   <li>{@code findPage(user_sessions, exactly {user, session}, first page)}: served from
 *       {@code session:{user}:{session}} (a hash) when the record exists.</li>
 *   <li>Every write deletes the keys it affects, after the source of truth accepted it (see {@link AffectedKeys});
 *       {@code replace} looks at old and new values, {@code delete} at the stored document.</li>
 *   <li>Expired items are never served: a cached list holding one is a miss (and deleted), so
 *       {@code cleanupExpiredItems} and MongoDB's TTL monitor need no invalidation.</li>
 *   <li>Redis down: everything works from the delegate; {@link #checkHealth()} reports Redis in error.</li>
 * </ul>
 */
public final class TieredMemoryManager extends ForwardingMemoryManager
        implements CacheInspection, CacheInvalidations {
    /** How many of the newest items a history key holds. */
    public static final int DEFAULT_CACHED_ITEMS = 50;

    private final RedisCache cache;
    private final AffectedKeys affected;
    private final CachedReads reads;
    private final SourceTruth truth;

    /** @param cache null means no cache: every call goes to the delegate and Redis is reported DISABLED */
    public TieredMemoryManager(MemoryManager delegate, RedisCache cache) {
        this(delegate, cache, DEFAULT_CACHED_ITEMS, Clock.systemUTC());
    }

    public TieredMemoryManager(MemoryManager delegate, RedisCache cache, int cachedItemsPerKey, Clock clock) {
        super(delegate);
        if (cachedItemsPerKey < 1) {
            throw new IllegalArgumentException("cachedItemsPerKey must be at least 1");
        }
        this.cache = cache;
        this.affected = cache == null ? null : new AffectedKeys(cache);
        this.reads = cache == null ? null : new CachedReads(delegate, cache, cachedItemsPerKey, clock);
        this.truth = cache == null ? null : new SourceTruth(delegate, cache, cachedItemsPerKey);
    }

    /** The cache, when one is configured. */
    public Optional<RedisCache> cache() {
        return Optional.ofNullable(cache);
    }

    /**
     * Its own cache capabilities ({@link CacheTruth}; with a cache {@link RedisKeys}, the key browser), and the store's
     * others except {@link RawDocumentAccess}: unchecked writes would bypass the cache's invalidation.
     */
    @Override
    public <T> Optional<T> capability(Class<T> type) {
        if (type == RedisKeys.class) {
            return cache == null ? Optional.empty() : Optional.of(type.cast(new KeyBrowser(cache)));
        }
        if (type == CacheTruth.class) {
            return Optional.ofNullable(truth).map(type::cast);
        }
        if (type == DatabaseSwitching.class) {
            return delegate.capability(DatabaseSwitching.class).map(this::withoutCacheElsewhere).map(type::cast);
        }
        return type == RawDocumentAccess.class ? Optional.empty() : super.capability(type);
    }

    /** Other databases are opened past the cache (see {@link CacheSetAside}). */
    private DatabaseSwitching withoutCacheElsewhere(DatabaseSwitching store) {
        return new DatabaseSwitching() {
            @Override
            public String database() {
                return store.database();
            }

            @Override
            public List<String> databaseNames() {
                return store.databaseNames();
            }

            @Override
            public MemoryManager onDatabase(String database) {
                MemoryManager other = store.onDatabase(database);
                return cache == null ? new TieredMemoryManager(other, null)
                        : new CacheSetAside(other, database, store.database());
            }
        };
    }

    @Override
    public long invalidationsQueued() {
        return cache == null ? 0 : cache.invalidationsQueued();
    }

    @Override
    public List<String> pendingInvalidations() {
        return cache == null ? List.of() : cache.pendingInvalidationNames();
    }

    @Override
    public boolean retryPendingInvalidations() {
        return cache == null || cache.retryPendingInvalidations();
    }

    @Override
    public Optional<List<CacheKeyView>> inspectSessionCache(String userId, String sessionId) {
        if (cache == null || userId == null) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>(cache.keys().historyKeysShowing(userId, sessionId));
        if (sessionId != null) {
            names.add(cache.keys().session(userId, sessionId));
        }
        return Optional.of(names.stream().map(cache::inspectKey).toList());
    }

    // ---- reads ---------------------------------------------------------------------------------------------

    @Override
    public List<MemoryItem> getConversationHistory(String userId, String sessionId, int limit,
                                                   DocumentFilter filters) {
        return reads == null ? delegate.getConversationHistory(userId, sessionId, limit, filters)
                : reads.conversationHistory(userId, sessionId, limit, filters);
    }

    @Override
    public Page<BsonDocument> findPage(CollectionRef collection, DocumentFilter filter, PageRequest page) {
        return reads == null ? delegate.findPage(collection, filter, page) : reads.findPage(collection, filter, page);
    }

    // ---- writes ----------------------------------------------------------------------------------------------

    @Override
    public BsonValue addMemoryItem(MemoryItem item) {
        return afterWrite(() -> delegate.addMemoryItem(item),
                () -> affected.invalidateItemOf(item.userId(), item.sessionId()));
    }

    @Override
    public BsonValue insert(CollectionRef collection, BsonDocument document) {
        return afterWrite(() -> delegate.insert(collection, document),
                () -> affected.invalidateDocuments(collection, List.of(document)));
    }

    @Override
    public void restoreExactly(StoreCollection collection, BsonDocument document) {
        afterWrite(() -> {
            delegate.restoreExactly(collection, document);
            return null;
        }, () -> affected.invalidateDocuments(collection, List.of(document)));
    }

    @Override
    public void replace(StoreCollection collection, BsonDocument expected, BsonDocument replacement) {
        afterWrite(() -> {
            delegate.replace(collection, expected, replacement);
            return null;
        }, () -> affected.invalidateDocuments(collection, List.of(expected, replacement)));
    }

    @Override
    public boolean delete(CollectionRef collection, BsonValue id) {
        if (cache == null || !isCached(collection)) {
            return delegate.delete(collection, id);
        }
        // The keys depend on the stored user/session, which the id alone does not tell.
        Optional<BsonDocument> stored = delegate.findById(collection, id);
        return afterWrite(() -> delegate.delete(collection, id),
                () -> stored.ifPresent(d -> affected.invalidateDocuments(collection, List.of(d))));
    }

    /**
     * Delegates, then deletes the keys of every (user, session) the batch touched, old and new versions alike, with
     * one invalidation for the whole batch (journaled by the cache when Redis is down). The stored versions are read
     * first with one {@code findByIds}, because an import may move a document to another user or session.
     */
    @Override
    public UpsertResult upsertAll(StoreCollection collection, List<BsonDocument> documents, DocumentChecks checks) {
        if (cache == null || !isCached(collection)) {
            return delegate.upsertAll(collection, documents, checks);
        }
        List<BsonValue> ids = documents.stream().filter(d -> d != null && d.containsKey("_id"))
                .map(d -> d.get("_id")).toList();
        List<BsonDocument> before = ids.isEmpty() ? List.of() : delegate.findByIds(collection, ids);
        return afterWrite(() -> delegate.upsertAll(collection, documents, checks), () -> {
            List<BsonDocument> touched = new ArrayList<>(before);
            touched.addAll(documents);
            affected.invalidateDocuments(collection, touched);
        });
    }

    @Override
    public List<BsonValue> insertAll(CollectionRef collection, List<BsonDocument> documents) {
        return afterWrite(() -> delegate.insertAll(collection, documents),
                () -> affected.invalidateDocuments(collection, documents));
    }

    @Override
    public long deleteByIds(CollectionRef collection, List<BsonValue> ids) {
        if (cache == null || !isCached(collection)) {
            return delegate.deleteByIds(collection, ids);
        }
        // The keys depend on the stored users/sessions, which the ids alone do not tell.
        List<BsonDocument> stored = delegate.findByIds(collection, ids);
        return afterWrite(() -> delegate.deleteByIds(collection, ids),
                () -> affected.invalidateDocuments(collection, stored));
    }

    @Override
    public long deleteMatching(StoreCollection collection, DocumentFilter filter, int batchSize,
                               BulkProgress progress) {
        return afterWrite(() -> delegate.deleteMatching(collection, filter, batchSize, progress),
                () -> affected.invalidateMatching(collection, filter));
    }

    /**
     * Runs the write, then invalidates. Also invalidates when the write failed in a way that may have changed
     * something (a lost connection); not when it was refused before anything was written.
     */
    private <T> T afterWrite(Supplier<T> write, Runnable invalidation) {
        if (cache == null) {
            return write.get();
        }
        T result;
        try {
            result = write.get();
        } catch (StorageValidationException | StorageConflictException refused) {
            throw refused;
        } catch (RuntimeException outcomeUnknown) {
            invalidation.run();
            throw outcomeUnknown;
        }
        invalidation.run();
        return result;
    }

    private static boolean isCached(CollectionRef collection) {
        return collection == StoreCollection.MEMORY_ITEMS || collection == StoreCollection.USER_SESSIONS;
    }

    // ---- lifecycle and monitoring ------------------------------------------------------------------------------

    /** The delegate's components, then {@code storage_redis} (DISABLED without a cache). */
    @Override
    public List<ComponentHealth> checkHealth() {
        List<ComponentHealth> components = new ArrayList<>(delegate.checkHealth());
        components.add(redisHealth());
        return components;
    }

    /** The delegate's probes, then Redis on its own. */
    @Override
    public List<HealthProbe> healthProbes() {
        List<HealthProbe> probes = new ArrayList<>(delegate.healthProbes());
        probes.add(new HealthProbe(ComponentHealth.REDIS, () -> List.of(redisHealth())));
        return probes;
    }

    private ComponentHealth redisHealth() {
        return cache == null ? ComponentHealth.disabled(ComponentHealth.REDIS, "REDIS_HOST (or REDIS_MODE with"
                + " REDIS_SENTINELS / REDIS_NODES) is not set")
                : cache.checkHealth();
    }

    @Override
    public Map<String, Object> serverStatistics() {
        Map<String, Object> statistics = new LinkedHashMap<>(delegate.serverStatistics());
        if (cache == null) {
            statistics.put(ComponentHealth.REDIS, Map.of("status", "disabled"));
        } else {
            statistics.putAll(cache.serverStatistics());
        }
        return statistics;
    }

    @Override
    public void close() {
        try {
            delegate.close();
        } finally {
            if (cache != null) {
                cache.close();
            }
        }
    }
}
