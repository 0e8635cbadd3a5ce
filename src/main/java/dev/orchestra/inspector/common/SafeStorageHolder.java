package dev.orchestra.inspector.common;

import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.error.StorageConnectionException;
import dev.orchestra.storage.safety.Actor;
import dev.orchestra.storage.safety.SafeOperations;
import dev.orchestra.storage.safety.SafeStorage;
import dev.orchestra.storage.safety.WriteLock;
import java.time.Clock;

/**
 * The app's {@link SafeStorage}: every store the app opens is wrapped so reads go through the write gate and changes
 * go through {@link SafeOperations} (trash, audit, cache invalidation by the tiered manager). One {@link WriteLock}
 * lives as long as the window, across reconnects.
 */
public final class SafeStorageHolder {
    private final WriteLock writeLock;
    private final Actor actor;
    private final Clock clock;
    private volatile SafeStorage storage;

    public SafeStorageHolder(WriteLock writeLock, Actor actor) {
        this(writeLock, actor, Clock.systemUTC());
    }

    /** @param clock stamps trash copies and audit entries */
    public SafeStorageHolder(WriteLock writeLock, Actor actor, Clock clock) {
        this.writeLock = writeLock;
        this.actor = actor;
        this.clock = clock;
    }

    /** An opener that wraps what {@code opener} opens; the connection then holds the gated manager. */
    public StoreConnection.Opener wrap(StoreConnection.Opener opener) {
        return () -> {
            MemoryManager opened = opener.open();
            SafeStorage wrapped = SafeStorage.wrap(opened, writeLock, actor, clock);
            storage = wrapped;
            return wrapped.manager();
        };
    }

    /** Call on the UI thread and capture the result before handing work to the runner. */
    public SafeOperations operations() {
        SafeStorage s = storage;
        if (s == null) {
            throw new StorageConnectionException("Not connected yet");
        }
        return s.operations();
    }

    /** The gated manager of the open store (for reads that must see what the editor saved). */
    public MemoryManager manager() {
        SafeStorage s = storage;
        if (s == null) {
            throw new StorageConnectionException("Not connected yet");
        }
        return s.manager();
    }

    public WriteLock writeLock() {
        return writeLock;
    }
}
