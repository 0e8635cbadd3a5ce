package dev.orchestra.storage;

import dev.orchestra.storage.model.ComponentHealth;
import dev.orchestra.storage.model.HealthProbe;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every store offers whatever its role: starting, health, statistics, closing, and the one way to ask for an
 * optional capability. Implementations are thread-safe.
 */
public interface StoreLifecycle extends AutoCloseable {

    /** Connects and creates indexes idempotently. Safe to call more than once. */
    void initialize();

    /** The backends this store uses, checked now with a short timeout; never hangs, never throws. */
    List<ComponentHealth> checkHealth();

    /**
     * {@link #checkHealth()} split into parts that can be checked independently (each may hang on its own server);
     * by default one part.
     */
    default List<HealthProbe> healthProbes() {
        return List.of(new HealthProbe(ComponentHealth.MONGODB, this::checkHealth));
    }

    /**
     * Heavier server facts for a monitoring view, keyed by component ({@code storage_mongodb}: serverStatus
     * connections and opcounters; {@code storage_redis}: INFO memory, clients, keyspace hits; {@code cache}: this
     * process's hit/miss counts). Values are strings, numbers or nested maps; never secrets. Never throws: a failed
     * component maps to {@code {"error": message}}.
     */
    default Map<String, Object> serverStatistics() {
        return Map.of();
    }

    /**
     * An optional capability of this store, or of the store a decorator wraps: e.g. {@link FullDocumentStreaming},
     * {@code IndexCatalog}, {@code RawDocumentAccess}, {@code CacheInspection}, {@code CacheInvalidations}.
     * Decorators answer for themselves first, then ask their delegate, and may refuse or guard what they pass on
     * (the read-only guard refuses the writes of what it passes while locked). By default this store when it is
     * one.
     */
    default <T> Optional<T> capability(Class<T> type) {
        return type.isInstance(this) ? Optional.of(type.cast(this)) : Optional.empty();
    }

    @Override
    void close();
}
