package dev.orchestra.cli;

import dev.orchestra.storage.DocumentStore;
import dev.orchestra.storage.tiered.CacheInvalidations;
import java.util.List;

/**
 * Watches one write command for cache keys Redis did not delete. Such keys wait in the cache's invalidation
 * journal, which lives in this process only: so before exiting the command tries once more, and if Redis still does
 * not answer it says so plainly, names the keys, and the command ends with {@link ExitCodes#CACHE_NOT_CLEANED}.
 */
final class CacheCleanup {
    private static final int KEYS_SHOWN = 20;

    private final CacheInvalidations invalidations;
    private final long queuedBefore;

    private CacheCleanup(CacheInvalidations invalidations) {
        this.invalidations = invalidations;
        this.queuedBefore = invalidations.invalidationsQueued();
    }

    /** Call before the write. */
    static CacheCleanup watch(DocumentStore manager) {
        return new CacheCleanup(CacheInvalidations.of(manager));
    }

    /**
     * Call after the write.
     *
     * @return {@code exitCode}, or {@link ExitCodes#CACHE_NOT_CLEANED} instead of {@link ExitCodes#OK} when keys are
     *         still pending
     */
    int finish(CliContext context, int exitCode) {
        long queued = invalidations.invalidationsQueued() - queuedBefore;
        if (queued == 0 || invalidations.retryPendingInvalidations()) {
            return exitCode;
        }
        List<String> pending = invalidations.pendingInvalidations();
        String shown = String.join(" ", pending.subList(0, Math.min(KEYS_SHOWN, pending.size())))
                + (pending.size() > KEYS_SHOWN ? " ... (" + (pending.size() - KEYS_SHOWN) + " more)" : "");
        context.err().printf("CACHE NOT CLEANED: the write is done in MongoDB, but Redis did not delete %d cache "
                + "key(s) it affected, so Orchestra may serve the old values until they expire. Delete them when "
                + "Redis answers (redis-cli DEL, or SCAN for a trailing *): %s%n", queued, shown);
        context.err().flush();
        return exitCode == ExitCodes.OK ? ExitCodes.CACHE_NOT_CLEANED : exitCode;
    }
}
