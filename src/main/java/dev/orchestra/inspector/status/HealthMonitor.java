package dev.orchestra.inspector.status;

import dev.orchestra.storage.MemoryManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.concurrent.ScheduledService;
import javafx.concurrent.Task;
import dev.orchestra.storage.model.ComponentHealth;
import dev.orchestra.storage.health.HealthChecker;

/**
 * Polls the store's health every period on its own thread (so busy or hung data loads never delay it) and hands
 * each report to the listener on the FX thread. Checks go through {@link HealthChecker}, so a server that accepts
 * connections but never answers is reported as down after {@link HealthChecker#DEFAULT_TIMEOUT}, not after the
 * (longer) operation timeout.
 */
public final class HealthMonitor extends ScheduledService<List<ComponentHealth>> implements AutoCloseable {
    public static final Duration PERIOD = Duration.ofSeconds(2);

    private final Supplier<MemoryManager> manager;
    private final ExecutorService executor;
    private volatile boolean closed;
    private HealthChecker checker; // for the current manager; used on the FX thread only

    public HealthMonitor(Supplier<MemoryManager> manager, Duration period, Consumer<List<ComponentHealth>> onReport,
                         Consumer<Throwable> onFailure) {
        this.manager = manager;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "health-monitor");
            t.setDaemon(true);
            return t;
        });
        setExecutor(executor);
        setPeriod(javafx.util.Duration.millis(period.toMillis()));
        setRestartOnFailure(true);
        setOnSucceeded(e -> onReport.accept(getValue()));
        setOnFailed(e -> onFailure.accept(getException()));
    }

    @Override
    protected Task<List<ComponentHealth>> createTask() {
        HealthChecker current = checkerFor(manager.get());
        return new Task<>() {
            @Override
            protected List<ComponentHealth> call() {
                if (current == null) {
                    throw new IllegalStateException("The store is not open");
                }
                return current.checkComponents();
            }
        };
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

    /** After {@link #close()} a late restart (e.g. from a store-state listener) must not reach the dead executor. */
    @Override
    protected void executeTask(Task<List<ComponentHealth>> task) {
        if (closed) {
            task.cancel();
            return;
        }
        super.executeTask(task);
    }

    @Override
    public void close() {
        closed = true;
        cancel();
        executor.shutdownNow();
        if (checker != null) {
            checker.close();
        }
    }
}
