package dev.orchestra.storage.factory;

import dev.orchestra.storage.ForwardingMemoryManager;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.model.ComponentHealth;
import dev.orchestra.storage.model.HealthProbe;
import java.util.ArrayList;
import java.util.List;

/** A store without the cache it should have had: its Redis health is DISABLED with the reason (for the tooltip). */
final class CacheUnavailableManager extends ForwardingMemoryManager {
    private final String reason;

    CacheUnavailableManager(MemoryManager delegate, String reason) {
        super(delegate);
        this.reason = reason;
    }

    @Override
    public List<ComponentHealth> checkHealth() {
        List<ComponentHealth> components = new ArrayList<>(delegate.checkHealth());
        components.add(ComponentHealth.disabled(ComponentHealth.REDIS, reason));
        return components;
    }

    @Override
    public List<HealthProbe> healthProbes() {
        List<HealthProbe> probes = new ArrayList<>(delegate.healthProbes());
        probes.add(new HealthProbe(ComponentHealth.REDIS, () -> List.of(ComponentHealth.disabled(ComponentHealth.REDIS,
                reason))));
        return probes;
    }
}
