package dev.orchestra.cli;

import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.safety.Actor;
import dev.orchestra.storage.safety.SafeStorage;

/**
 * The configuration and an initialized store for the length of one command: the manager as opened (for reads and
 * streaming) and the same manager behind the safety layer (write lock, trash, audit) for every change.
 */
final class OpenStore implements AutoCloseable {
    private final StorageConfig config;
    private final MemoryManager manager;
    private final SafeStorage safe;

    private OpenStore(StorageConfig config, MemoryManager manager) {
        this.config = config;
        this.manager = manager;
        this.safe = SafeStorage.wrap(manager, config, Actor.CLI);
    }

    static OpenStore open(CliContext context) {
        StorageConfig config = context.config().get();
        MemoryManager manager = context.stores().open(config);
        try {
            manager.initialize();
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        return new OpenStore(config, manager);
    }

    StorageConfig config() {
        return config;
    }

    /** For reads; writes must go through {@link #safe()}. */
    MemoryManager manager() {
        return manager;
    }

    SafeStorage safe() {
        return safe;
    }

    /** Applies {@code --allow-writes}, then fails fast (before any prompt) when writes are locked. */
    SafeStorage writable(WriteAccess access, String operation) {
        if (access.allowWrites) {
            safe.writeLock().unlock(); // refuses when INSPECTOR_READ_ONLY=true forced read-only
        }
        safe.writeLock().checkWritable(operation);
        return safe;
    }

    @Override
    public void close() {
        manager.close();
    }
}
