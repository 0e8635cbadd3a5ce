package dev.orchestra.inspector.common;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Periodic work of a ViewModel (a poll, a clock): a timer thread owned by this command decides when, and each tick
 * reaches the UI thread only through {@link BackgroundRunner#runOnUiThread}; slow work in a tick goes through an
 * {@link AsyncCommand}. The timer thread never touches UI state, so the runner stays the one bridge to the UI
 * thread, and unit tests drive ticks with {@link #tickNow()} instead of waiting for the clock.
 *
 * <p>Start, stop and tick on the UI thread. A tick that arrives after {@link #stop()} is dropped.
 */
public final class ScheduledCommand implements AutoCloseable {
    private final BackgroundRunner runner;
    private final String name;
    private final Duration period;
    private final Runnable tick;
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private ScheduledExecutorService timer;
    private ScheduledFuture<?> schedule;
    private long generation;
    private boolean closed;

    /**
     * @param name   the timer thread's name (for thread dumps)
     * @param period time between ticks
     * @param tick   what each tick does, on the UI thread
     */
    public ScheduledCommand(BackgroundRunner runner, String name, Duration period, Runnable tick) {
        this.runner = runner;
        this.name = name;
        this.period = period;
        this.tick = tick;
    }

    /** Ticks every period, the first time after {@code initialDelay}; restarts the schedule if already running. */
    public void start(Duration initialDelay) {
        stop();
        if (closed) {
            return; // a late start, e.g. from a store-state listener during shutdown, must not revive the timer
        }
        long startedGeneration = ++generation;
        schedule = timer().scheduleAtFixedRate(() -> runner.runOnUiThread(() -> {
            if (generation == startedGeneration) {
                tick.run();
            }
        }), initialDelay.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        active.set(true);
    }

    /** Ticks every period, the first time one period from now. */
    public void start() {
        start(period);
    }

    /** No more ticks (one already posted to the UI thread is dropped); {@link #start} resumes. */
    public void stop() {
        generation++;
        if (schedule != null) {
            schedule.cancel(false);
            schedule = null;
        }
        active.set(false);
    }

    /** Runs one tick now, on the calling (UI) thread. */
    public void tickNow() {
        tick.run();
    }

    public Duration period() {
        return period;
    }

    /** Whether ticks are scheduled. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    private ScheduledExecutorService timer() {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            });
        }
        return timer;
    }

    /** Stops ticking for good and ends the timer thread. */
    @Override
    public void close() {
        closed = true;
        stop();
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
