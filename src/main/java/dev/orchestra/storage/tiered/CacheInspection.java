package dev.orchestra.storage.tiered;

import dev.orchestra.storage.StoreLifecycle;
import dev.orchestra.storage.redis.CacheKeyView;
import java.util.List;
import java.util.Optional;

/**
 * Read-only look at the Redis keys of one session, for the inspector. Implemented by {@link TieredMemoryManager}; a
 * capability ({@link StoreLifecycle#capability}), so decorators in front of the cache let it through.
 */
public interface CacheInspection {

    /**
     * {@code history:{user}:{session}}, {@code history:{user}} and {@code session:{user}:{session}} as they are in
     * Redis; empty when no cache is configured.
     *
     * @throws dev.orchestra.storage.error.StorageConnectionException when Redis is down
     */
    Optional<List<CacheKeyView>> inspectSessionCache(String userId, String sessionId);

    /** Asks {@code store}'s capability; empty when there is no cache behind it. */
    static Optional<List<CacheKeyView>> inspectSession(StoreLifecycle store, String userId, String sessionId) {
        return store.capability(CacheInspection.class).flatMap(i -> i.inspectSessionCache(userId, sessionId));
    }
}
