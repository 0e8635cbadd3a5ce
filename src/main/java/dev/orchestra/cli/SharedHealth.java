package dev.orchestra.cli;

import dev.orchestra.storage.health.HealthReport;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One health report shared by every request within an interval: the first request after the interval computes it,
 * concurrent requests wait for that same computation instead of starting their own, so N requests cost one check.
 */
final class SharedHealth {
    private final Supplier<HealthReport> reports;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private HealthReport last;
    private long computedAt;

    SharedHealth(Supplier<HealthReport> reports, Duration interval, LongSupplier nanoClock) {
        this.reports = reports;
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
    }

    synchronized HealthReport get() {
        if (last == null || nanoClock.getAsLong() - computedAt >= intervalNanos) {
            last = reports.get();
            computedAt = nanoClock.getAsLong();
        }
        return last;
    }
}
