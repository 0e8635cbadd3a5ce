package dev.orchestra.storage.redis;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ScanParams;

/**
 * The cache's deletions: now when the key's master answers, else in the {@link InvalidationJournal} until it does;
 * and the fill epochs that let a fill which raced with a deletion undo itself.
 */
final class Invalidations {
    private static final int MAX_SCAN_STEPS = 200;
    private static final int EPOCH_STRIPES = 64;

    private final CacheGuard guard;
    private final KeyDeletion deletion;
    private final InvalidationJournal journal;
    private final long retryNanos;
    private final AtomicLongArray epochs = new AtomicLongArray(EPOCH_STRIPES);
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicLong queued = new AtomicLong();
    private volatile long nextDrainAt = System.nanoTime();

    Invalidations(CacheGuard guard, InvalidationJournal journal, long retryNanos) {
        this.guard = guard;
        this.deletion = new KeyDeletion(guard);
        this.journal = journal;
        this.retryNanos = retryNanos;
    }

    long queued() {
        return queued.get();
    }

    FillTicket startFill(String key) {
        return new FillTicket(key, epochs.get(stripe(key)));
    }

    boolean invalidatedSince(FillTicket ticket) {
        return epochs.get(stripe(ticket.key())) != ticket.epoch();
    }

    void invalidate(Collection<String> keysToDelete) {
        if (keysToDelete.isEmpty()) {
            return;
        }
        keysToDelete.forEach(key -> epochs.incrementAndGet(stripe(key)));
        List<String> notDeleted = deletion.delete(keysToDelete);
        notDeleted.forEach(journal::addKey);
        queued.addAndGet(notDeleted.size());
    }

    void invalidateStartingWith(String literalPrefix) {
        for (int i = 0; i < EPOCH_STRIPES; i++) {
            epochs.incrementAndGet(i);
        }
        if (!guard.isOpened() || !guard.readyAll()) {
            journal.addPrefix(literalPrefix);
            queued.incrementAndGet();
            return;
        }
        String cursor = ScanParams.SCAN_POINTER_START;
        try {
            int steps = 0;
            do {
                cursor = deletion.deleteStep(literalPrefix, cursor);
                steps++;
            } while (!ScanParams.SCAN_POINTER_START.equals(cursor) && steps < MAX_SCAN_STEPS);
        } catch (JedisException e) {
            // the guard knows which master failed; the journal continues from the last step that succeeded
        }
        if (!ScanParams.SCAN_POINTER_START.equals(cursor)) {
            journal.continuePrefix(literalPrefix, cursor);
            queued.incrementAndGet();
        }
    }

    /** Remembers that every key starting with {@code literalPrefix} must go before any of them is read again. */
    void journalPrefix(String literalPrefix) {
        for (int i = 0; i < EPOCH_STRIPES; i++) {
            epochs.incrementAndGet(i);
        }
        journal.addPrefix(literalPrefix);
        queued.incrementAndGet();
    }

    /** Remembers a key a failed fill may have created after a deletion of it. */
    void journalKey(String key) {
        journal.addKey(key);
    }

    /** Deletes pending invalidations (one drainer at a time, at most once per retry interval unless forced). */
    void drainIfDue(boolean force) {
        if (journal.isEmpty() || !force && System.nanoTime() - nextDrainAt < 0 || !draining.compareAndSet(false, true)) {
            return;
        }
        try {
            nextDrainAt = System.nanoTime() + retryNanos;
            journal.drain(new InvalidationJournal.KeyDeleter() {
                @Override
                public boolean delete(String key) {
                    return deletion.delete(List.of(key)).isEmpty();
                }

                @Override
                public String deleteStartingWith(String literalPrefix, String cursor) {
                    if (!guard.readyAll()) {
                        return null;
                    }
                    try {
                        return deletion.deleteStep(literalPrefix, cursor);
                    } catch (JedisException e) {
                        return null;
                    }
                }
            }, MAX_SCAN_STEPS);
        } finally {
            draining.set(false);
        }
    }

    private static int stripe(String key) {
        return Math.floorMod(key.hashCode(), EPOCH_STRIPES);
    }
}
