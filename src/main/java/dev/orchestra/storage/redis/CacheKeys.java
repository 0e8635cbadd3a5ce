package dev.orchestra.storage.redis;

import java.util.List;
import java.util.Optional;

/**
 * Names of the cache keys, shared with Orchestra's own services, all under {@code REDIS_KEY_PREFIX}:
 * {@code history:{user_id}:{session_id}}, {@code history:{user_id}} (all sessions) and
 * {@code session:{user_id}:{session_id}}.
 *
 * <p>A user id containing {@code ':'} makes names ambiguous ({@code history:a:b} is user {@code a:b} and also
 * user {@code a}, session {@code b}), so such users are never <em>served</em> from the cache; their keys are still
 * deleted on writes, which can only over-invalidate.
 */
public final class CacheKeys {
    private final String prefix;

    public CacheKeys(String prefix) {
        this.prefix = prefix == null ? "" : prefix;
    }

    public String prefix() {
        return prefix;
    }

    /** Whether this user's keys name exactly one (user, session) pair. */
    public boolean isCacheable(String userId) {
        return userId != null && !userId.isEmpty() && userId.indexOf(':') < 0;
    }

    /** The history key to read for (user, session or null), empty when the user is not cacheable. */
    public Optional<String> historyForReading(String userId, String sessionId) {
        return isCacheable(userId) ? Optional.of(history(userId, sessionId)) : Optional.empty();
    }

    /** The session key to read, empty when the user is not cacheable or the session is null. */
    public Optional<String> sessionForReading(String userId, String sessionId) {
        return isCacheable(userId) && sessionId != null ? Optional.of(session(userId, sessionId)) : Optional.empty();
    }

    public String history(String userId, String sessionId) {
        return sessionId == null ? prefix + "history:" + userId : prefix + "history:" + userId + ":" + sessionId;
    }

    public String session(String userId, String sessionId) {
        return prefix + "session:" + userId + ":" + sessionId;
    }

    /** The history keys whose content includes an item of (user, session): the session's and the user's. */
    public List<String> historyKeysShowing(String userId, String sessionId) {
        if (userId == null) {
            return List.of();
        }
        return sessionId == null
                ? List.of(history(userId, null))
                : List.of(history(userId, sessionId), history(userId, null));
    }

    /** Literal start of every per-session history key of a user (the user's own key is {@link #history}). */
    public String userSessionHistoryPrefix(String userId) {
        return prefix + "history:" + userId + ":";
    }

    public String userSessionPrefix(String userId) {
        return prefix + "session:" + userId + ":";
    }

    public String allHistoryPrefix() {
        return prefix + "history:";
    }

    public String allSessionPrefix() {
        return prefix + "session:";
    }

    /** A SCAN MATCH pattern for every key starting with {@code literalPrefix} (glob characters escaped). */
    public static String globStartingWith(String literalPrefix) {
        StringBuilder glob = new StringBuilder(literalPrefix.length() + 8);
        for (char c : literalPrefix.toCharArray()) {
            if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
                glob.append('\\');
            }
            glob.append(c);
        }
        return glob.append('*').toString();
    }
}
