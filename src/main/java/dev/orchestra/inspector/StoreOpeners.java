package dev.orchestra.inspector;

import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.inmemory.InMemoryMemoryManager;

/** How the app opens its store from the configuration (APP_ENV, MONGODB_URI, REDIS_HOST, .env). */
public final class StoreOpeners {
    private StoreOpeners() {
    }

    /** An opener and the description of what it opens; a configuration error becomes an opener that fails with it. */
    public record Configured(StoreConnection.Opener opener, StoreDescription description) {
    }

    public static Configured fromEnvironment() {
        StorageConfig config;
        try {
            config = StorageConfig.load();
        } catch (RuntimeException e) {
            return new Configured(() -> {
                throw e;
            }, StoreDescription.unknown());
        }
        StorageConfig chosen = config;
        return new Configured(() -> open(chosen), StoreDescription.of(config));
    }

    static dev.orchestra.storage.MemoryManager open(StorageConfig config) {
        // Temporary until MemoryManagerFactory lands (branch cache): embedded store with sample data.
        if (config.environment() == dev.orchestra.storage.config.AppEnvironment.TEST) {
            return new InMemoryMemoryManager();
        }
        if (config.usesEmbeddedStore()) {
            var embedded = dev.orchestra.storage.mongo.EmbeddedMongoStore.start(config.embeddedDataDir());
            var mongo = new dev.orchestra.storage.mongo.MongoMemoryManager(embedded.connectionString(),
                    config.mongoDatabase(), config.operationTimeout());
            mongo.initialize();
            dev.orchestra.storage.mongo.SampleDataSeeder.seedIfNeeded(mongo);
            return (dev.orchestra.storage.MemoryManager) java.lang.reflect.Proxy.newProxyInstance(
                    StoreOpeners.class.getClassLoader(), new Class<?>[] {dev.orchestra.storage.MemoryManager.class},
                    (proxy, method, args) -> {
                        try {
                            return method.invoke(mongo, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        } finally {
                            if (method.getName().equals("close")) {
                                embedded.close();
                            }
                        }
                    });
        }
        return new dev.orchestra.storage.mongo.MongoMemoryManager(config.mongoUri(), config.mongoDatabase(),
                config.operationTimeout());
    }
}
