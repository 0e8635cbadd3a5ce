package dev.orchestra.drills;

/** The drill's outcome in one line, printed for the CI log and BENCHMARKS.md. */
record DrillReport(long attempted, long succeeded, long failedClearly, long unclear, long lost, long stale,
                   int redisCycles, int mongoCycles, DrillTimings timings) {
    String describe() {
        return "DRILL attempted=" + attempted + " succeeded=" + succeeded + " failedWithStorageException="
                + failedClearly + " unclearFailures=" + unclear + " lost=" + lost + " staleReadsAfterRecovery=" + stale
                + " redisOutages=" + redisCycles + " (detect ms " + timings.redisDetect + ", recover ms "
                + timings.redisRecover + ") mongoOutages=" + mongoCycles + " (detect " + timings.mongoDetect
                + " ms, recover " + timings.mongoRecover + " ms)";
    }
}
