package dev.orchestra.storage.redis;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Open after a Redis failure: calls skip Redis at once instead of paying a timeout each. Every
 * {@code retryInterval} one caller (never several at once) gets to probe; a successful probe closes it.
 */
final class CircuitBreaker {
    private final long retryNanos;
    private final LongSupplier nanoClock;
    private final AtomicBoolean probing = new AtomicBoolean();
    private volatile boolean open;
    private volatile long nextProbeAt;

    CircuitBreaker(Duration retryInterval) {
        this(retryInterval, System::nanoTime);
    }

    CircuitBreaker(Duration retryInterval, LongSupplier nanoClock) {
        this.retryNanos = retryInterval.toNanos();
        this.nanoClock = nanoClock;
    }

    boolean isOpen() {
        return open;
    }

    /** Opens (or keeps open) and schedules the next probe one interval from now. */
    void recordFailure() {
        nextProbeAt = nanoClock.getAsLong() + retryNanos;
        open = true;
    }

    /** True for exactly one caller once the interval has passed; that caller must call {@link #probeFinished}. */
    boolean tryStartProbe() {
        return open && nanoClock.getAsLong() - nextProbeAt >= 0 && probing.compareAndSet(false, true);
    }

    void probeFinished(boolean redisAnswered) {
        if (redisAnswered) {
            open = false;
        } else {
            recordFailure();
        }
        probing.set(false);
    }

    /** Closes after a successful call made outside a probe (e.g. a health check). */
    void recordSuccess() {
        open = false;
    }
}
