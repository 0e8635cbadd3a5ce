package dev.orchestra.storage.coherence;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one check.
 *
 * @param counts          keys per class (exact)
 * @param findings        every non-fresh finding, and fresh ones up to {@link CoherenceLimits#freshKept()}
 * @param checked         keys checked
 * @param redisRoundTrips pipelines and SCAN steps sent (each pipeline is one round trip per master it touches)
 * @param sourceReads     reads of the source of truth (one per key of ours that exists)
 * @param elapsed         how long it took
 * @param stoppedEarly    why it stopped before the end ("sample size reached", "time limit", "cancelled"), or null
 */
public record CoherenceReport(String scope, Map<CoherenceClass, Integer> counts, List<CacheFinding> findings,
                              int checked, long redisRoundTrips, long sourceReads, Duration elapsed,
                              String stoppedEarly) {

    public CoherenceReport {
        counts = new EnumMap<>(counts);
        findings = List.copyOf(findings);
    }

    public int count(CoherenceClass coherence) {
        return counts.getOrDefault(coherence, 0);
    }

    /** Stale and orphan keys: the ones a repair deletes. */
    public int problems() {
        return count(CoherenceClass.STALE) + count(CoherenceClass.ORPHAN);
    }

    public List<CacheFinding> repairable() {
        return findings.stream().filter(f -> f.coherence().repairable()).toList();
    }

    /** "12 keys: 9 fresh, 1 stale, 1 orphan, 1 foreign, 0 expiring". */
    public String summary() {
        return checked + " key" + (checked == 1 ? "" : "s") + ": " + count(CoherenceClass.FRESH) + " fresh, "
                + count(CoherenceClass.STALE) + " stale, " + count(CoherenceClass.ORPHAN) + " orphan, "
                + count(CoherenceClass.FOREIGN) + " foreign, " + count(CoherenceClass.EXPIRING) + " expiring"
                + (stoppedEarly == null ? "" : " (stopped: " + stoppedEarly + ")");
    }
}
