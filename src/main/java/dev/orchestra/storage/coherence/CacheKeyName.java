package dev.orchestra.storage.coherence;

import dev.orchestra.storage.redis.CacheKeys;
import java.util.Optional;

/**
 * One of our cache key names taken apart: {@code history:{user}}, {@code history:{user}:{session}} or
 * {@code session:{user}:{session}} under the prefix. Users with {@code ':'} are never cached by us, so the first
 * {@code ':'} after the user ends it.
 */
record CacheKeyName(String key, Kind kind, String userId, String sessionId) {

    enum Kind {
        /** A list of items ({@code history:*}). */
        HISTORY,
        /** A hash holding one session record ({@code session:*}). */
        SESSION
    }

    static Optional<CacheKeyName> parse(CacheKeys keys, String key) {
        if (key.startsWith(keys.allHistoryPrefix())) {
            String rest = key.substring(keys.allHistoryPrefix().length());
            int colon = rest.indexOf(':');
            if (rest.isEmpty() || colon == 0) {
                return Optional.empty();
            }
            return Optional.of(colon < 0 ? new CacheKeyName(key, Kind.HISTORY, rest, null)
                    : new CacheKeyName(key, Kind.HISTORY, rest.substring(0, colon), rest.substring(colon + 1)));
        }
        if (key.startsWith(keys.allSessionPrefix())) {
            String rest = key.substring(keys.allSessionPrefix().length());
            int colon = rest.indexOf(':');
            if (colon <= 0 || colon == rest.length() - 1) {
                return Optional.empty();
            }
            return Optional.of(new CacheKeyName(key, Kind.SESSION, rest.substring(0, colon),
                    rest.substring(colon + 1)));
        }
        return Optional.empty();
    }
}
