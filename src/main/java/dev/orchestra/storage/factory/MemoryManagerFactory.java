package dev.orchestra.storage.factory;

import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.config.NetworkRoute;
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
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
        return create(config, NetworkRoute.DIRECT);
    }

    /**
     * Like {@link #create(StorageConfig)}, with MongoDB and Redis reached through {@code route} (the embedded
     * store, in this process, is not); the health of the result reports both components in error with the route's
     * reason while it is down, and re-opens it. The caller keeps the route and closes it after the store.
     */
    public static MemoryManager create(StorageConfig config, NetworkRoute route) {
        return create(config, route, BackgroundWork.immediate());
    }

    /**
     * Like {@link #create(StorageConfig, NetworkRoute)}, with the background work that opening starts (warming an
     * embedded cache) begun when {@code work} allows it.
     */
    public static MemoryManager create(StorageConfig config, NetworkRoute route, BackgroundWork work) {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(work, "work");
        MemoryManager manager = createRouted(config, route, work);
        return route == NetworkRoute.DIRECT ? manager : new RoutedMemoryManager(manager, route);
    }

    private static MemoryManager createRouted(StorageConfig config, NetworkRoute route, BackgroundWork work) {
        if (!config.cacheEnabled() && config.startsEmbeddedCache()) {
            return openWithEmbeddedCache(config, route, work);
        }
        OpenedStore store = openStore(config, route);
        log.info("Opened {} ({})", config, route);
        if (!config.cacheEnabled()) {
            return store.manager();
        }
        RedisCache cache;
        try {
            cache = RedisCache.connect(config, route);
        } catch (RuntimeException e) {
            closeQuietly(store.manager());
            throw e;
        }
        if (store.freshlySeeded()) {
            // a new embedded store: whatever Redis remembers of an older one is stale
            cache.invalidateStartingWith(cache.keys().allHistoryPrefix());
            cache.invalidateStartingWith(cache.keys().allSessionPrefix());
        }
        return new TieredMemoryManager(store.manager(), cache);
    }

    /**
     * The embedded Redis process starts while the store opens (on the app's start-up path its ~0.13 s used to come
     * after the store's ~0.6 s); if the store fails, the server is stopped as soon as it is up. A failure to start
     * (even an error such as a missing class) reaches {@link EmbeddedCacheOpener}, which opens without a cache.
     */
    private static MemoryManager openWithEmbeddedCache(StorageConfig config, NetworkRoute route,
                                                       BackgroundWork work) {
        CompletableFuture<EmbeddedRedisServer> redis = new CompletableFuture<>();
        Thread starting = new Thread(() -> {
            try {
                redis.complete(EmbeddedRedisServer.start());
            } catch (Throwable e) { // whatever it is, the opening thread must hear of it rather than wait forever
                redis.completeExceptionally(e);
            }
        }, "embedded-redis-start");
        starting.setDaemon(true);
        starting.start();
        OpenedStore store;
        try {
            store = openStore(config, route);
        } catch (RuntimeException e) {
            redis.thenAccept(MemoryManagerFactory::closeQuietly);
            throw e;
        }
        log.info("Opened {} ({})", config, route);
        return EmbeddedCacheOpener.open(config, store.manager(), () -> {
            try {
                return redis.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }, work);
    }

    private static OpenedStore openStore(StorageConfig config, NetworkRoute route) {
        return switch (config.environment()) {
            case TEST -> new OpenedStore(initialized(new InMemoryMemoryManager()), false);
            case DEVELOPMENT -> config.mongoUri() == null ? EmbeddedStoreOpener.open(config)
                    : openMongo(config, route);
            case STAGING, PRODUCTION -> {
                if (config.mongoUri() == null) {
                    throw new StorageValidationException("MONGODB_URI is required when APP_ENV="
                            + config.environment().wireName());
                }
                yield openMongo(config, route);
            }
        };
    }

    private static OpenedStore openMongo(StorageConfig config, NetworkRoute route) {
        var mongo = new MongoMemoryManager(config.mongoUri(), config.mongoDatabase(), config.operationTimeout(),
                route);
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
