package dev.orchestra.storage.tiered;

import dev.orchestra.storage.StoreLifecycle;
import java.util.List;

/**
 * Whether the cache keys a write affected were really deleted. Implemented by {@link TieredMemoryManager}; a
 * capability ({@link StoreLifecycle#capability}), so decorators in front of the cache let it through.
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

    /** Asks {@code store}'s capability; {@link #NONE} when there is no cache behind it. */
    static CacheInvalidations of(StoreLifecycle store) {
        return store.capability(CacheInvalidations.class).orElse(NONE);
    }
}
