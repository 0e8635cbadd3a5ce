package dev.orchestra.storage.tiered;

import dev.orchestra.storage.mapping.MemoryItemMapper;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.redis.CachedList;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonValue;

/**
 * The content of a {@code history:*} key: the newest items of a user (or session) in chronological order, and
 * whether they are all the items there are ({@code complete}), so that larger limits can be answered too.
 */
final class CachedHistory {
    private static final String COMPLETE = "complete";
    private static final String COUNT = "count";

    private CachedHistory() {
    }

    static BsonDocument header(boolean complete, int count) {
        return new BsonDocument(COMPLETE, BsonBoolean.valueOf(complete)).append(COUNT, new BsonInt32(count));
    }

    static List<BsonDocument> elements(List<MemoryItem> items) {
        return items.stream().map(MemoryItemMapper::toDocument).toList();
    }

    /**
     * The newest {@code limit} items, when the cached list can answer that: it holds at least {@code limit} items
     * or all of them. Empty when it cannot, when it belongs to someone else, or when it holds an expired item (the
     * source of truth may have deleted it: see {@link #holdsExpiredItem}).
     */
    static Optional<List<MemoryItem>> answer(CachedList cached, String userId, String sessionId, int limit,
                                             Instant now) {
        BsonValue complete = cached.header().get(COMPLETE);
        if (complete == null || !complete.isBoolean()) {
            return Optional.empty();
        }
        List<MemoryItem> items = cached.elements().stream().map(MemoryItemMapper::fromDocument).toList();
        for (MemoryItem item : items) {
            boolean belongs = userId.equals(item.userId())
                    && (sessionId == null || Objects.equals(sessionId, item.sessionId()));
            if (!belongs || isExpired(item, now)) {
                return Optional.empty();
            }
        }
        if (limit <= items.size()) {
            return Optional.of(newest(items, limit));
        }
        return complete.asBoolean().getValue() ? Optional.of(items) : Optional.empty();
    }

    /** Expired items are deleted by cleanupExpiredItems and MongoDB's TTL monitor without telling the cache. */
    static boolean holdsExpiredItem(CachedList cached, Instant now) {
        return cached.elements().stream().map(MemoryItemMapper::fromDocument).anyMatch(i -> isExpired(i, now));
    }

    /** The last {@code limit} of a chronological list. */
    static List<MemoryItem> newest(List<MemoryItem> chronological, int limit) {
        return chronological.size() <= limit ? chronological
                : List.copyOf(chronological.subList(chronological.size() - limit, chronological.size()));
    }

    private static boolean isExpired(MemoryItem item, Instant now) {
        return item.expiration() != null && !item.expiration().isAfter(now);
    }
}
