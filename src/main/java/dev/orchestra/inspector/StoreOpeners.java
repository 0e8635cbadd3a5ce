package dev.orchestra.inspector;

import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.cli.AppLogging;
import dev.orchestra.storage.config.StorageConfig;

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
        return new Configured(() -> AppLogging.openStore(config), StoreDescription.of(config));
    }
}
