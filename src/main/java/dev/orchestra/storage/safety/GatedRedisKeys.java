package dev.orchestra.storage.safety;

import dev.orchestra.storage.redis.keys.KeyInfo;
import dev.orchestra.storage.redis.keys.KeyQuery;
import dev.orchestra.storage.redis.keys.KeyScanCursor;
import dev.orchestra.storage.redis.keys.KeyScanPage;
import dev.orchestra.storage.redis.keys.RedisKeyName;
import dev.orchestra.storage.redis.keys.RedisKeys;
import dev.orchestra.storage.redis.keys.ValuePage;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** The {@link ReadOnlyMemoryManager}'s view of the Redis keys: browsing passes, changing a key is refused while locked. */
final class GatedRedisKeys implements RedisKeys {
    private final RedisKeys delegate;
    private final WriteLock lock;

    GatedRedisKeys(RedisKeys delegate, WriteLock lock) {
        this.delegate = delegate;
        this.lock = lock;
    }

    @Override
    public String shape() {
        return delegate.shape();
    }

    @Override
    public String defaultPattern() {
        return delegate.defaultPattern();
    }

    @Override
    public KeyScanPage scan(KeyQuery query, KeyScanCursor from, int wanted, BooleanSupplier stop) {
        return delegate.scan(query, from, wanted, stop);
    }

    @Override
    public Optional<KeyInfo> describe(RedisKeyName key) {
        return delegate.describe(key);
    }

    @Override
    public ValuePage readValue(RedisKeyName key, String type, String from, int count) {
        return delegate.readValue(key, type, from, count);
    }

    @Override
    public byte[] dump(RedisKeyName key) {
        return delegate.dump(key);
    }

    @Override
    public boolean delete(RedisKeyName key) {
        lock.checkWritable("delete Redis key " + key.text());
        return delegate.delete(key);
    }

    @Override
    public boolean expire(RedisKeyName key, Duration ttl) {
        lock.checkWritable("set the TTL of Redis key " + key.text());
        return delegate.expire(key, ttl);
    }

    @Override
    public boolean persist(RedisKeyName key) {
        lock.checkWritable("remove the TTL of Redis key " + key.text());
        return delegate.persist(key);
    }
}
