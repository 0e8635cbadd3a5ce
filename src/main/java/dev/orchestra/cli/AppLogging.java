package dev.orchestra.cli;

import dev.orchestra.connections.ssh.HostKeyPrompt;
import dev.orchestra.connections.ssh.SshSettings;
import dev.orchestra.connections.ssh.TunneledStore;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.factory.BackgroundWork;
import dev.orchestra.storage.factory.MemoryManagerFactory;
import dev.orchestra.storage.config.NetworkRoute;
import dev.orchestra.storage.config.Redactor;
import dev.orchestra.storage.config.StorageConfig;
import java.util.Optional;
import java.util.Properties;

/**
 * Points Logback at the app's configuration. It is not a {@code logback.xml} at the jar's root because that would
 * also configure the logging of every service that uses the storage library from this jar. Call before the first
 * logger is created; an explicit {@code -Dlogback.configurationFile} wins.
 */
public final class AppLogging {
    static final String CONFIGURATION_PROPERTY = "logback.configurationFile";
    static final String CONFIGURATION = "dev/orchestra/logback-app.xml";

    private AppLogging() {
    }

    public static void useAppConfiguration(Properties systemProperties) {
        systemProperties.putIfAbsent(CONFIGURATION_PROPERTY, CONFIGURATION);
    }

    /**
     * Opens the store the app or the CLI works on, after teaching the log filter the configuration's secrets, so that
     * no log line written while opening or later can hold them. Lives here, not in the storage library, which
     * leaves the logging backend to the service using it.
     */
    public static MemoryManager openStore(StorageConfig config) {
        return openDirect(config, BackgroundWork.immediate());
    }

    /**
     * The same through an SSH tunnel when {@code ssh} is present (the environment's {@code SSH_HOST} …): the tunnel
     * is opened first, asking {@code hostKeys} about an unknown bastion key, and closed with the store. The key
     * passphrase and the SSH password are redacted from the log too.
     */
    public static MemoryManager openStore(StorageConfig config, Optional<SshSettings> ssh, HostKeyPrompt hostKeys) {
        return openStore(config, ssh, hostKeys, BackgroundWork.immediate());
    }

    /** The same, with the store's own background work (warming an embedded cache) begun when {@code work} allows. */
    public static MemoryManager openStore(StorageConfig config, Optional<SshSettings> ssh, HostKeyPrompt hostKeys,
                                          BackgroundWork work) {
        if (ssh.isEmpty()) {
            return openDirect(config, work);
        }
        RedactingTurboFilter.install(Redactor.of(config).and(ssh.get().redactor()));
        return TunneledStore.open(ssh.get(), hostKeys, route -> MemoryManagerFactory.create(config, route, work));
    }

    private static MemoryManager openDirect(StorageConfig config, BackgroundWork work) {
        RedactingTurboFilter.install(Redactor.of(config));
        return MemoryManagerFactory.create(config, NetworkRoute.DIRECT, work);
    }
}
