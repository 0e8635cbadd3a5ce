package dev.orchestra.storage.factory;

import dev.orchestra.storage.ForwardingMemoryManager;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.config.NetworkRoute;
import dev.orchestra.storage.config.Redactor;
import dev.orchestra.storage.model.ComponentHealth;
import dev.orchestra.storage.model.HealthProbe;
import dev.orchestra.storage.model.HealthStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A store whose servers are reached through a {@link NetworkRoute} that can go down (an SSH tunnel). While it is
 * down, every component's health says so with the route's reason, instead of a socket error per component, and each
 * health check (at most one every {@link #RECONNECT_INTERVAL}) tries to re-open it: the app's health poll, which
 * already runs every few seconds, is what brings a dropped tunnel back.
 */
final class RoutedMemoryManager extends ForwardingMemoryManager {
    static final Duration RECONNECT_INTERVAL = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(RoutedMemoryManager.class);

    private final NetworkRoute route;
    private final Duration reconnectInterval;
    private final ReentrantLock reconnecting = new ReentrantLock();
    private volatile long nextReconnectAt = System.nanoTime();

    RoutedMemoryManager(MemoryManager delegate, NetworkRoute route) {
        this(delegate, route, RECONNECT_INTERVAL);
    }

    RoutedMemoryManager(MemoryManager delegate, NetworkRoute route, Duration reconnectInterval) {
        super(delegate);
        this.route = route;
        this.reconnectInterval = reconnectInterval;
    }

    @Override
    public List<ComponentHealth> checkHealth() {
        Optional<String> down = reconnectIfDown();
        if (down.isPresent()) {
            return delegate.healthProbes().stream().map(probe -> routeDown(probe.name(), down.get())).toList();
        }
        return delegate.checkHealth();
    }

    /** The delegate's probes, each answering "route down" at once while it is. */
    @Override
    public List<HealthProbe> healthProbes() {
        return delegate.healthProbes().stream().map(probe -> new HealthProbe(probe.name(), () -> {
            Optional<String> down = reconnectIfDown();
            return down.isPresent() ? List.of(routeDown(probe.name(), down.get())) : probe.check().get();
        })).toList();
    }

    @Override
    public Map<String, Object> serverStatistics() {
        Optional<String> down = route.unavailableReason();
        if (down.isEmpty()) {
            return delegate.serverStatistics();
        }
        Map<String, Object> statistics = new LinkedHashMap<>();
        delegate.healthProbes().forEach(probe -> statistics.put(probe.name(), Map.of("error", down.get())));
        return statistics;
    }

    /** The route's reason when it is still down after one attempt to re-open it (not more often than allowed). */
    private Optional<String> reconnectIfDown() {
        if (route.unavailableReason().isEmpty()) {
            return Optional.empty();
        }
        if (System.nanoTime() - nextReconnectAt >= 0 && reconnecting.tryLock()) {
            try {
                nextReconnectAt = System.nanoTime() + reconnectInterval.toNanos();
                route.reconnect();
            } catch (RuntimeException e) {
                log.debug("{} is still down: {}", route, Redactor.PATTERNS_ONLY.redact(e.getMessage()));
            } finally {
                reconnecting.unlock();
            }
        }
        return route.unavailableReason();
    }

    /** The route's own description (where it goes, never a secret) as the detail. */
    private ComponentHealth routeDown(String component, String reason) {
        return new ComponentHealth(component, HealthStatus.ERROR, -1, Map.of("route", route.toString()), reason,
                Instant.now());
    }
}
