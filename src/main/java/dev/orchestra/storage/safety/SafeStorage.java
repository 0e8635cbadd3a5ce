package dev.orchestra.storage.safety;

import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.config.StorageConfig;
import java.time.Clock;

/**
 * The storage as a front end should hold it: {@code manager} refuses writes while {@code writeLock} is locked
 * (use it for all reads), {@code operations} makes the changes.
 */
public record SafeStorage(MemoryManager manager, WriteLock writeLock, SafeOperations operations) {

    /**
     * Wraps an opened manager (e.g. from {@code MemoryManagerFactory}); the lock starts as the configuration says
     * (production and INSPECTOR_READ_ONLY=true: locked).
     *
     * @param origin {@link Actor#GUI} or {@link Actor#CLI}
     */
    public static SafeStorage wrap(MemoryManager delegate, StorageConfig config, String origin) {
        return wrap(delegate, WriteLock.forConfig(config), Actor.osUser(origin));
    }

    public static SafeStorage wrap(MemoryManager delegate, WriteLock lock, Actor actor) {
        return wrap(delegate, lock, actor, Clock.systemUTC());
    }

    /** @param clock stamps trash copies and audit entries */
    public static SafeStorage wrap(MemoryManager delegate, WriteLock lock, Actor actor, Clock clock) {
        var gated = new ReadOnlyMemoryManager(delegate, lock);
        return new SafeStorage(gated, lock, new SafeOperations(gated, lock, actor, clock));
    }
}
