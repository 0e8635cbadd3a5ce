package dev.orchestra.bench;

import java.util.Arrays;
import java.util.function.Supplier;

/** Latency samples in nanoseconds; median and tail in milliseconds. */
final class Samples {
    private long[] nanos = new long[64];
    private int size;

    void add(long elapsedNanos) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = elapsedNanos;
    }

    /** Times {@code action} once and records it. */
    <T> T time(Supplier<T> action) {
        long started = System.nanoTime();
        T result = action.get();
        add(System.nanoTime() - started);
        return result;
    }

    int count() {
        return size;
    }

    double medianMs() {
        return percentileMs(50);
    }

    double percentileMs(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, index))] / 1e6;
    }
}
