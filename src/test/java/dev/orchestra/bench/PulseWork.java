package dev.orchestra.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import javafx.scene.Scene;

/**
 * The work behind a window's pulses, which unlike the pulse gaps hardly depends on the machine's load: the CPU time
 * of the FX thread and of the renderer thread (Prism's {@code QuantumRenderer}, which paints every frame in the
 * software pipeline), and the time each pulse spends in the scene's CSS and layout passes (between the scene's
 * pre- and post-layout pulse listeners: where new cells are built and styled). Create and read on the FX thread.
 */
final class PulseWork {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** What one phase cost; CPU figures are -1 where the JVM does not measure thread CPU time. */
    record Summary(double fxCpuMs, double rendererCpuMs, double layoutTotalMs, double layoutMaxMs,
                   int layoutPulsesOver8Ms) {
        String describe() {
            return String.format("FX thread CPU %.0f ms, renderer CPU %.0f ms; CSS + layout passes %.0f ms in all, "
                    + "longest %.1f ms, %d over 8 ms", fxCpuMs, rendererCpuMs, layoutTotalMs, layoutMaxMs,
                    layoutPulsesOver8Ms);
        }
    }

    private final long fxThreadId = Thread.currentThread().getId();
    private long fxCpuStart;
    private long rendererCpuStart;
    private long layoutStarted = -1;
    private long layoutTotal;
    private long layoutMax;
    private int layoutOver8;

    private PulseWork() {
    }

    /** Starts watching {@code scene}'s pulses; call on the FX thread, then {@link #reset()} at a phase's start. */
    static PulseWork watch(Scene scene) {
        PulseWork work = new PulseWork();
        scene.addPreLayoutPulseListener(() -> work.layoutStarted = System.nanoTime());
        scene.addPostLayoutPulseListener(work::layoutEnded);
        work.reset();
        return work;
    }

    private void layoutEnded() {
        if (layoutStarted < 0) {
            return;
        }
        long took = System.nanoTime() - layoutStarted;
        layoutStarted = -1;
        layoutTotal += took;
        layoutMax = Math.max(layoutMax, took);
        if (took > 8_000_000) {
            layoutOver8++;
        }
    }

    /** From now on. */
    void reset() {
        fxCpuStart = cpu(fxThreadId);
        rendererCpuStart = cpu(rendererThreadId());
        layoutTotal = 0;
        layoutMax = 0;
        layoutOver8 = 0;
    }

    /** The work since the last reset, and a reset. */
    Summary take() {
        long fx = cpu(fxThreadId);
        long renderer = cpu(rendererThreadId());
        Summary summary = new Summary(delta(fx, fxCpuStart), delta(renderer, rendererCpuStart), layoutTotal / 1e6,
                layoutMax / 1e6, layoutOver8);
        reset();
        return summary;
    }

    private static double delta(long now, long start) {
        return now < 0 || start < 0 ? -1 : (now - start) / 1e6;
    }

    private static long cpu(long threadId) {
        return threadId < 0 || !THREADS.isThreadCpuTimeSupported() ? -1 : THREADS.getThreadCpuTime(threadId);
    }

    private static long rendererThreadId() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("QuantumRenderer"))
                .mapToLong(Thread::getId).findFirst().orElse(-1);
    }
}
