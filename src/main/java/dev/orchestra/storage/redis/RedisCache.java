package dev.orchestra.storage.redis;

import dev.orchestra.storage.error.StorageConnectionException;
import dev.orchestra.storage.config.NetworkRoute;
import dev.orchestra.storage.config.Redactor;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.model.ComponentHealth;
import dev.orchestra.storage.model.HealthStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.bson.BsonDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ScanParams;

/**
 * The Redis side of the tiered store: reads and fills of our JSON values, invalidation, and resilience.
 *
 * <ul>
 *   <li>Never throws to its caller: when Redis fails, reads report {@link CacheRead.Outcome#BYPASSED} and the
 *       caller uses the source of truth. A circuit breaker then skips Redis at once (a dead Redis costs ~nothing per
 *       call) and lets one caller probe every {@code retryInterval}; recovery is automatic.</li>
 *   <li>Deletions that fail go to the {@link InvalidationJournal}: reads of those keys bypass the cache until the
 *       deletion succeeds, which is attempted first thing when Redis answers again.</li>
 *   <li>Fills only create absent keys ({@code EXISTS} check and write in one Lua script): a foreign value, or a
 *       value another process just wrote, is never overwritten.</li>
 *   <li>Keys are enumerated only with {@code SCAN ... COUNT} in bounded steps, never {@code KEYS}.</li>
 * </ul>
 */
