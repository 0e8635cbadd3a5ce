package dev.orchestra.inspector;

import dev.orchestra.cli.AppLogging;
import dev.orchestra.connections.ssh.HostKeyPrompt;
import dev.orchestra.connections.ssh.SshSettings;
import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.factory.BackgroundWork;
import java.util.Optional;

/**
 * How the app opens its store for a configuration (the environment's, or a saved connection's), through an SSH
 * tunnel when it names a bastion; {@link ConnectedWindow} decides which.
 */
public final class StoreOpeners {
    private StoreOpeners() {
    }

    /** An opener and the description of what it opens; a configuration error becomes an opener that fails with it. */
    public record Configured(StoreConnection.Opener opener, StoreDescription description) {
    }

    /**
     * A saved connection (or any configuration) and its bastion: opened through the tunnel when there is one; the
     * store's own background work (warming an embedded cache) begins when {@code work} allows it.
     */
    public static Configured of(StorageConfig config, Optional<SshSettings> ssh, HostKeyPrompt hostKeys,
                                BackgroundWork work) {
        StoreDescription description = StoreDescription.of(config);
        return new Configured(() -> AppLogging.openStore(config, ssh, hostKeys, work),
                ssh.map(settings -> description.via("SSH " + settings.address())).orElse(description));
    }
}
