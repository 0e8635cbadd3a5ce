package dev.orchestra.cli;

import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.StorageException;
import dev.orchestra.storage.config.StorageConfig;

/** The store the configuration names, built as the GUI builds it. */
final class DefaultStores {
    private DefaultStores() {
    }

    static MemoryManager open(StorageConfig config) {
        throw new StorageException("No store implementation is wired yet (waiting for MemoryManagerFactory)");
    }
}
