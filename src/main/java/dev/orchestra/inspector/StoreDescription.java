package dev.orchestra.inspector;

import dev.orchestra.storage.config.AppEnvironment;
import dev.orchestra.storage.config.StorageConfig;

/** What the window says about where it is connected: safe to display (no credentials). */
public record StoreDescription(String environment, String database, String mongo, String redis, boolean production) {

    public static StoreDescription of(StorageConfig config) {
        return new StoreDescription(config.environment().wireName(), config.mongoDatabase(),
                config.mongoDisplayName(), config.redisDisplayName(),
                config.environment() == AppEnvironment.PRODUCTION);
    }

    /** When the configuration itself could not be read. */
    public static StoreDescription unknown() {
        return new StoreDescription("unconfigured", "?", "no store", "no cache", false);
    }

    /** The same, reached through {@code route} (e.g. "SSH ops@bastion:22"), which both addresses then name. */
    public StoreDescription via(String route) {
        return new StoreDescription(environment, database, mongo + " via " + route,
                redis.equals("no cache") ? redis : redis + " via " + route, production);
    }

    /** The same servers showing another database. */
    public StoreDescription onDatabase(String other) {
        return new StoreDescription(environment, other, mongo, redis, production);
    }

    /** For the status bar: "embedded store, database orchestra" or "mongodb://host:27017 …". */
    public String target() {
        return mongo + " (database " + database + ")";
    }
}
