package dev.orchestra.storage.factory;

import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.ForwardingMemoryManager;

/** A manager that also closes something it depends on (the embedded server) after itself. */
final class ResourceClosingMemoryManager extends ForwardingMemoryManager {
    private final AutoCloseable resource;

    ResourceClosingMemoryManager(MemoryManager delegate, AutoCloseable resource) {
        super(delegate);
        this.resource = resource;
    }

    @Override
    public void close() {
        try {
            delegate.close();
        } finally {
            MemoryManagerFactory.closeQuietly(resource);
        }
    }
}
