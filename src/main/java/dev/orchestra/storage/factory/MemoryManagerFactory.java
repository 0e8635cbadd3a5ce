package dev.orchestra.storage.factory;

import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.config.Redactor;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.error.StorageException;
import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.inmemory.InMemoryMemoryManager;
import dev.orchestra.storage.mongo.MongoMemoryManager;
import dev.orchestra.storage.redis.EmbeddedRedisServer;
import dev.orchestra.storage.redis.RedisCache;
import dev.orchestra.storage.tiered.TieredMemoryManager;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the store {@code APP_ENV} asks for:
 * <ul>
 *   <li>{@code test}: in memory;</li>
 *   <li>{@code development} without {@code MONGODB_URI}: the embedded store (an in-process MongoDB-wire server
 *       keeping its file in {@code embeddedDataDir}), seeded once with sample data; it needs the optional
 *       mongo-java-server-h2-backend and netty jars ({@link EmbeddedStoreOpener});</li>
 *   <li>otherwise MongoDB at {@code MONGODB_URI} ({@code staging}/{@code production} require it);</li>
 * </ul>
 * wrapped in a {@link TieredMemoryManager} when {@code REDIS_HOST} is set, and for the embedded store with no Redis
 * setting at all on a Redis of its own ({@link EmbeddedCacheOpener}). The result is initialized; closing it
 * closes everything this factory opened, the embedded server included.
 */
public final class MemoryManagerFactory {
    private static final Logger log = LoggerFactory.getLogger(MemoryManagerFactory.class);
    private static final String POM_PROPERTIES = "/META-INF/maven/dev.orchestra/orchestra-inspector/pom.properties";

    record OpenedStore(MemoryManager manager, boolean freshlySeeded) {
    }

    private MemoryManagerFactory() {
    }

    /**
     * @throws StorageValidationException when a required setting is missing (the message names it)
     * @throws StorageException           when the store cannot be opened; nothing is left open then
     */
    public static MemoryManager create(StorageConfig config) {
        OpenedStore store = openStore(config);
        log.info("Opened {}", config);
        if (!config.cacheEnabled()) {
            return config.startsEmbeddedCache()
                    ? EmbeddedCacheOpener.open(config, store.manager(), EmbeddedRedisServer::start)
                    : store.manager();
        }
        RedisCache cache = RedisCache.connect(config);
        if (store.freshlySeeded()) {
            // a new embedded store: whatever Redis remembers of an older one is stale
            cache.invalidateStartingWith(cache.keys().allHistoryPrefix());
            cache.invalidateStartingWith(cache.keys().allSessionPrefix());
        }
        return new TieredMemoryManager(store.manager(), cache);
    }

    private static OpenedStore openStore(StorageConfig config) {
        return switch (config.environment()) {
            case TEST -> new OpenedStore(initialized(new InMemoryMemoryManager()), false);
            case DEVELOPMENT -> config.mongoUri() == null ? EmbeddedStoreOpener.open(config) : openMongo(config);
            case STAGING, PRODUCTION -> {
                if (config.mongoUri() == null) {
                    throw new StorageValidationException("MONGODB_URI is required when APP_ENV="
                            + config.environment().wireName());
                }
                yield openMongo(config);
            }
        };
    }

    private static OpenedStore openMongo(StorageConfig config) {
        var mongo = new MongoMemoryManager(config.mongoUri(), config.mongoDatabase(), config.operationTimeout());
        return new OpenedStore(initialized(mongo), false);
    }

    /** Initializes, or closes and rethrows. */
    private static MemoryManager initialized(MemoryManager manager) {
        try {
            manager.initialize();
            return manager;
        } catch (RuntimeException e) {
            closeQuietly(manager);
            throw e;
        }
    }

    /** The application's version: from the jar's manifest or Maven metadata, else {@code "dev"}. */
    public static String version() {
        String fromManifest = MemoryManagerFactory.class.getPackage().getImplementationVersion();
        if (fromManifest != null && !fromManifest.isBlank()) {
            return fromManifest;
        }
        try (InputStream in = MemoryManagerFactory.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                return properties.getProperty("version", "dev");
            }
        } catch (IOException e) {
            log.debug("Cannot read {}", POM_PROPERTIES, e);
        }
        return "dev";
    }

    static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            log.warn("Closing {} failed: {}", resource.getClass().getSimpleName(), Redactor.PATTERNS_ONLY.redact(e.getMessage()));
        }
    }
}
