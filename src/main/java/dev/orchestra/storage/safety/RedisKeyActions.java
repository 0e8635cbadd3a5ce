package dev.orchestra.storage.safety;

import dev.orchestra.storage.redis.keys.KeyInfo;
import dev.orchestra.storage.redis.keys.RedisKeyName;
import dev.orchestra.storage.redis.keys.RedisKeys;
import java.time.Duration;
import java.util.Optional;
import org.bson.BsonBinary;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;

/**
 * The changes a user may make to a Redis key from the key browser — delete it, set or remove its time to live —
 * each refused while the {@link WriteLock} is locked and audited ({@code delete_key}, {@code set_key_ttl}, collection
 * {@code redis}, the key's name as the document id). A deleted key's audit entry keeps its {@code DUMP} when it is at
 * most {@link #MAX_DUMP_BYTES}, so it can be put back with {@code RESTORE}. Get one from
 * {@link SafeOperations#redisKeys()}; call it off the UI thread.
 */
public final class RedisKeyActions {
    /** What the audit log names as the "collection" of a Redis key. */
    public static final String AUDIT_COLLECTION = "redis";
    /** Largest DUMP kept in the audit entry of a deletion. */
    public static final int MAX_DUMP_BYTES = 1024 * 1024;

    private final RedisKeys keys;
    private final WriteLock lock;
    private final AuditLog audit;

    RedisKeyActions(RedisKeys keys, WriteLock lock, AuditLog audit) {
        this.keys = keys;
        this.lock = lock;
        this.audit = audit;
    }

    /** Deletes the key; false (nothing audited) when it no longer exists. */
    public boolean delete(RedisKeyName key) {
        lock.checkWritable("delete Redis key " + key.text());
        Optional<KeyInfo> before = keys.describe(key);
        if (before.isEmpty()) {
            return false;
        }
        byte[] dump = keys.dump(key);
        boolean deleted = keys.delete(key);
        if (deleted) {
            BsonDocument described = facts(before.get());
            if (dump != null && dump.length <= MAX_DUMP_BYTES) {
                described.append("dump", new BsonBinary(dump));
            } else if (dump != null) {
                described.append("dump_omitted", new BsonString(dump.length + " bytes"));
            }
            audit.redisKeyDeleted(key.text(), described);
        }
        return deleted;
    }

    /** Sets the key's remaining time to live; false (nothing audited) when the key does not exist. */
    public boolean expire(RedisKeyName key, Duration ttl) {
        lock.checkWritable("set the TTL of Redis key " + key.text());
        Optional<KeyInfo> before = keys.describe(key);
        if (before.isEmpty() || !keys.expire(key, ttl)) {
            return false;
        }
        audit.redisKeyTtlChanged(key.text(), ttl(before.get().ttlMillis()), ttl(ttl.toMillis()));
        return true;
    }

    /** Makes the key never expire; false (nothing audited) when it had no TTL or does not exist. */
    public boolean persist(RedisKeyName key) {
        lock.checkWritable("remove the TTL of Redis key " + key.text());
        Optional<KeyInfo> before = keys.describe(key);
        if (before.isEmpty() || !keys.persist(key)) {
            return false;
        }
        audit.redisKeyTtlChanged(key.text(), ttl(before.get().ttlMillis()), ttl(-1));
        return true;
    }

    private static BsonDocument facts(KeyInfo info) {
        BsonDocument facts = new BsonDocument("type", new BsonString(info.type()))
                .append("ttl_ms", new BsonInt64(info.ttlMillis()))
                .append("memory_bytes", new BsonInt64(info.memoryBytes()))
                .append("length", new BsonInt64(info.length()))
                .append("node", new BsonString(info.node()));
        if (info.encoding() != null) {
            facts.append("encoding", new BsonString(info.encoding()));
        }
        return facts;
    }

    private static BsonDocument ttl(long millis) {
        return new BsonDocument("ttl_ms", new BsonInt64(millis));
    }
}
