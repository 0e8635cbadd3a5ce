package dev.orchestra.storage.config;

import com.mongodb.ConnectionString;
import dev.orchestra.storage.error.StorageValidationException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Every setting of the storage library, read from the environment and then a {@code .env} file in the working
 * directory (the environment wins). Invalid values fail fast with a message naming the variable.
 * {@link #toString()} never shows the MongoDB credentials or the Redis password.
 *
 * @param mongoUri        null in development means "use the embedded store"
 * @param redisHost       null means "no cache"
 * @param embeddedDataDir where the embedded development store keeps its file
 * @param redisDeployment Redis beyond one host: mode, ACL user, TLS files, sentinels, cluster nodes
 * @param embeddedCache   the embedded store without any Redis setting at all ({@code REDIS_HOST} absent, not even
 *                        empty): the app starts a Redis of its own beside it
 */
public record StorageConfig(
        AppEnvironment environment,
        String mongoUri,
        String mongoDatabase,
        String redisHost,
        int redisPort,
        String redisPassword,
        boolean redisTls,
        String redisKeyPrefix,
        Duration cacheTtl,
        boolean forceReadOnly,
        Duration operationTimeout,
        Path embeddedDataDir,
        RedisDeploymentConfig redisDeployment,
        boolean embeddedCache) {

    public static final String DEFAULT_DATABASE = "orchestra";
    public static final String DEFAULT_KEY_PREFIX = "orchestra:";

    /** A single Redis node (or none), as before deployments could be named. */
    public StorageConfig(AppEnvironment environment, String mongoUri, String mongoDatabase, String redisHost,
                         int redisPort, String redisPassword, boolean redisTls, String redisKeyPrefix,
                         Duration cacheTtl, boolean forceReadOnly, Duration operationTimeout, Path embeddedDataDir) {
        this(environment, mongoUri, mongoDatabase, redisHost, redisPort, redisPassword, redisTls, redisKeyPrefix,
                cacheTtl, forceReadOnly, operationTimeout, embeddedDataDir, RedisDeploymentConfig.standalone());
    }

    /** No embedded cache, as before the embedded store had one. */
    public StorageConfig(AppEnvironment environment, String mongoUri, String mongoDatabase, String redisHost,
                         int redisPort, String redisPassword, boolean redisTls, String redisKeyPrefix,
                         Duration cacheTtl, boolean forceReadOnly, Duration operationTimeout, Path embeddedDataDir,
                         RedisDeploymentConfig redisDeployment) {
        this(environment, mongoUri, mongoDatabase, redisHost, redisPort, redisPassword, redisTls, redisKeyPrefix,
                cacheTtl, forceReadOnly, operationTimeout, embeddedDataDir, redisDeployment, false);
    }

    /** From the process environment and {@code ./.env}. */
    public static StorageConfig load() {
        return load(System.getenv(), Path.of("").toAbsolutePath());
    }

    public static StorageConfig load(Map<String, String> environment, Path workingDirectory) {
        Map<String, String> merged = new HashMap<>(DotEnv.read(workingDirectory.resolve(".env")));
        environment.forEach((k, v) -> {
            if (v != null) {
                merged.put(k, v);
            }
        });
        return fromMap(merged);
    }

    public static StorageConfig fromMap(Map<String, String> values) {
        var env = AppEnvironment.parse(values.get("APP_ENV"));
        String uri = blankToNull(values.get("MONGODB_URI"));
        if (uri != null) {
            checkMongoUri(uri);
        } else if (env == AppEnvironment.STAGING || env == AppEnvironment.PRODUCTION) {
            throw new StorageValidationException("MONGODB_URI is required when APP_ENV=" + env.wireName());
        }
        String database = valueOr(values, "MONGODB_DATABASE", DEFAULT_DATABASE);
        checkDatabaseName(database);
        String redisHost = blankToNull(values.get("REDIS_HOST"));
        int redisPort = parseInt(values, "REDIS_PORT", 6379, 1, 65535);
        int ttlSeconds = parseInt(values, "CACHE_TTL", 3600, 1, Integer.MAX_VALUE);
        int timeoutMillis = parseInt(values, "STORAGE_TIMEOUT_MS", 5000, 100, 600_000);
        Path dataDir = values.containsKey("EMBEDDED_DATA_DIR")
                ? Path.of(values.get("EMBEDDED_DATA_DIR"))
                : Path.of(System.getProperty("user.home"), ".orchestra-inspector");
        boolean tls = parseBoolean(values, "REDIS_TLS");
        String keyPrefix = valueOr(values, "REDIS_KEY_PREFIX", DEFAULT_KEY_PREFIX);
        var deployment = RedisDeploymentConfig.fromMap(values, redisHost, redisPort, tls, keyPrefix);
        boolean embeddedCache = env == AppEnvironment.DEVELOPMENT && uri == null && !values.containsKey("REDIS_HOST")
                && !deployment.namesServers();
        return new StorageConfig(env, uri, database, redisHost, redisPort, blankToNull(values.get("REDIS_PASSWORD")),
                tls, keyPrefix, Duration.ofSeconds(ttlSeconds), parseBoolean(values, "INSPECTOR_READ_ONLY"),
                Duration.ofMillis(timeoutMillis), dataDir, deployment, embeddedCache);
    }

    public boolean usesEmbeddedStore() {
        return mongoUri == null && environment == AppEnvironment.DEVELOPMENT;
    }

    /** A cache is configured: {@code REDIS_HOST}, or the sentinels or nodes of another {@code REDIS_MODE}. */
    public boolean cacheEnabled() {
        return redisHost != null || redisDeployment.namesServers();
    }

    /** Production opens read-only until the user unlocks writes; INSPECTOR_READ_ONLY forces it everywhere. */
    public boolean startsReadOnly() {
        return forceReadOnly || environment == AppEnvironment.PRODUCTION;
    }

    /** Where MongoDB is, safe to display: hosts and options, never credentials. */
    public String mongoDisplayName() {
        if (mongoUri == null) {
            return usesEmbeddedStore() ? "embedded store" : "in-memory store";
        }
        return Redactor.of(this).redact(mongoUri);
    }

    /** The app starts a Redis of its own: the embedded store with no Redis setting at all. */
    public boolean startsEmbeddedCache() {
        return embeddedCache && !cacheEnabled() && usesEmbeddedStore();
    }

    public String redisDisplayName() {
        if (startsEmbeddedCache()) {
            return "embedded Redis";
        }
        return cacheEnabled() ? Redactor.of(this).redact(redisDeployment.describe(redisHost, redisPort, redisTls))
                : "no cache";
    }

    public StorageConfig withMongo(String uri, String database) {
        return new StorageConfig(environment, uri, database, redisHost, redisPort, redisPassword, redisTls,
                redisKeyPrefix, cacheTtl, forceReadOnly, operationTimeout, embeddedDataDir, redisDeployment, embeddedCache);
    }

    public StorageConfig withRedis(String host, int port, String keyPrefix) {
        return new StorageConfig(environment, mongoUri, mongoDatabase, host, port, redisPassword, redisTls,
                keyPrefix, cacheTtl, forceReadOnly, operationTimeout, embeddedDataDir, redisDeployment, embeddedCache);
    }

    @Override
    public String toString() {
        return "StorageConfig[environment=" + environment.wireName() + ", mongo=" + mongoDisplayName()
                + ", database=" + mongoDatabase + ", redis=" + redisDisplayName()
                + ", redisPassword=" + (redisPassword == null ? "none" : "***") + ", keyPrefix=" + redisKeyPrefix
                + ", cacheTtl=" + cacheTtl.toSeconds() + "s, readOnly=" + startsReadOnly() + "]";
    }

    private static void checkMongoUri(String uri) {
        try {
            new ConnectionString(uri);
        } catch (IllegalArgumentException e) {
            // The driver's message may quote the URI; say only what is safe.
            throw new StorageValidationException("MONGODB_URI is not a valid MongoDB connection string ("
                    + Redactor.forSecrets(Redactor.passwordIn(uri).stream().toList()).redact(uri) + ")");
        }
    }

    private static int parseInt(Map<String, String> values, String name, int fallback, int min, int max) {
        String raw = blankToNull(values.get(name));
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min || value > max) {
                throw new StorageValidationException(name + " must be between " + min + " and " + max + ", was " + raw);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new StorageValidationException(name + " must be a whole number, was '" + raw + "'");
        }
    }

    private static boolean parseBoolean(Map<String, String> values, String name) {
        String raw = blankToNull(values.get(name));
        if (raw == null) {
            return false;
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new StorageValidationException(name + " must be true or false, was '" + raw + "'");
        };
    }

    private static String valueOr(Map<String, String> values, String name, String fallback) {
        String raw = blankToNull(values.get(name));
        return raw == null ? fallback : raw.trim();
    }

    /** A MongoDB database name as {@code MONGODB_DATABASE} accepts it: not blank, no {@code / . space}. */
    public static String checkDatabaseName(String database) {
        if (database == null || database.isBlank()) {
            throw new StorageValidationException("A MongoDB database name is required");
        }
        if (database.contains("/") || database.contains(".") || database.contains(" ")) {
            throw new StorageValidationException("MONGODB_DATABASE may not contain '/', '.' or spaces: '" + database + "'");
        }
        return database;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
