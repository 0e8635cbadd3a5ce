package dev.orchestra.storage.safety;

/**
 * What deleting a session did; everything is in the trash under one {@code batchId}.
 *
 * @param itemsDeleted          its memory items
 * @param sessionRecordsDeleted its {@code user_sessions} record(s): 0 when it had none or the delete was cancelled
 *                              before reaching it
 * @param cacheKeysQueued       how many of its Redis keys (or key prefixes) Redis did not delete: they wait in the
 *                              cache's invalidation journal until Redis answers; 0 when the cache is clean
 */
public record SessionDeleteResult(String batchId, long itemsDeleted, long sessionRecordsDeleted, boolean cancelled,
                                  long cacheKeysQueued) {

    /** Whether every cache key the delete affected was deleted (or there is no cache). */
    public boolean cacheCleaned() {
        return cacheKeysQueued == 0;
    }

    public long totalDeleted() {
        return itemsDeleted + sessionRecordsDeleted;
    }

    public boolean undoable() {
        return totalDeleted() > 0;
    }
}
