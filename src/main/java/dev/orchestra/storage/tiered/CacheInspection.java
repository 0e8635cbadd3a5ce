package dev.orchestra.storage.tiered;

import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.redis.CacheKeyView;
import java.util.List;
import java.util.Optional;

/**
 * Read-only look at the Redis keys of one session, for the inspector. Implemented by {@link TieredMemoryManager}
 * and by wrappers that must let it through (the write gate); {@link #inspectSession} finds it behind any
 * {@link ForwardingMemoryManager}.
 */
public interface CacheInspection {

    /**
     * {@code history:{user}:{session}}, {@code history:{user}} and {@code session:{user}:{session}} as they are in
     * Redis; empty when no cache is configured.
     *
     * @throws dev.orchestra.storage.StorageConnectionException when Redis is down
     */
    Optional<List<CacheKeyView>> inspectSessionCache(String userId, String sessionId);

    /** Asks {@code manager} or the manager it wraps; empty when there is no cache behind it. */
    static Optional<List<CacheKeyView>> inspectSession(MemoryManager manager, String userId, String sessionId) {
        if (manager instanceof CacheInspection inspection) {
            return inspection.inspectSessionCache(userId, sessionId);
        }
        if (manager instanceof ForwardingMemoryManager forwarding) {
            return inspectSession(forwarding.delegate(), userId, sessionId);
        }
        return Optional.empty();
    }
}
