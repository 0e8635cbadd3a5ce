package dev.orchestra.bench;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javafx.animation.AnimationTimer;

/**
 * Records the gap between consecutive FX pulses. A running AnimationTimer makes the toolkit pulse every frame
 * (~16.7 ms at 60 Hz), so a gap longer than that is time the FX thread could not start a pulse: a stall.
 * Start, stop and reset on the FX thread; read after {@link #stop()}.
 *
 * <p>While it runs, a sampler thread looks at the FX thread every {@value #SAMPLE_MILLIS} ms; when no pulse has
 * started for more than {@value #LONG_PULSE_MILLIS} ms it records what the FX thread is doing (the innermost frame
 * of the app, else of JavaFX, else the top frame), so a long pulse comes with the work that made it long.
 */
final class PulseMonitor extends AnimationTimer {
    static final long LONG_PULSE_MILLIS = 33;
    private static final long SAMPLE_MILLIS = 5;

    private volatile Samples gaps = new Samples();
    private volatile long last = -1;
    /** When the FX thread last ran this timer, by this JVM's clock: what the sampler compares with. */
    private volatile long seen = -1;
    private volatile Thread fxThread;
    private volatile Thread sampler;
    private final Map<String, AtomicLong> longPulseWork = new ConcurrentHashMap<>();

    @Override
    public void start() {
        super.start();
        Thread thread = new Thread(this::sample, "pulse-sampler");
        thread.setDaemon(true);
        sampler = thread;
        thread.start();
    }

    @Override
    public void handle(long now) {
        fxThread = Thread.currentThread();
        if (last >= 0) {
            gaps.add(now - last);
        }
        last = now;
        seen = System.nanoTime();
    }

    @Override
    public void stop() {
        super.stop();
        last = -1;
        seen = -1;
        Thread thread = sampler;
        sampler = null;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** The gaps recorded since the last call, and a fresh record from now on. */
    Samples takeGaps() {
        Samples taken = gaps;
        gaps = new Samples();
        last = -1;
        return taken;
    }

    /** The work seen in long pulses since the last call, most often seen first, as "frame ×samples". */
    String takeLongPulseWork(int top) {
        String work = longPulseWork.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, AtomicLong> e) -> e.getValue().get()).reversed())
                .limit(top).map(e -> e.getKey() + " ×" + e.getValue().get()).collect(Collectors.joining(", "));
        longPulseWork.clear();
        return work.isEmpty() ? "none" : work;
    }

    private void sample() {
        while (sampler == Thread.currentThread()) {
            try {
                Thread.sleep(SAMPLE_MILLIS); // the sampling period, not synchronisation
            } catch (InterruptedException e) {
                return;
            }
            long started = seen;
            Thread fx = fxThread;
            if (started < 0 || fx == null || (System.nanoTime() - started) / 1_000_000 < LONG_PULSE_MILLIS) {
                continue;
            }
            longPulseWork.computeIfAbsent(describe(fx.getStackTrace()), k -> new AtomicLong()).incrementAndGet();
        }
    }

    private static String describe(StackTraceElement[] stack) {
        StackTraceElement fallback = null;
        for (StackTraceElement frame : stack) {
            String cls = frame.getClassName();
            if (cls.startsWith("dev.orchestra.") && !cls.startsWith("dev.orchestra.bench.")) {
                return frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1) + "."
                        + frame.getMethodName();
            }
            if (fallback == null && (cls.startsWith("javafx.") || cls.startsWith("com.sun.javafx."))) {
                fallback = frame;
            }
        }
        StackTraceElement frame = fallback != null ? fallback : stack.length > 0 ? stack[0] : null;
        return frame == null ? "(no stack)"
                : frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1) + "." + frame.getMethodName();
    }
}
