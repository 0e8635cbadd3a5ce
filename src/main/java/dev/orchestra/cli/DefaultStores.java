package dev.orchestra.cli;

import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.StorageException;
import dev.orchestra.storage.config.AppEnvironment;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.inmemory.InMemoryMemoryManager;
import dev.orchestra.storage.redis.RedisCache;
import dev.orchestra.storage.tiered.TieredMemoryManager;

/** The store the configuration names, built as the GUI builds it. */
final class DefaultStores {
    private DefaultStores() {
    }

    static MemoryManager open(StorageConfig config) {
        // TODO(lead): replace with MemoryManagerFactory.create(config) once branch 'store'/'cache' deliver it
        if (config.environment() != AppEnvironment.TEST) {
            throw new StorageException("APP_ENV=" + config.environment().wireName() + " needs MemoryManagerFactory, "
                    + "which is not merged yet; APP_ENV=test works (in-memory store)");
        }
        MemoryManager store = new InMemoryMemoryManager();
        return config.cacheEnabled() ? new TieredMemoryManager(store, RedisCache.connect(config)) : store;
    }
}
