package dev.orchestra.storage.tiered;

import dev.orchestra.storage.ForwardingMemoryManager;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.model.ComponentHealth;
import java.util.ArrayList;
import java.util.List;

/**
 * Another database of the tiered store's MongoDB, read and written without its cache: Orchestra's Redis keys do
 * not name the database, so a cache filled from the configured database must never answer for this one, and a
 * write here must not delete keys that describe the configured one. Health reports Redis as not used, and why.
 */
final class CacheSetAside extends ForwardingMemoryManager {
    private final String reason;

    CacheSetAside(MemoryManager otherDatabase, String database, String cachedDatabase) {
        super(otherDatabase);
        this.reason = "not used for database " + database + " (the cache holds " + cachedDatabase + ")";
    }

    @Override
    public List<ComponentHealth> checkHealth() {
        List<ComponentHealth> components = new ArrayList<>(delegate.checkHealth());
        components.removeIf(c -> c.name().equals(ComponentHealth.REDIS));
        components.add(ComponentHealth.disabled(ComponentHealth.REDIS, reason));
        return components;
    }
}
