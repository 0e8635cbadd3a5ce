package dev.orchestra.cli;

import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.config.StorageConfig;

/** Opens the store a command works on; tests inject one that points at their own servers. */
@FunctionalInterface
public interface StoreConnector {
    /** A manager for {@code config}; the command initializes it and closes it when done. */
    MemoryManager open(StorageConfig config);
}
