package dev.orchestra.inspector;

import dev.orchestra.cli.AppLogging;
import dev.orchestra.connections.ssh.HostKeyPrompt;
import dev.orchestra.connections.ssh.SshSettings;
import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.storage.config.StorageConfig;
import java.util.Optional;

/**
 * How the app opens its store from the configuration (APP_ENV, MONGODB_URI, REDIS_HOST, .env), through an SSH
 * tunnel when SSH_HOST is set.
 */
public final class StoreOpeners {
    private StoreOpeners() {
    }

    /** An opener and the description of what it opens; a configuration error becomes an opener that fails with it. */
    public record Configured(StoreConnection.Opener opener, StoreDescription description) {
    }

    /** A saved connection (or any configuration) and its bastion: opened through the tunnel when there is one. */
    public static Configured of(StorageConfig config, Optional<SshSettings> ssh, HostKeyPrompt hostKeys) {
        StoreDescription description = StoreDescription.of(config);
        return new Configured(() -> AppLogging.openStore(config, ssh, hostKeys),
                ssh.map(settings -> description.via("SSH " + settings.address())).orElse(description));
    }

    /** @param hostKeys asked (on the opening thread) about an SSH bastion key seen for the first time */
    public static Configured fromEnvironment(HostKeyPrompt hostKeys) {
        StorageConfig config;
        Optional<SshSettings> ssh;
        try {
            config = StorageConfig.load();
            ssh = SshSettings.load();
        } catch (RuntimeException e) {
            return new Configured(() -> {
                throw e;
            }, StoreDescription.unknown());
        }
        StoreDescription description = StoreDescription.of(config);
        return new Configured(() -> AppLogging.openStore(config, ssh, hostKeys),
                ssh.map(settings -> description.via("SSH " + settings.address())).orElse(description));
    }
}
