package dev.orchestra.storage.tiered;

import dev.orchestra.storage.MemoryManager;
import java.util.List;

/**
 * Whether the cache keys a write affected were really deleted. Implemented by {@link TieredMemoryManager} and by
 * wrappers that let it through (the write gate); {@link #of} finds it behind any {@link ForwardingMemoryManager}.
 * A writer takes {@link #invalidationsQueued()} before and after its write: a difference means Redis did not delete
 * some keys, which wait in the cache's invalidation journal (and are bypassed on reads) until Redis answers.
 */
public interface CacheInvalidations {

    /** Nothing cached, nothing ever pending. */
    CacheInvalidations NONE = new CacheInvalidations() {
        @Override
        public long invalidationsQueued() {
            return 0;
        }

        @Override
        public List<String> pendingInvalidations() {
            return List.of();
        }

        @Override
        public boolean retryPendingInvalidations() {
            return true;
        }
    };

    /** How many keys (or key prefixes) have been queued so far because Redis did not delete them; only grows. */
    long invalidationsQueued();

    /** The keys still to delete in Redis, prefixes shown as {@code prefix*}. */
    List<String> pendingInvalidations();

    /** Tries to delete the pending keys now; true when none are left. */
    boolean retryPendingInvalidations();

    /** Asks {@code manager} or the manager it wraps; {@link #NONE} when there is no cache behind it. */
    static CacheInvalidations of(MemoryManager manager) {
        if (manager instanceof CacheInvalidations invalidations) {
            return invalidations;
        }
        if (manager instanceof ForwardingMemoryManager forwarding) {
            return of(forwarding.delegate());
        }
        return NONE;
    }
}
