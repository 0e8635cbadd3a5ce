package dev.orchestra.storage.coherence;

/**
 * One cache key checked against the source of truth.
 *
 * @param key        the Redis key
 * @param keyKind    {@code history} (a list of items), {@code session} (a session record) or {@code other}
 * @param coherence  its class
 * @param redisType  {@code list}, {@code hash}, {@code string}, … ({@code none} when absent)
 * @param ttlMillis  remaining time to live; -1 never expires, -2 absent
 * @param userId     the user its name says, null for a name that is not ours
 * @param sessionId  the session its name says, null for a user's whole history
 * @param diff       what differs (stale keys), else {@link ItemDiff#NONE}
 * @param detail     one line for people: "12 items, as in MongoDB", "not our format (string, 31 bytes)", …
 */
public record CacheFinding(String key, String keyKind, CoherenceClass coherence, String redisType, long ttlMillis,
                           String userId, String sessionId, ItemDiff diff, String detail) {
}
