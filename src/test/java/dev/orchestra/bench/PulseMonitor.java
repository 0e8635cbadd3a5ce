package dev.orchestra.bench;

import javafx.animation.AnimationTimer;

/**
 * Records the gap between consecutive FX pulses. A running AnimationTimer makes the toolkit pulse every frame
 * (~16.7 ms at 60 Hz), so a gap longer than that is time the FX thread could not start a pulse: a stall.
 * Start, stop and reset on the FX thread; read after {@link #stop()}.
 */
final class PulseMonitor extends AnimationTimer {
    private Samples gaps = new Samples();
    private long last = -1;

    @Override
    public void handle(long now) {
        if (last >= 0) {
            gaps.add(now - last);
        }
        last = now;
    }

    @Override
    public void stop() {
        super.stop();
        last = -1;
    }

    /** The gaps recorded since the last call, and a fresh record from now on. */
    Samples takeGaps() {
        Samples taken = gaps;
        gaps = new Samples();
        last = -1;
        return taken;
    }
}
