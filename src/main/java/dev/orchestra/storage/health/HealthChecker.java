package dev.orchestra.storage.health;

import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.config.Redactor;
import dev.orchestra.storage.model.ComponentHealth;
import dev.orchestra.storage.model.HealthProbe;
import dev.orchestra.storage.model.HealthStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Builds {@link HealthReport}s from the store's {@link MemoryManager#healthProbes() probes}, each on its own thread
 * with its own hard deadline: a server that accepts connections but never answers makes its own components say
 * {@code error} after {@code timeout}, never another's (a hung MongoDB leaves Redis green), and never hangs the
 * caller. A probe still running from an earlier call is awaited again instead of piling up new threads.
 */
public final class HealthChecker implements AutoCloseable {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    private final MemoryManager manager;
    private final String environment;
    private final String version;
    private final Duration timeout;
    private final List<HealthProbe> probes;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "health-check");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, CompletableFuture<List<ComponentHealth>>> running = new ConcurrentHashMap<>();
    private final Map<String, List<ComponentHealth>> lastCompleted = new ConcurrentHashMap<>();

    public HealthChecker(MemoryManager manager, String environment, String version, Duration timeout) {
        this.manager = manager;
        this.environment = environment;
        this.version = version;
        this.timeout = timeout;
        this.probes = List.copyOf(manager.healthProbes());
    }

    public HealthChecker(MemoryManager manager, String environment, String version) {
        this(manager, environment, version, DEFAULT_TIMEOUT);
    }

    /** Checks now; returns within about {@code timeout}. */
    public HealthReport check() {
        return HealthReport.of(checkComponents(), environment, version);
    }

    /**
     * Each component's health now, within about {@code timeout}: the components of a probe that did not answer in
     * time are in error ("no answer within …"); the other probes' answers are kept as they are.
     */
    public List<ComponentHealth> checkComponents() {
        List<CompletableFuture<List<ComponentHealth>>> started = probes.stream().map(this::start).toList();
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ComponentHealth> components = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            components.addAll(await(probes.get(i), started.get(i), deadline));
        }
        return components;
    }

    private List<ComponentHealth> await(HealthProbe probe, CompletableFuture<List<ComponentHealth>> check,
                                        long deadline) {
        try {
            List<ComponentHealth> answer = check.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            lastCompleted.put(probe.name(), List.copyOf(answer));
            return answer;
        } catch (TimeoutException e) {
            return failed(probe, "no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            return failed(probe, Redactor.PATTERNS_ONLY.redact(String.valueOf(e.getCause())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(probe, "interrupted");
        }
    }

    /** Whether this checker checks {@code candidate}. */
    public boolean checks(MemoryManager candidate) {
        return manager == candidate;
    }

    private CompletableFuture<List<ComponentHealth>> start(HealthProbe probe) {
        return running.compute(probe.name(), (name, current) -> current == null || current.isDone()
                ? CompletableFuture.supplyAsync(probe.check(), executor) : current);
    }

    /** The probe's components known from its last answer are in error; disabled ones stay disabled. */
    private List<ComponentHealth> failed(HealthProbe probe, String why) {
        List<ComponentHealth> known = lastCompleted.getOrDefault(probe.name(), List.of());
        if (known.isEmpty()) {
            return List.of(error(probe.name(), why));
        }
        return known.stream().map(c -> c.status() == HealthStatus.DISABLED ? c : error(c.name(), why)).toList();
    }

    private static ComponentHealth error(String name, String why) {
        return new ComponentHealth(name, HealthStatus.ERROR, -1, Map.of(), why, Instant.now());
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
