package dev.orchestra.inspector.common;

/** The words for a write whose Redis keys were not deleted (they wait in the cache's invalidation journal). */
public final class CacheWarnings {
    private CacheWarnings() {
    }

    /** Until Redis deletes the queued keys, Orchestra (another process) may still serve the old values. */
    public static String notCleaned(long cacheKeysQueued) {
        return "Cache not cleaned: " + cacheKeysQueued + " key(s) queued, deleted when Redis answers. "
                + "Until then Orchestra may serve the old values.";
    }
}
