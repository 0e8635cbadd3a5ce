package dev.orchestra.storage.tiered;

import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.Page;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.redis.RedisCache;
import dev.orchestra.storage.model.SessionRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.BsonDocument;

/** {@link CacheTruth} of a {@link TieredMemoryManager}: the same source reads as {@link CachedReads}' fills. */
final class SourceTruth implements CacheTruth {
    private final MemoryManager source;
    private final RedisCache cache;
    private final int cachedItems;

    SourceTruth(MemoryManager source, RedisCache cache, int cachedItems) {
        this.source = source;
        this.cache = cache;
        this.cachedItems = cachedItems;
    }

    @Override
    public RedisCache redisCache() {
        return cache;
    }

    @Override
    public int cachedItemsPerKey() {
        return cachedItems;
    }

    @Override
    public List<MemoryItem> historyFromSource(String userId, String sessionId) {
        return CachedHistory.newest(source.getConversationHistory(userId, sessionId, cachedItems, null), cachedItems);
    }

    @Override
    public Optional<BsonDocument> sessionFromSource(String userId, String sessionId) {
        // two, so that a duplicate record (which a fill never caches) is not taken for the truth
        Page<BsonDocument> page = source.findPage(StoreCollection.USER_SESSIONS,
                DocumentFilter.forSession(userId, sessionId), PageRequest.first(2));
        return page.items().size() == 1 && !page.hasMore() ? Optional.of(page.items().get(0)) : Optional.empty();
    }

    /** Many sessions per query ({@link MemoryManager#getConversationHistories}), the same items as one by one. */
    @Override
    public Map<SessionRef, List<MemoryItem>> historiesFromSource(List<SessionRef> sessions) {
        Map<SessionRef, List<MemoryItem>> histories = new LinkedHashMap<>();
        source.getConversationHistories(sessions, cachedItems)
                .forEach((s, items) -> histories.put(s, CachedHistory.newest(items, cachedItems)));
        return histories;
    }

    /** Many sessions per query ({@link MemoryManager#findSessionRecords}); a record only when it is the only one. */
    @Override
    public Map<SessionRef, Optional<BsonDocument>> sessionsFromSource(List<SessionRef> sessions) {
        Map<SessionRef, Optional<BsonDocument>> records = new LinkedHashMap<>();
        source.findSessionRecords(sessions).forEach((s, rows) ->
                records.put(s, rows.size() == 1 ? Optional.of(rows.get(0)) : Optional.empty()));
        return records;
    }
}
