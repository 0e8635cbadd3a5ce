package dev.orchestra.storage.tiered;

import dev.orchestra.storage.schema.Fields;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.CollectionRef;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.redis.CacheKeys;
import dev.orchestra.storage.redis.RedisCache;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/** Which cache keys a write changes, and their deletion. Only memory items and session records are cached. */
final class AffectedKeys {
    private final RedisCache cache;
    private final CacheKeys keys;

    AffectedKeys(RedisCache cache) {
        this.cache = cache;
        this.keys = cache.keys();
    }

    /** After writing, replacing or deleting these stored documents (old and new versions alike). */
    void invalidateDocuments(CollectionRef collection, List<BsonDocument> documents) {
        Set<String> affected = new LinkedHashSet<>();
        for (BsonDocument document : documents) {
            if (document == null) {
                continue;
            }
            String userId = stringOrNull(document.get(Fields.USER_ID));
            String sessionId = stringOrNull(document.get("session_id"));
            affected.addAll(keysOf(collection, userId, sessionId));
        }
        cache.invalidate(affected);
    }

    /** After a memory item of (user, session) was added. */
    void invalidateItemOf(String userId, String sessionId) {
        cache.invalidate(keysOf(StoreCollection.MEMORY_ITEMS, userId, sessionId));
    }

    /**
     * After a delete by filter. A filter naming user and session affects that session's keys; one naming only a
     * user affects all of that user's keys (found by bounded SCAN); any other filter may have hit anyone, so every
     * key of the collection's kind goes.
     */
    void invalidateMatching(StoreCollection collection, DocumentFilter filter) {
        DocumentFilter f = filter == null ? DocumentFilter.none() : filter;
        boolean history = collection == StoreCollection.MEMORY_ITEMS;
        if (!history && collection != StoreCollection.USER_SESSIONS) {
            return;
        }
        if (f.userId() != null && f.sessionId() != null) {
            cache.invalidate(keysOf(collection, f.userId(), f.sessionId()));
        } else if (f.userId() != null) {
            if (history) {
                cache.invalidate(List.of(keys.history(f.userId(), null)));
                cache.invalidateStartingWith(keys.userSessionHistoryPrefix(f.userId()));
            } else {
                cache.invalidateStartingWith(keys.userSessionPrefix(f.userId()));
            }
        } else {
            cache.invalidateStartingWith(history ? keys.allHistoryPrefix() : keys.allSessionPrefix());
        }
    }

    private List<String> keysOf(CollectionRef collection, String userId, String sessionId) {
        if (userId == null || !(collection instanceof StoreCollection orchestra)) {
            return List.of();
        }
        return switch (orchestra) {
            case MEMORY_ITEMS -> keys.historyKeysShowing(userId, sessionId);
            case USER_SESSIONS -> sessionId == null ? List.of() : List.of(keys.session(userId, sessionId));
            default -> List.of();
        };
    }

    private static String stringOrNull(BsonValue value) {
        return value != null && value.isString() ? value.asString().getValue() : null;
    }
}
