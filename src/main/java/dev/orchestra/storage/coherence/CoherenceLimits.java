package dev.orchestra.storage.coherence;

import java.time.Duration;

/**
 * What bounds one check.
 *
 * @param sampleSize    at most this many keys are checked (a sample of the keyspace; a session has 3 keys)
 * @param timeLimit     the check stops, with what it has, after this long
 * @param expiringBelow a fresh key with less time to live than this is {@link CoherenceClass#EXPIRING}
 * @param scanCount     the {@code COUNT} of each {@code SCAN} step
 * @param batchSize     keys read in one pipeline (one round trip per master)
 * @param freshKept     fresh findings kept in the report beyond their count (the others are all kept)
 */
public record CoherenceLimits(int sampleSize, Duration timeLimit, Duration expiringBelow, int scanCount,
                              int batchSize, int freshKept) {
    public static final int MAX_SAMPLE = 1_000_000;
    public static final CoherenceLimits DEFAULT = new CoherenceLimits(1000, Duration.ofSeconds(30),
            Duration.ofSeconds(60), 500, 200, 1000);

    public CoherenceLimits {
        if (sampleSize < 1 || sampleSize > MAX_SAMPLE) {
            throw new IllegalArgumentException("the sample size must be between 1 and " + MAX_SAMPLE
                    + ", was " + sampleSize);
        }
        if (timeLimit.isNegative() || timeLimit.isZero() || scanCount < 1 || batchSize < 1 || freshKept < 0) {
            throw new IllegalArgumentException("time limit, SCAN count and batch size must be positive");
        }
    }

    public CoherenceLimits withSampleSize(int size) {
        return new CoherenceLimits(size, timeLimit, expiringBelow, scanCount, batchSize, freshKept);
    }

    public CoherenceLimits withTimeLimit(Duration limit) {
        return new CoherenceLimits(sampleSize, limit, expiringBelow, scanCount, batchSize, freshKept);
    }

    public CoherenceLimits withExpiringBelow(Duration threshold) {
        return new CoherenceLimits(sampleSize, timeLimit, threshold, scanCount, batchSize, freshKept);
    }
}
