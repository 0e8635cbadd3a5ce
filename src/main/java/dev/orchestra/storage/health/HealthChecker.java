package dev.orchestra.storage.health;

import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.config.Secrets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Builds {@link HealthReport}s from {@link MemoryManager#checkHealth()}, bounded by a hard timeout: a server that
 * accepts connections but never answers makes the report say {@code error} after {@code timeout}, it never hangs
 * the caller. A check still running from an earlier call is awaited again instead of piling up new threads.
 */
public final class HealthChecker implements AutoCloseable {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    private final MemoryManager manager;
    private final String environment;
    private final String version;
    private final Duration timeout;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "health-check");
        thread.setDaemon(true);
        return thread;
    });
    private CompletableFuture<List<ComponentHealth>> running;
    private List<ComponentHealth> lastCompleted = List.of();

    public HealthChecker(MemoryManager manager, String environment, String version, Duration timeout) {
        this.manager = manager;
        this.environment = environment;
        this.version = version;
        this.timeout = timeout;
    }

    public HealthChecker(MemoryManager manager, String environment, String version) {
        this(manager, environment, version, DEFAULT_TIMEOUT);
    }

    /** Checks now; returns within about {@code timeout}. */
    public HealthReport check() {
        return HealthReport.of(checkComponents(), environment, version);
    }

    /**
     * Each component's health now, within about {@code timeout}: when no answer comes in time, every component
     * known from the last answer is in error ("no answer within …").
     */
    public List<ComponentHealth> checkComponents() {
        CompletableFuture<List<ComponentHealth>> check = start();
        try {
            List<ComponentHealth> components = check.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            remember(components);
            return components;
        } catch (TimeoutException e) {
            return timedOut();
        } catch (ExecutionException e) {
            return failed(Secrets.redact(String.valueOf(e.getCause())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("interrupted");
        }
    }

    /** Whether this checker checks {@code candidate}. */
    public boolean checks(MemoryManager candidate) {
        return manager == candidate;
    }

    private synchronized CompletableFuture<List<ComponentHealth>> start() {
        if (running == null || running.isDone()) {
            running = CompletableFuture.supplyAsync(manager::checkHealth, executor);
        }
        return running;
    }

    private synchronized void remember(List<ComponentHealth> components) {
        lastCompleted = List.copyOf(components);
    }

    /** Every component known from the last answer (MongoDB at least) is in error; disabled ones stay disabled. */
    private List<ComponentHealth> timedOut() {
        return failed("no answer within " + timeout.toMillis() + " ms");
    }

    private synchronized List<ComponentHealth> failed(String why) {
        if (lastCompleted.isEmpty()) {
            return List.of(error(ComponentHealth.MONGODB, why));
        }
        return lastCompleted.stream()
                .map(c -> c.status() == HealthStatus.DISABLED ? c : error(c.name(), why))
                .toList();
    }

    private static ComponentHealth error(String name, String why) {
        return new ComponentHealth(name, HealthStatus.ERROR, -1, Map.of(), why, Instant.now());
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
