package dev.orchestra.storage.tiered;

import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.Page;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.CollectionRef;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.redis.CacheRead;
import dev.orchestra.storage.redis.CachedList;
import dev.orchestra.storage.redis.FillTicket;
import dev.orchestra.storage.redis.RedisCache;
import dev.orchestra.storage.schema.Fields;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.BsonDocument;

/**
 * The two reads {@link TieredMemoryManager} serves from Redis, cache-aside: a conversation history without filters
 * ({@code history:{user}[:{session}]}) and the exact lookup of one session record ({@code session:{user}:{session}}).
 */
final class CachedReads {
    private final MemoryManager delegate;
    private final RedisCache cache;
    private final int cachedItems;
    private final Clock clock;

    CachedReads(MemoryManager delegate, RedisCache cache, int cachedItems, Clock clock) {
        this.delegate = delegate;
        this.cache = cache;
        this.cachedItems = cachedItems;
        this.clock = clock;
    }

    List<MemoryItem> conversationHistory(String userId, String sessionId, int limit, DocumentFilter filters) {
        boolean unfiltered = filters == null || filters.isEmpty();
        Optional<String> key = !unfiltered || limit < 1 ? Optional.empty()
                : cache.keys().historyForReading(userId, sessionId);
        if (key.isEmpty()) {
            return delegate.getConversationHistory(userId, sessionId, limit, filters);
        }
        CacheRead<CachedList> read = cache.readList(key.get());
        if (read.isHit()) {
            var answer = CachedHistory.answer(read.value(), userId, sessionId, limit, clock.instant());
            if (answer.isPresent()) {
                cache.statistics().recordHit();
                return answer.get();
            }
            if (CachedHistory.holdsExpiredItem(read.value(), clock.instant())) {
                cache.invalidate(List.of(key.get()));
            }
        }
        cache.statistics().recordMiss();
        if (!read.mayFill()) {
            return delegate.getConversationHistory(userId, sessionId, limit, null);
        }
        FillTicket ticket = cache.startFill(key.get());
        int wanted = Math.max(limit, cachedItems);
        List<MemoryItem> items = delegate.getConversationHistory(userId, sessionId, wanted, null);
        List<MemoryItem> kept = CachedHistory.newest(items, cachedItems);
        boolean complete = items.size() < wanted && kept.size() == items.size();
        cache.fillList(ticket, CachedHistory.header(complete, kept.size()), CachedHistory.elements(kept));
        return CachedHistory.newest(items, limit);
    }

    Page<BsonDocument> findPage(CollectionRef collection, DocumentFilter filter, PageRequest page) {
        Optional<String> key = sessionKey(collection, filter, page);
        if (key.isEmpty()) {
            return delegate.findPage(collection, filter, page);
        }
        CacheRead<BsonDocument> read = cache.readDocumentHash(key.get());
        if (read.isHit() && isSessionOf(read.value(), filter.userId(), filter.sessionId())) {
            cache.statistics().recordHit();
            return new Page<>(List.of(read.value()), null, false);
        }
        cache.statistics().recordMiss();
        FillTicket ticket = cache.startFill(key.get());
        Page<BsonDocument> result = delegate.findPage(collection, filter, page);
        if (read.mayFill() && result.items().size() == 1 && !result.hasMore()) {
            BsonDocument session = result.items().get(0);
            cache.fillDocumentHash(ticket, session, readableFields(session));
        }
        return result;
    }

    /** Only the exact lookup of one session record, first page, is cached. */
    private Optional<String> sessionKey(CollectionRef collection, DocumentFilter filter, PageRequest page) {
        if (collection != StoreCollection.USER_SESSIONS || filter == null || page == null
                || page.after() != null || filter.userId() == null || filter.sessionId() == null
                || !filter.equals(DocumentFilter.forSession(filter.userId(), filter.sessionId()))) {
            return Optional.empty();
        }
        return cache.keys().sessionForReading(filter.userId(), filter.sessionId());
    }

    private static boolean isSessionOf(BsonDocument session, String userId, String sessionId) {
        return session.isString(Fields.USER_ID) && session.getString(Fields.USER_ID).getValue().equals(userId)
                && session.isString("session_id") && session.getString("session_id").getValue().equals(sessionId);
    }

    /** Plain copies for people and other services looking at the hash; readers use the JSON document only. */
    private static Map<String, String> readableFields(BsonDocument session) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : List.of(Fields.USER_ID, Fields.SESSION_ID, Fields.PERSONA_ACTIVE)) {
            if (session.isString(name)) {
                fields.put(name, session.getString(name).getValue());
            }
        }
        return fields;
    }
}
