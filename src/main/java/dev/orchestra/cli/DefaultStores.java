package dev.orchestra.cli;

import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.StorageException;
import dev.orchestra.storage.config.AppEnvironment;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.inmemory.InMemoryMemoryManager;
import dev.orchestra.storage.mongo.MongoMemoryManager;
import dev.orchestra.storage.redis.RedisCache;
import dev.orchestra.storage.tiered.TieredMemoryManager;
import dev.orchestra.storage.transfer.StreamingMongoMemoryManager;

/**
 * The store the configuration names: MongoDB (streaming exports) behind the Redis cache when REDIS_HOST is set.
 * Interim wiring until config.MemoryManagerFactory lands; then {@link #open} should wrap what it returns.
 */
final class DefaultStores {
    private DefaultStores() {
    }

    static MemoryManager open(StorageConfig config) {
        MemoryManager store;
        if (config.mongoUri() != null) {
            MemoryManager mongo = new MongoMemoryManager(config.mongoUri(), config.mongoDatabase(),
                    config.operationTimeout());
            store = new StreamingMongoMemoryManager(mongo, config.mongoUri(), config.mongoDatabase(),
                    config.operationTimeout());
        } else if (config.environment() == AppEnvironment.TEST) {
            store = new InMemoryMemoryManager();
        } else {
            // TODO(lead): MemoryManagerFactory.create(config) brings the embedded development store
            throw new StorageException("Set MONGODB_URI (the embedded development store is not wired into the CLI yet)");
        }
        return config.cacheEnabled() ? new TieredMemoryManager(store, RedisCache.connect(config)) : store;
    }
}
