package dev.orchestra.cli;

import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.config.StorageConfig;

/** Opens the store a command works on; tests inject one that points at their own servers. */
@FunctionalInterface
public interface StoreConnector {
    /** A manager for {@code config}; the command initializes it and closes it when done. */
    MemoryManager open(StorageConfig config);

    /** {@code --accept-new-host-key}: trust an SSH bastion's key seen for the first time without asking. */
    default void acceptNewHostKeys(boolean accept) {
    }
}
