package dev.orchestra.storage.inmemory;

import dev.orchestra.storage.error.StorageConnectionException;
import dev.orchestra.storage.model.CollectionRef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Every collection of the in-memory store (Orchestra's and the inspector's own) behind one read/write lock, and the
 * simulated outage that makes every access fail.
 */
final class InMemoryCollections {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<CollectionRef, InMemoryCollection> collections = new LinkedHashMap<>();
    private volatile boolean outage;

    InMemoryCollections() {
        for (CollectionRef c : CollectionRef.all()) {
            collections.put(c, new InMemoryCollection(c));
        }
    }

    void simulateOutage(boolean down) {
        this.outage = down;
    }

    boolean outage() {
        return outage;
    }

    /** Only inside {@link #read} or {@link #write}. */
    InMemoryCollection get(CollectionRef c) {
        return collections.get(c);
    }

    /** The number of documents of each collection, in the order of {@link CollectionRef#all()}. */
    Map<String, Object> sizes() {
        Map<String, Object> counts = new LinkedHashMap<>();
        read(() -> {
            collections.forEach((c, docs) -> counts.put(c.collectionName(), docs.size()));
            return null;
        });
        return counts;
    }

    <T> T read(Supplier<T> action) {
        available();
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    <T> T write(Supplier<T> action) {
        available();
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** @throws StorageConnectionException during a simulated outage */
    void available() {
        if (outage) {
            throw new StorageConnectionException("The in-memory store is unavailable (simulated outage)");
        }
    }
}
