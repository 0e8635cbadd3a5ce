package dev.orchestra.cli;

import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.config.MemoryManagerFactory;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.transfer.StreamingMongoMemoryManager;

/**
 * The store the configuration names, opened exactly as the GUI opens it ({@link MemoryManagerFactory}); with a
 * {@code MONGODB_URI}, exports stream full documents through one cursor (see {@link StreamingMongoMemoryManager}).
 */
final class DefaultStores {
    private DefaultStores() {
    }

    static MemoryManager open(StorageConfig config) {
        MemoryManager manager = MemoryManagerFactory.create(config);
        if (config.mongoUri() == null) {
            return manager; // in-memory or the embedded development store: small, paged exports are fine
        }
        return new StreamingMongoMemoryManager(manager, config.mongoUri(), config.mongoDatabase(),
                config.operationTimeout());
    }
}
