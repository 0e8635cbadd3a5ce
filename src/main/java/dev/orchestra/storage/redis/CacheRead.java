package dev.orchestra.storage.redis;

/**
 * What a cache read found.
 *
 * @param value the decoded value when {@link Outcome#HIT}, else null
 */
public record CacheRead<T>(Outcome outcome, T value) {

    public enum Outcome {
        /** Our JSON, decoded. */
        HIT,
        /** Nothing under the key: the caller may fill it. */
        MISS,
        /** A value that is not our JSON (e.g. another service's pickle): a miss that must not be overwritten. */
        FOREIGN,
        /** Redis was not asked: believed down, or an invalidation of this key is still pending. Do not fill. */
        BYPASSED
    }

    public static <T> CacheRead<T> hit(T value) {
        return new CacheRead<>(Outcome.HIT, value);
    }

    public static <T> CacheRead<T> miss() {
        return new CacheRead<>(Outcome.MISS, null);
    }

    public static <T> CacheRead<T> foreign() {
        return new CacheRead<>(Outcome.FOREIGN, null);
    }

    public static <T> CacheRead<T> bypassed() {
        return new CacheRead<>(Outcome.BYPASSED, null);
    }

    public boolean isHit() {
        return outcome == Outcome.HIT;
    }

    /** Only an empty key may be filled: never over a foreign value, never while an invalidation is pending. */
    public boolean mayFill() {
        return outcome == Outcome.MISS;
    }
}
