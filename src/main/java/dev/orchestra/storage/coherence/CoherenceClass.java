package dev.orchestra.storage.coherence;

import java.util.Locale;

/** How one cache key compares with what the source of truth holds now. */
public enum CoherenceClass {
    /** Equal to what the tiered manager would load now. */
    FRESH,
    /** Differs from it: items missing, extra or changed (see {@link ItemDiff}). */
    STALE,
    /** The source of truth has nothing for it (no items, no session record). */
    ORPHAN,
    /** Under our key names but not in our format (e.g. a Python pickle): never decoded, never repaired. */
    FOREIGN,
    /** Fresh, but its time to live is below the threshold ({@link CoherenceLimits#expiringBelow()}). */
    EXPIRING,
    /** The key does not exist (it expired or was deleted meanwhile). */
    ABSENT,
    /** The name is not one of our cache keys ({@code history:*}, {@code session:*} under the prefix). */
    NOT_OURS;

    /** Lower case, for tables and JSON. */
    public String label() {
        return this == NOT_OURS ? "not a cache key" : name().toLowerCase(Locale.ROOT);
    }

    /** A repair deletes it, so that the next read loads the source of truth. */
    public boolean repairable() {
        return this == STALE || this == ORPHAN;
    }
}
