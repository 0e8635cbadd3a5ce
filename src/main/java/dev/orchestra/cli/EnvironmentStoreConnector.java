package dev.orchestra.cli;

import dev.orchestra.connections.ssh.SshSettings;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.config.StorageConfig;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The CLI's store: the configuration's MongoDB and Redis, through an SSH tunnel when {@code SSH_HOST} is set (the
 * tunnel closes with the store).
 */
final class EnvironmentStoreConnector implements StoreConnector {
    private final Supplier<Optional<SshSettings>> ssh;
    private final TerminalHostKeyPrompt hostKeys;

    EnvironmentStoreConnector(Supplier<Optional<SshSettings>> ssh, TerminalHostKeyPrompt hostKeys) {
        this.ssh = ssh;
        this.hostKeys = hostKeys;
    }

    @Override
    public MemoryManager open(StorageConfig config) {
        return AppLogging.openStore(config, ssh.get(), hostKeys);
    }

    @Override
    public void acceptNewHostKeys(boolean accept) {
        hostKeys.acceptNew(accept);
    }
}
