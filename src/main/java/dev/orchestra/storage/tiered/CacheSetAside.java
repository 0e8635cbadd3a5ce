package dev.orchestra.storage.tiered;

import dev.orchestra.storage.ForwardingMemoryManager;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.model.ComponentHealth;
import dev.orchestra.storage.model.HealthProbe;
import dev.orchestra.storage.model.HealthStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Another database of the tiered store's MongoDB, read and written without its cache: Orchestra's Redis keys do
 * not name the database, so a cache filled from the configured database must never answer for this one, and a
 * write here must not delete keys that describe the configured one. Health reports Redis as not used, and why.
 */
final class CacheSetAside extends ForwardingMemoryManager {
    private final String database;
    private final String reason;

    CacheSetAside(MemoryManager otherDatabase, String database, String cachedDatabase) {
        super(otherDatabase);
        this.database = database;
        this.reason = "not used for database " + database + " (the cache holds " + cachedDatabase + ")";
    }

    @Override
    public List<ComponentHealth> checkHealth() {
        List<ComponentHealth> components = new ArrayList<>(delegate.checkHealth());
        components.add(notUsed());
        return components;
    }

    /** MongoDB probed as the delegate is; Redis answers at once that it is set aside. */
    @Override
    public List<HealthProbe> healthProbes() {
        List<HealthProbe> probes = new ArrayList<>(delegate.healthProbes());
        probes.add(new HealthProbe(ComponentHealth.REDIS, () -> List.of(notUsed())));
        return probes;
    }

    private ComponentHealth notUsed() {
        return new ComponentHealth(ComponentHealth.REDIS, HealthStatus.DISABLED, -1,
                Map.of("reason", reason, ComponentHealth.NOT_USED_FOR_DATABASE, database), null, Instant.now());
    }
}
