package dev.orchestra.storage.factory;

import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.error.StorageException;
import dev.orchestra.storage.factory.MemoryManagerFactory.OpenedStore;
import dev.orchestra.storage.mongo.EmbeddedMongoStore;
import dev.orchestra.storage.mongo.MongoMemoryManager;
import dev.orchestra.storage.mongo.SampleDataSeeder;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the embedded development store. A class of its own so that {@link MemoryManagerFactory} reaches the wire
 * server (mongo-java-server with its H2 backend and netty) only in that branch: they are optional dependencies of
 * this artifact, and a service that sets {@code MONGODB_URI} runs without them.
 */
final class EmbeddedStoreOpener {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedStoreOpener.class);
    /** One class from each jar the embedded store needs beyond the storage library's own dependencies. */
    static final List<String> REQUIRED_CLASSES = List.of(
            "de.bwaldvogel.mongo.backend.h2.H2Backend",
            "org.h2.mvstore.MVStore",
            "io.netty.bootstrap.ServerBootstrap");

    private EmbeddedStoreOpener() {
    }

    static OpenedStore open(StorageConfig config) {
        requireOnClasspath(EmbeddedStoreOpener.class.getClassLoader());
        EmbeddedMongoStore server = EmbeddedMongoStore.start(config.embeddedDataDir());
        MemoryManager store = null;
        try {
            var mongo = new MongoMemoryManager(server.connectionString(), config.mongoDatabase(),
                    config.operationTimeout());
            store = new ResourceClosingMemoryManager(mongo, server);
            store.initialize();
            boolean seeded = SampleDataSeeder.seedIfNeeded(mongo); // the store itself: it writes foreign documents too
            if (seeded) {
                // the embedded store is ours and new: it gets the indexes a service would create at its start-up
                mongo.createRecommendedIndexes();
                log.info("Seeded the embedded store in {} with sample data", config.embeddedDataDir());
            }
            return new OpenedStore(store, seeded);
        } catch (RuntimeException e) {
            MemoryManagerFactory.closeQuietly(store != null ? store : server);
            throw e;
        }
    }

    /** @throws StorageException naming the missing class, instead of a NoClassDefFoundError half-way through */
    static void requireOnClasspath(ClassLoader loader) {
        for (String name : REQUIRED_CLASSES) {
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException e) {
                throw new StorageException("The embedded development store (APP_ENV=development without MONGODB_URI)"
                        + " needs de.bwaldvogel:mongo-java-server-h2-backend and io.netty:netty-handler, optional"
                        + " dependencies of orchestra-inspector: set MONGODB_URI or add them (" + name
                        + " is missing)");
            }
        }
    }
}
