package dev.orchestra.inspector.status;

import dev.orchestra.inspector.common.AsyncCommand;
import dev.orchestra.inspector.common.BackgroundRunner;
import dev.orchestra.inspector.common.ScheduledCommand;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.model.ComponentHealth;
import dev.orchestra.storage.health.HealthChecker;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The app's one health poll: every period it checks the store and hands the report to the listener (the status
 * bar and the health history) on the UI thread. The checks run on a runner of their own (a single-thread lane), so
 * busy or hung data loads never delay them; a check still running when the next tick comes is not doubled. Checks
 * go through {@link HealthChecker}, so a server that accepts connections but never answers is reported as down
 * after {@link HealthChecker#DEFAULT_TIMEOUT}, not after the (longer) operation timeout.
 */
public final class HealthPoll implements AutoCloseable {
    /** How often the store's health is checked while it is open. */
    public static final Duration PERIOD = Duration.ofSeconds(2);

    private final Supplier<MemoryManager> manager;
    private final AsyncCommand<List<ComponentHealth>> check;
    private final ScheduledCommand schedule;
    private final Consumer<List<ComponentHealth>> onReport;
    private final Consumer<Throwable> onFailure;
    private HealthChecker checker; // for the current manager; used on the UI thread only

    /**
     * @param lane      the runner the checks run on: one that data loads do not use
     * @param manager   the open store, or null while none is open (read on the UI thread)
     */
    public HealthPoll(BackgroundRunner lane, Supplier<MemoryManager> manager, Duration period,
                      Consumer<List<ComponentHealth>> onReport, Consumer<Throwable> onFailure) {
        this.manager = manager;
        this.onReport = onReport;
        this.onFailure = onFailure;
        this.check = new AsyncCommand<>(lane, "Checking the store's health");
        this.schedule = new ScheduledCommand(lane, "health-poll", period, this::checkOnce);
    }

    /** Checks now and then every period (a new store, or the same one reconnected). */
    public void restart() {
        check.cancel();
        schedule.start(Duration.ZERO);
    }

    /** No more checks until {@link #restart()}; a running check's result is dropped. */
    public void stop() {
        schedule.stop();
        check.cancel();
    }

    /** One check, unless the previous one is still waiting for an answer. */
    void checkOnce() {
        if (check.isRunning()) {
            return;
        }
        HealthChecker current = checkerFor(manager.get());
        check.execute(() -> {
            if (current == null) {
                throw new IllegalStateException("The store is not open");
            }
            return current.checkComponents();
        }, onReport, onFailure);
    }

    private HealthChecker checkerFor(MemoryManager m) {
        if (m == null) {
            return null;
        }
        if (checker == null || !checker.checks(m)) {
            if (checker != null) {
                checker.close();
            }
            checker = new HealthChecker(m, "", "", HealthChecker.DEFAULT_TIMEOUT);
        }
        return checker;
    }

    @Override
    public void close() {
        schedule.close();
        check.cancel();
        if (checker != null) {
            checker.close();
        }
    }
}
