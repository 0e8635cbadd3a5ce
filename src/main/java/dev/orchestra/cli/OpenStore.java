package dev.orchestra.cli;

import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.config.StorageConfig;

/** The configuration and an initialized manager for the length of one command. */
final class OpenStore implements AutoCloseable {
    private final StorageConfig config;
    private final MemoryManager manager;

    private OpenStore(StorageConfig config, MemoryManager manager) {
        this.config = config;
        this.manager = manager;
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

    MemoryManager manager() {
        return manager;
    }

    @Override
    public void close() {
        manager.close();
    }
}
