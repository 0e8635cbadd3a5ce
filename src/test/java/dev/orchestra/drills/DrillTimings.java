package dev.orchestra.drills;

import java.util.ArrayList;
import java.util.List;

/** How long each outage took to be noticed and to be recovered from, in milliseconds. */
final class DrillTimings {
    final List<Long> redisDetect = new ArrayList<>();
    final List<Long> redisRecover = new ArrayList<>();
    long mongoDetect = -1;
    long mongoRecover = -1;

    void redisDetected(long nanos) {
        redisDetect.add(nanos / 1_000_000);
    }

    void redisRecovered(long nanos) {
        redisRecover.add(nanos / 1_000_000);
    }

    void mongoDetected(long nanos) {
        mongoDetect = nanos / 1_000_000;
    }

    void mongoRecovered(long nanos) {
        mongoRecover = nanos / 1_000_000;
    }

    static long max(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElse(-1);
    }
}
