package dev.orchestra.storage.coherence;

import dev.orchestra.storage.error.StorageConnectionException;
import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.redis.CachedValues;
import dev.orchestra.storage.safety.AuditAction;
import dev.orchestra.storage.safety.AuditLog;
import dev.orchestra.storage.safety.WriteLock;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Deletes cache keys on a user's request, so that the next read loads the source of truth: refused while writes are
 * locked, each deletion audited. {@link #repair} deletes only our stale and orphan keys, checked again just before
 * and deleted by a script that first confirms the value is still in our format, so a foreign value is never deleted
 * by it, even one written between the check and the repair. Deleting a foreign key is {@link #deleteForeign}, a
 * separate action.
 */
public final class CoherenceRepair {
    /** Deletes {@code KEYS[1]} only when it still holds our format (a marked list header, or a marked hash). */
    private static final String DELETE_IF_OURS = "local t = redis.call('TYPE', KEYS[1])['ok'] "
            + "if t == 'list' then local h = redis.call('LINDEX', KEYS[1], 0) "
            + "  if h and string.find(h, ARGV[1], 1, true) then return redis.call('DEL', KEYS[1]) end "
            + "elseif t == 'hash' then "
            + "  if redis.call('HGET', KEYS[1], ARGV[2]) == ARGV[3] then return redis.call('DEL', KEYS[1]) end "
            + "end return 0";
    private static final String MARKER = "\"" + CachedValues.FORMAT_FIELD + "\": \"" + CachedValues.FORMAT + "\"";

    private final CoherenceChecker checker;
    private final WriteLock lock;
    private final AuditLog audit;

    public CoherenceRepair(CoherenceChecker checker, WriteLock lock, AuditLog audit) {
        this.checker = checker;
        this.lock = lock;
        this.audit = audit;
    }

    /**
     * Deletes the stale and orphan keys among {@code findings} (others are ignored).
     *
     * @throws dev.orchestra.storage.error.ReadOnlyViolationException while writes are locked; nothing is deleted
     */
    public RepairResult repair(List<CacheFinding> findings) {
        lock.checkWritable("repair cache keys");
        List<String> keys = findings.stream().filter(f -> f.coherence().repairable()).map(CacheFinding::key)
                .distinct().toList();
        List<String> deleted = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        UnifiedJedis client = checker.cache().deployment().client();
        for (CacheFinding now : checker.classifyAll(keys)) {
            if (!now.coherence().repairable()) {
                skipped.add(now.key() + ": now " + now.coherence().label());
                continue;
            }
            if (deleteIfOurs(client, now.key())) {
                deleted.add(now.key());
                audit.cacheKeyDeleted(AuditAction.CACHE_REPAIR, now.key(), facts(now)
                        .append("difference", new BsonString(now.diff().summary())));
            } else {
                skipped.add(now.key() + ": no longer in our format");
            }
        }
        return new RepairResult(deleted, skipped);
    }

    /**
     * Deletes one foreign key (another service's value under our key names), checked again just before.
     *
     * @throws StorageValidationException when the key is not foreign (ours, absent or not a cache key)
     * @throws dev.orchestra.storage.error.ReadOnlyViolationException while writes are locked
     */
    public void deleteForeign(String key) {
        lock.checkWritable("delete a foreign cache key");
        CacheFinding now = checker.classify(key);
        if (now.coherence() != CoherenceClass.FOREIGN) {
            throw new StorageValidationException(key + " is " + now.coherence().label()
                    + ", not foreign: only a foreign key is deleted this way");
        }
        try {
            checker.cache().deployment().client().del(key.getBytes(StandardCharsets.UTF_8));
        } catch (JedisException e) {
            throw failed(e);
        }
        audit.cacheKeyDeleted(AuditAction.DELETE_FOREIGN_CACHE_KEY, key, facts(now));
    }

    private boolean deleteIfOurs(UnifiedJedis client, String key) {
        try {
            Object result = client.eval(DELETE_IF_OURS, List.of(key),
                    List.of(MARKER, CachedValues.FORMAT_FIELD, CachedValues.FORMAT));
            return Long.valueOf(1).equals(result);
        } catch (JedisException e) {
            throw failed(e);
        }
    }

    private StorageConnectionException failed(JedisException e) {
        return new StorageConnectionException("Redis did not delete the key: "
                + checker.cache().settings().redactor().redact(String.valueOf(e.getMessage())));
    }

    private static BsonDocument facts(CacheFinding finding) {
        return new BsonDocument("class", new BsonString(finding.coherence().label()))
                .append("redis_type", new BsonString(finding.redisType()))
                .append("ttl_ms", new BsonInt64(finding.ttlMillis()));
    }
}
