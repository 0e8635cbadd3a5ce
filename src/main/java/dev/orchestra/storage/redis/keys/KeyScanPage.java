package dev.orchestra.storage.redis.keys;

import java.util.List;

/**
 * What one call of {@link RedisKeys#scan} found, and where the next call resumes.
 *
 * @param keys        the keys found (matching pattern and type), in SCAN order; SCAN may return a key twice
 *                    across calls, so a caller that accumulates keeps a set
 * @param next        where the next call continues ({@link KeyScanCursor#finished()} when every master is done)
 * @param scanned     keys visited so far on every master, estimated the way {@code redis-cli} and RedisInsight do:
 *                    {@code COUNT} per SCAN step, capped by the master's size; exact once finished
 * @param total       keys in the database now: {@code DBSIZE} of every master, summed
 * @param scanCalls   SCAN steps this call made
 */
public record KeyScanPage(List<KeyInfo> keys, KeyScanCursor next, long scanned, long total, int scanCalls) {
    public KeyScanPage {
        keys = List.copyOf(keys);
    }

    public boolean finished() {
        return next.finished();
    }
}