public final class RedisCache implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RedisCache.class);

    /** Largest value (all JSON strings together, in chars) worth caching. */
    static final int MAX_VALUE_CHARS = 4 * 1024 * 1024;
    private static final int SCAN_COUNT = 500;
    private static final int MAX_SCAN_STEPS = 200;
    private static final int MAX_JOURNAL_KEYS = 100_000;
    private static final int EPOCH_STRIPES = 64;
    private static final String CREATE_LIST = "if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end "
            + "redis.call('RPUSH', KEYS[1], unpack(ARGV, 2)) redis.call('PEXPIRE', KEYS[1], ARGV[1]) return 1";
    private static final String CREATE_HASH = "if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end "
            + "redis.call('HSET', KEYS[1], unpack(ARGV, 2)) redis.call('PEXPIRE', KEYS[1], ARGV[1]) return 1";

    private final RedisCacheSettings settings;
    private final JedisPooled jedis;
    private final CacheKeys keys;
    private final InvalidationJournal journal;
    private final CircuitBreaker breaker;
    private final Redactor redactor;
    private final CacheStatistics statistics = new CacheStatistics();
    private final AtomicLongArray epochs = new AtomicLongArray(EPOCH_STRIPES);
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicLong queuedInvalidations = new AtomicLong();
    private volatile long nextDrainAt = System.nanoTime();
    private volatile String lastError;
    private volatile String serverVersion;

    public RedisCache(RedisCacheSettings settings) {
        this(settings, NetworkRoute.DIRECT);
    }

    /** Connects every Redis address (configured or reported by Redis) through {@code route}. */
    public RedisCache(RedisCacheSettings settings, NetworkRoute route) {
        this.settings = settings;
        this.keys = new CacheKeys(settings.keyPrefix());
        this.journal = new InvalidationJournal(MAX_JOURNAL_KEYS,
                List.of(keys.allHistoryPrefix(), keys.allSessionPrefix()));
        this.breaker = new CircuitBreaker(settings.retryInterval());
        this.redactor = settings.redactor();
        this.jedis = RedisConnections.open(settings, route);
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

    public int pendingInvalidations() {
        return journal.size();
    }

    /**
     * How many keys (or key prefixes) this cache has had to queue so far because Redis did not delete them when
     * asked; only grows. A writer compares it before and after its write to learn whether its invalidation happened.
     */
    public long invalidationsQueued() {
        return queuedInvalidations.get();
    }

    /** The keys still to delete, prefixes shown as {@code prefix*}. */
    public List<String> pendingInvalidationNames() {
        return journal.names();
    }

    /**
     * Tries to delete what is pending now (a PING first, whatever the circuit says).
     *
     * @return true when nothing is pending afterwards
     */
    public boolean retryPendingInvalidations() {
        if (!journal.isEmpty()) {
            checkHealth();
        }
        return journal.isEmpty();
    }

    /** False while Redis is believed down (the circuit is open). */
    public boolean isAvailable() {
        return !breaker.isOpen();
    }

    // ---- reads and fills ---------------------------------------------------------------------------------------

    public CacheRead<CachedList> readList(String key) {
        if (!ready() || journal.covers(key)) {
            statistics.recordBypass();
            return CacheRead.bypassed();
        }
        try {
            List<byte[]> raw = jedis.lrange(bytes(key), 0, -1);
            if (raw.isEmpty()) {
                return CacheRead.miss();
            }
            return CachedValueFormat.decodeList(raw).map(CacheRead::hit).orElseGet(this::foreign);
        } catch (JedisException e) {
            return failedRead(e);
        }
    }

    /** The document cached in a hash by {@link #fillDocumentHash}. */
    public CacheRead<BsonDocument> readDocumentHash(String key) {
        if (!ready() || journal.covers(key)) {
            statistics.recordBypass();
            return CacheRead.bypassed();
        }
        try {
            Map<byte[], byte[]> raw = jedis.hgetAll(bytes(key));
            if (raw.isEmpty()) {
                return CacheRead.miss();
            }
            return CachedValueFormat.decodeHash(raw).map(CacheRead::hit).orElseGet(this::foreign);
        } catch (JedisException e) {
            return failedRead(e);
        }
    }

    /** Call before reading the source of truth for a fill of {@code key}. */
    public FillTicket startFill(String key) {
        return new FillTicket(key, epochs.get(stripe(key)));
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
        if (size > MAX_VALUE_CHARS || !ready() || journal.covers(ticket.key())) {
            return;
        }
        List<String> args = new ArrayList<>(values.size() + 1);
        args.add(Long.toString(settings.ttl().toMillis()));
        args.addAll(values);
        try {
            Object created = jedis.eval(script, List.of(ticket.key()), args);
            if (Long.valueOf(1).equals(created) && invalidatedSince(ticket)) {
                invalidate(List.of(ticket.key())); // a write raced with this fill: do not keep what we read before it
            }
        } catch (JedisException e) {
            failed(e);
            if (invalidatedSince(ticket)) {
                journal.addKey(ticket.key()); // the fill may have landed after the write's invalidation
            }
        }
    }

    // ---- inspection (read-only) --------------------------------------------------------------------------------

    /**
     * The key as it is in Redis, for display: type, TTL, size and, for our values, the decoded JSON; foreign values
     * only as a hex preview. Read-only and bounded (see {@link CacheKeyInspector}); does not count as a cache read.
     *
     * @throws StorageConnectionException when Redis is down or failed to answer
     */
    public CacheKeyView inspectKey(String key) {
        if (!ready()) {
            throw new StorageConnectionException("Redis at " + settings.address() + " is not answering"
                    + (lastError == null ? "" : ": " + lastError));
        }
        try {
            return new CacheKeyInspector(jedis).inspect(key, journal.covers(key));
        } catch (JedisException e) {
            failed(e);
            throw new StorageConnectionException("Redis at " + settings.address() + " failed: " + lastError);
        }
    }

    // ---- invalidation ------------------------------------------------------------------------------------------

    /** Deletes the keys now, or remembers them until Redis answers (reads of them bypass the cache meanwhile). */
    public void invalidate(Collection<String> keysToDelete) {
        if (keysToDelete.isEmpty()) {
            return;
        }
        keysToDelete.forEach(key -> epochs.incrementAndGet(stripe(key)));
        if (!ready()) {
            queue(keysToDelete);
            return;
        }
        try {
            jedis.del(keysToDelete.stream().map(RedisCache::bytes).toArray(byte[][]::new));
        } catch (JedisException e) {
            failed(e);
            queue(keysToDelete);
        }
    }

    /**
     * Deletes every key starting with {@code literalPrefix} by bounded SCAN steps. If the bound is reached, or
     * Redis fails, the prefix stays in the journal (its reads bypass the cache) and deletion continues later.
     */
    public void invalidateStartingWith(String literalPrefix) {
        for (int i = 0; i < EPOCH_STRIPES; i++) {
            epochs.incrementAndGet(i);
        }
        if (!ready()) {
            queuePrefix(literalPrefix);
            return;
        }
        try {
            String cursor = ScanParams.SCAN_POINTER_START;
            int steps = 0;
            do {
                cursor = deleteStartingWith(literalPrefix, cursor);
                steps++;
            } while (!ScanParams.SCAN_POINTER_START.equals(cursor) && steps < MAX_SCAN_STEPS);
            if (!ScanParams.SCAN_POINTER_START.equals(cursor)) {
                journal.continuePrefix(literalPrefix, cursor);
                queuedInvalidations.incrementAndGet();
            }
        } catch (JedisException e) {
            failed(e);
            queuePrefix(literalPrefix);
        }
    }

    private void queue(Collection<String> keysToDelete) {
        keysToDelete.forEach(journal::addKey);
        queuedInvalidations.addAndGet(keysToDelete.size());
    }

    private void queuePrefix(String literalPrefix) {
        journal.addPrefix(literalPrefix);
        queuedInvalidations.incrementAndGet();
    }

    private String deleteStartingWith(String literalPrefix, String cursor) {
        var params = new ScanParams().match(bytes(CacheKeys.globStartingWith(literalPrefix))).count(SCAN_COUNT);
        var page = jedis.scan(bytes(cursor), params);
        if (!page.getResult().isEmpty()) {
            jedis.del(page.getResult().toArray(byte[][]::new));
        }
        return page.getCursor();
    }

    private boolean invalidatedSince(FillTicket ticket) {
        return epochs.get(stripe(ticket.key())) != ticket.epoch();
    }

    // ---- health and statistics ---------------------------------------------------------------------------------

    /** PING now (bounded by the socket timeout), whatever the circuit says; a success also starts recovery. */
    public ComponentHealth checkHealth() {
        long start = System.nanoTime();
        try {
            jedis.ping();
            long latency = (System.nanoTime() - start) / 1_000_000;
            if (serverVersion == null) {
                serverVersion = RedisInfo.parse(jedis.info("server")).getOrDefault("redis_version", "unknown");
            }
            if (breaker.isOpen()) {
                breaker.recordSuccess();
                log.info("Redis at {} answers again", settings.address());
            }
            drainIfDue(true);
            return new ComponentHealth(ComponentHealth.REDIS, HealthStatus.OK, latency, healthDetails(), null,
                    Instant.now());
        } catch (JedisException e) {
            failed(e);
            return new ComponentHealth(ComponentHealth.REDIS, HealthStatus.ERROR, -1, healthDetails(), lastError,
                    Instant.now());
        }
    }

    /** {@code storage_redis}: facts from INFO; {@code cache}: this process's counters. */
    public Map<String, Object> serverStatistics() {
        Map<String, Object> result = new LinkedHashMap<>();
        try {
            result.put(ComponentHealth.REDIS, RedisInfo.summary(jedis.info()));
        } catch (JedisException e) {
            failed(e);
            result.put(ComponentHealth.REDIS, Map.of("error", lastError));
        }
        Map<String, Object> cache = statistics.toMap();
        cache.put("pending_invalidations", journal.size());
        cache.put("redis_available", isAvailable());
        result.put("cache", cache);
        return result;
    }

    private Map<String, Object> healthDetails() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("address", settings.address());
        if (serverVersion != null) {
            details.put("server_version", serverVersion);
        }
        details.put("pending_invalidations", journal.size());
        return details;
    }

    @Override
    public void close() {
        jedis.close();
    }

    // ---- resilience --------------------------------------------------------------------------------------------

    /** Whether Redis may be used now; while it is believed down, one caller per interval probes it. */
    private boolean ready() {
        if (breaker.isOpen()) {
            if (breaker.tryStartProbe()) {
                boolean answered = false;
                try {
                    jedis.ping();
                    answered = true;
                    log.info("Redis at {} answers again; deleting {} pending invalidations first",
                            settings.address(), journal.size());
                } catch (JedisException e) {
                    noteError(e);
                } finally {
                    breaker.probeFinished(answered);
                }
                drainIfDue(true);
            }
            return !breaker.isOpen();
        }
        drainIfDue(false);
        return true;
    }

    /** Deletes pending invalidations (one drainer at a time, at most once per retry interval unless forced). */
    private void drainIfDue(boolean force) {
        if (journal.isEmpty() || !force && System.nanoTime() - nextDrainAt < 0 || !draining.compareAndSet(false, true)) {
            return;
        }
        try {
            nextDrainAt = System.nanoTime() + settings.retryInterval().toNanos();
            journal.drain(new InvalidationJournal.KeyDeleter() {
                @Override
                public void delete(String key) {
                    jedis.del(bytes(key));
                }

                @Override
                public String deleteStartingWith(String literalPrefix, String cursor) {
                    return RedisCache.this.deleteStartingWith(literalPrefix, cursor);
                }
            }, MAX_SCAN_STEPS);
        } catch (JedisException e) {
            failed(e);
        } finally {
            draining.set(false);
        }
    }

    private <T> CacheRead<T> failedRead(JedisException e) {
        if (e instanceof JedisDataException && String.valueOf(e.getMessage()).startsWith("WRONGTYPE")) {
            return foreign(); // e.g. a pickle stored as a plain string under a key we read as a list
        }
        failed(e);
        return CacheRead.bypassed();
    }

    private <T> CacheRead<T> foreign() {
        statistics.recordForeign();
        return CacheRead.foreign();
    }

    private void failed(JedisException e) {
        noteError(e);
        boolean wasOpen = breaker.isOpen();
        breaker.recordFailure();
        if (!wasOpen) {
            log.warn("Redis at {} failed ({}); serving from the source of truth alone, retrying every {} ms",
                    settings.address(), lastError, settings.retryInterval().toMillis());
            jedis.getPool().clear(); // drop idle connections to the old server so that recovery is immediate
        }
    }

    private void noteError(JedisException e) {
        statistics.recordError();
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        lastError = redactor.redact(message);
    }

    private static int stripe(String key) {
        return Math.floorMod(key.hashCode(), EPOCH_STRIPES);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
