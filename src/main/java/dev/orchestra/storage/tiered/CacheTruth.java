package dev.orchestra.storage.tiered;

import dev.orchestra.storage.StoreLifecycle;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.redis.RedisCache;
import dev.orchestra.storage.model.SessionRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.BsonDocument;

/**
 * What a cache key should hold now: the values {@link TieredMemoryManager} would load from the source of truth into
 * it on a miss, read past the cache (nothing is filled). For the coherence check; a capability
 * ({@link StoreLifecycle#capability}), so decorators in front of the cache let it through.
 */
public interface CacheTruth {

    /** The cache these values would go into. */
    RedisCache redisCache();

    /** How many of the newest items a history key holds. */
    int cachedItemsPerKey();

    /** The newest {@link #cachedItemsPerKey()} items of (user, session or null), oldest first, as a fill reads them. */
    List<MemoryItem> historyFromSource(String userId, String sessionId);

    /** The one session record a {@code session:{user}:{session}} key caches, or empty when there is none. */
    Optional<BsonDocument> sessionFromSource(String userId, String sessionId);

    /**
     * {@link #historyFromSource} of each (user, session or null), keyed in the order given. This default reads them
     * one by one; the tiered manager's reads many per query.
     */
    default Map<SessionRef, List<MemoryItem>> historiesFromSource(List<SessionRef> sessions) {
        Map<SessionRef, List<MemoryItem>> histories = new LinkedHashMap<>();
        sessions.forEach(s -> histories.put(s, historyFromSource(s.userId(), s.sessionId())));
        return histories;
    }

    /**
     * {@link #sessionFromSource} of each (user, session), keyed in the order given. This default reads them one by
     * one; the tiered manager's reads many per query.
     */
    default Map<SessionRef, Optional<BsonDocument>> sessionsFromSource(List<SessionRef> sessions) {
        Map<SessionRef, Optional<BsonDocument>> records = new LinkedHashMap<>();
        sessions.forEach(s -> records.put(s, sessionFromSource(s.userId(), s.sessionId())));
        return records;
    }

    /** Asks {@code store}'s capability; empty when there is no cache behind it. */
    static Optional<CacheTruth> of(StoreLifecycle store) {
        return store.capability(CacheTruth.class).filter(t -> t.redisCache() != null);
    }
}
