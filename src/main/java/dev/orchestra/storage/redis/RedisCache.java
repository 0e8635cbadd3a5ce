package dev.orchestra.storage.redis;

import dev.orchestra.storage.error.StorageConnectionException;
import dev.orchestra.storage.config.NetworkRoute;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.model.ComponentHealth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.BsonDocument;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The Redis side of the tiered store: reads and fills of our JSON values, invalidation, and resilience, on any
 * {@link RedisDeployment} (one node, Sentinel, Cluster).
 *
 * <ul>
 *   <li>Never throws to its caller: when a master fails, reads of its keys report {@link CacheRead.Outcome#BYPASSED}
 *       and the caller uses the source of truth. Its circuit breaker ({@link CacheGuard}) then skips it at once and
 *       lets one caller probe it every {@code retryInterval}; recovery is automatic.</li>
 *   <li>Deletions that fail go to the {@link InvalidationJournal}: reads of those keys bypass the cache until the
 *       deletion succeeds, which is attempted first thing when their master answers again.</li>
 *   <li>Every command names one key, or keys of one slot ({@link KeyDeletion}), so a cluster never answers
 *       {@code CROSSSLOT}.</li>
 *   <li>Fills only create absent keys ({@code EXISTS} check and write in one Lua script on the one key): a foreign
 *       value, or a value another process just wrote, is never overwritten.</li>
 *   <li>Keys are enumerated only with {@code SCAN ... COUNT} in bounded steps on each master, never {@code KEYS}.</li>
 * </ul>
 */
public final class RedisCache implements AutoCloseable {
    /** Largest value (all JSON strings together, in chars) worth caching. */
    static final int MAX_VALUE_CHARS = 4 * 1024 * 1024;
    private static final int MAX_JOURNAL_KEYS = 100_000;
    private static final String CREATE_LIST = "if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end "
            + "redis.call('RPUSH', KEYS[1], unpack(ARGV, 2)) redis.call('PEXPIRE', KEYS[1], ARGV[1]) return 1";
    private static final String CREATE_HASH = "if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end "
            + "redis.call('HSET', KEYS[1], unpack(ARGV, 2)) redis.call('PEXPIRE', KEYS[1], ARGV[1]) return 1";

    private final RedisCacheSettings settings;
    private final CacheKeys keys;
    private final InvalidationJournal journal;
    private final CacheStatistics statistics = new CacheStatistics();
    private final CacheGuard guard;
    private final Invalidations invalidations;
    private final RedisHealth health;
    private final AtomicLong masterChangesHandled = new AtomicLong();

    public RedisCache(RedisCacheSettings settings) {
        this(settings, NetworkRoute.DIRECT);
    }

    /**
     * Connects every Redis address through {@code route}: the configured ones and those Redis reports (the master
     * a Sentinel names, the nodes of a cluster).
     */
    public RedisCache(RedisCacheSettings settings, NetworkRoute route) {
        this.settings = settings;
        this.keys = new CacheKeys(settings.keyPrefix());
        this.journal = new InvalidationJournal(MAX_JOURNAL_KEYS,
                List.of(keys.allHistoryPrefix(), keys.allSessionPrefix()));
        this.guard = new CacheGuard(settings, statistics, route);
        this.invalidations = new Invalidations(guard, journal, settings.retryInterval().toNanos());
        this.health = new RedisHealth(settings, guard, journal::size, () -> invalidations.drainIfDue(true));
    }

    public static RedisCache connect(StorageConfig config) {
        return connect(config, NetworkRoute.DIRECT);
    }

    public static RedisCache connect(StorageConfig config, NetworkRoute route) {
        return new RedisCache(RedisCacheSettings.from(config), route);
    }

    public CacheKeys keys() {
        return keys;
    }

    public RedisCacheSettings settings() {
        return settings;
    }

    public CacheStatistics statistics() {
        return statistics;
    }

    /**
     * The deployment (shape, masters, the node of a key, per-master SCAN, node health) and its routed client, for
     * read-only tools such as a key browser.
     *
     * @throws StorageConnectionException while Redis could not be reached yet
     */
    public RedisDeployment deployment() {
        try {
            return guard.deployment();
        } catch (JedisException e) {
            throw new StorageConnectionException(settings.redactor().redact(e.getMessage()));
        }
    }

    public int pendingInvalidations() {
        return journal.size();
    }

    /**
     * How many keys (or key prefixes) this cache has had to queue so far because Redis did not delete them when
     * asked; only grows. A writer compares it before and after its write to learn whether its invalidation happened.
     */
    public long invalidationsQueued() {
        return invalidations.queued();
    }

    /** The keys still to delete, prefixes shown as {@code prefix*}. */
    public List<String> pendingInvalidationNames() {
        return journal.names();
    }

    /** Tries to delete what is pending now (a PING of each master first, whatever the breakers say). */
    public boolean retryPendingInvalidations() {
        if (!journal.isEmpty()) {
            checkHealth();
        }
        return journal.isEmpty();
    }

    /** False while any master is believed down (its circuit is open). */
    public boolean isAvailable() {
        return guard.isOpened() && guard.allClosed();
    }

    // ---- reads and fills ---------------------------------------------------------------------------------------

    public CacheRead<CachedList> readList(String key) {
        String node = guard.nodeOf(key);
        if (!usable(key, node)) {
            statistics.recordBypass();
            return CacheRead.bypassed();
        }
        try {
            List<byte[]> raw = guard.deployment().client().lrange(KeyDeletion.bytes(key), 0, -1);
            if (raw.isEmpty()) {
                return CacheRead.miss();
            }
            return CachedValueFormat.decodeList(raw).map(CacheRead::hit).orElseGet(this::foreign);
        } catch (JedisException e) {
            return failedRead(node, e);
        }
    }

    /** The document cached in a hash by {@link #fillDocumentHash}. */
    public CacheRead<BsonDocument> readDocumentHash(String key) {
        String node = guard.nodeOf(key);
        if (!usable(key, node)) {
            statistics.recordBypass();
            return CacheRead.bypassed();
        }
        try {
            Map<byte[], byte[]> raw = guard.deployment().client().hgetAll(KeyDeletion.bytes(key));
            if (raw.isEmpty()) {
                return CacheRead.miss();
            }
            return CachedValueFormat.decodeHash(raw).map(CacheRead::hit).orElseGet(this::foreign);
        } catch (JedisException e) {
            return failedRead(node, e);
        }
    }

    /** Call before reading the source of truth for a fill of {@code key}. */
    public FillTicket startFill(String key) {
        return invalidations.startFill(key);
    }

    /** Creates the list (header, then elements) with the TTL, only if the key is absent. */
    public void fillList(FillTicket ticket, BsonDocument header, List<BsonDocument> elements) {
        fill(ticket, CREATE_LIST, CachedValueFormat.encodeList(header, elements));
    }

    /** Creates a hash holding {@code document} (plus readable copies of {@code plainFields}), only if absent. */
    public void fillDocumentHash(FillTicket ticket, BsonDocument document, Map<String, String> plainFields) {
        fill(ticket, CREATE_HASH, CachedValueFormat.encodeHash(document, plainFields));
    }

    private void fill(FillTicket ticket, String script, List<String> values) {
        long size = values.stream().mapToLong(String::length).sum();
        String node = guard.nodeOf(ticket.key());
        if (size > MAX_VALUE_CHARS || !usable(ticket.key(), node)) {
            return;
        }
        List<String> args = new ArrayList<>(values.size() + 1);
        args.add(Long.toString(settings.ttl().toMillis()));
        args.addAll(values);
        try {
            Object created = guard.deployment().client().eval(script, List.of(ticket.key()), args);
            if (Long.valueOf(1).equals(created) && invalidations.invalidatedSince(ticket)) {
                invalidate(List.of(ticket.key())); // a write raced with this fill: do not keep what we read before it
            }
        } catch (JedisException e) {
            guard.failed(node, e);
            if (invalidations.invalidatedSince(ticket)) {
                invalidations.journalKey(ticket.key()); // the fill may have landed after the write's invalidation
            }
        }
    }

    // ---- inspection (read-only) --------------------------------------------------------------------------------

    /**
     * The key as it is in Redis, for display: type, TTL, size, the master holding it and, for our values, the
     * decoded JSON; foreign values only as a hex preview. Read-only and bounded (see {@link CacheKeyInspector});
     * does not count as a cache read.
     *
     * @throws StorageConnectionException when its master is down or failed to answer
     */
    public CacheKeyView inspectKey(String key) {
        String node = guard.nodeOf(key);
        if (!guard.ready(node)) {
            throw new StorageConnectionException("Redis " + node + " (" + settings.address() + ") is not answering"
                    + (guard.lastError() == null ? "" : ": " + guard.lastError()));
        }
        try {
            return new CacheKeyInspector(guard.deployment().client()).inspect(key, journal.covers(key)).onNode(node);
        } catch (JedisException e) {
            guard.failed(node, e);
            throw new StorageConnectionException("Redis " + node + " (" + settings.address() + ") failed: "
                    + guard.lastError());
        }
    }

    // ---- invalidation ------------------------------------------------------------------------------------------

    /** Deletes the keys now, or remembers them until Redis answers (reads of them bypass the cache meanwhile). */
    public void invalidate(Collection<String> keysToDelete) {
        invalidations.invalidate(keysToDelete);
    }

    /**
     * Deletes every key starting with {@code literalPrefix} by bounded SCAN steps on every master. If the bound is
     * reached, or a master fails, the prefix stays in the journal (its reads bypass the cache) and deletion
     * continues later from where it stopped.
     */
    public void invalidateStartingWith(String literalPrefix) {
        invalidations.invalidateStartingWith(literalPrefix);
    }

    // ---- health and statistics ---------------------------------------------------------------------------------

    /** PING every master now (bounded by the socket timeout), whatever the circuits say; success starts recovery. */
    public ComponentHealth checkHealth() {
        return health.check();
    }

    /** {@code storage_redis}: facts from INFO (summed over the masters); {@code cache}: this process's counters. */
    public Map<String, Object> serverStatistics() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put(ComponentHealth.REDIS, health.serverFacts());
        Map<String, Object> cache = statistics.toMap();
        cache.put("pending_invalidations", journal.size());
        cache.put("redis_available", isAvailable());
        result.put("cache", cache);
        return result;
    }

    @Override
    public void close() {
        guard.close();
    }

    // ---- resilience --------------------------------------------------------------------------------------------

    /** Whether {@code key} may be read or filled now: its master is up and no deletion of it is pending. */
    private boolean usable(String key, String node) {
        if (!guard.ready(node)) {
            return false;
        }
        forgetAfterFailover();
        invalidations.drainIfDue(false);
        return !journal.covers(key);
    }

    /**
     * After a failover, every key of ours on the promoted master is suspect: replication is asynchronous, so a
     * deletion the old master acknowledged may never have reached it. Our namespace goes (journalled first, so no
     * read serves a key of it until its deletion ran); the cache is cold, never stale.
     */
    private void forgetAfterFailover() {
        long changes = guard.masterChanges();
        if (changes == masterChangesHandled.get()) {
            return;
        }
        synchronized (masterChangesHandled) {
            if (changes != masterChangesHandled.get()) {
                invalidations.journalPrefix(keys.allHistoryPrefix());
                invalidations.journalPrefix(keys.allSessionPrefix());
                masterChangesHandled.set(changes); // only now may other readers go on: the journal covers it all
            }
        }
        invalidations.drainIfDue(true);
    }

    private <T> CacheRead<T> failedRead(String node, JedisException e) {
        if (e instanceof JedisDataException && String.valueOf(e.getMessage()).startsWith("WRONGTYPE")) {
            return foreign(); // e.g. a pickle stored as a plain string under a key we read as a list
        }
        guard.failed(node, e);
        return CacheRead.bypassed();
    }

    private <T> CacheRead<T> foreign() {
        statistics.recordForeign();
        return CacheRead.foreign();
    }
}
