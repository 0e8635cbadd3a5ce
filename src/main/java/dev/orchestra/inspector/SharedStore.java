package dev.orchestra.inspector;

import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.storage.DatabaseSwitching;
import dev.orchestra.storage.ForwardingMemoryManager;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.error.StorageConnectionException;
import dev.orchestra.storage.model.HealthProbe;
import java.util.List;
import java.util.Optional;

/**
 * One connection's store (its MongoDB client, Redis connections, SSH tunnel), opened once and lent to each window
 * context that shows one of its databases: switching the database in the title bar builds a new context on a new
 * lease, so nothing reconnects. The store closes when the connection is {@linkplain #retire() retired} (another
 * connection opened, the window closed) and the last lease is returned — on the thread returning it, which for a
 * switch is the old context's background closer, never the FX thread.
 */
final class SharedStore {
    private final StoreConnection.Opener opener;
    private final Object opening = new Object();
    private MemoryManager root; // guarded by this
    private int leases; // guarded by this
    private boolean retired; // guarded by this

    SharedStore(StoreConnection.Opener opener) {
        this.opener = opener;
    }

    /**
     * An opener for a context: {@code database} null means the database the connection names (with its cache);
     * another one is opened over the same connections ({@link DatabaseSwitching}) without the cache.
     */
    StoreConnection.Opener lease(String database) {
        return () -> {
            synchronized (this) {
                if (retired) {
                    throw new StorageConnectionException("This connection was closed");
                }
                leases++;
            }
            try {
                MemoryManager store = root();
                return database == null ? new Lease(store, false)
                        : new Lease(switching(store).orElseThrow(() -> new StorageConnectionException(
                        "This store cannot open another database")).onDatabase(database), true);
            } catch (Exception | Error e) {
                release();
                throw e;
            }
        };
    }

    /** Whether the open store can show another database without reopening (false until it is open). */
    synchronized boolean switchesDatabases() {
        return root != null && switching(root).isPresent();
    }

    /** The databases the open store's server lists (through its tunnel too); empty before it is open. */
    List<String> databaseNames() {
        MemoryManager store;
        synchronized (this) {
            store = root;
        }
        return store == null ? List.of() : switching(store).map(DatabaseSwitching::databaseNames).orElse(List.of());
    }

    /** No more leases; the store closes with the last one returned (on its own thread when none is out). */
    void retire() {
        MemoryManager toClose;
        synchronized (this) {
            retired = true;
            toClose = leases == 0 ? takeRoot() : null;
        }
        if (toClose != null) {
            // called on the FX thread: a hung server must not block it
            Thread closer = new Thread(() -> closeQuietly(toClose), "store-close");
            closer.setDaemon(true);
            closer.start();
        }
    }

    private MemoryManager root() throws Exception {
        // opening may take seconds (SSH, a slow server): held under its own lock so retire() never waits for it
        synchronized (opening) {
            synchronized (this) {
                if (root != null) {
                    return root;
                }
            }
            MemoryManager opened = opener.open();
            synchronized (this) {
                root = opened;
            }
            return opened;
        }
    }

    private void release() {
        MemoryManager toClose;
        synchronized (this) {
            leases--;
            toClose = retired && leases == 0 ? takeRoot() : null;
        }
        closeQuietly(toClose);
    }

    private MemoryManager takeRoot() {
        MemoryManager taken = root;
        root = null;
        return taken;
    }

    private static Optional<DatabaseSwitching> switching(MemoryManager store) {
        return store.capability(DatabaseSwitching.class);
    }

    private static void closeQuietly(MemoryManager store) {
        if (store != null) {
            store.close();
        }
    }

    /** What a context holds: closing it closes only its own database view (if any), then returns the lease. */
    private final class Lease extends ForwardingMemoryManager {
        private final boolean ownView;
        private boolean returned; // guarded by this

        Lease(MemoryManager shown, boolean ownView) {
            super(shown);
            this.ownView = ownView;
        }

        /** A lease changes nothing about health: the store's own probes (Redis on its own lane) are kept. */
        @Override
        public List<HealthProbe> healthProbes() {
            return delegate.healthProbes();
        }

        @Override
        public void close() {
            synchronized (this) {
                if (returned) {
                    return;
                }
                returned = true;
            }
            try {
                if (ownView) {
                    delegate.close();
                }
            } finally {
                release();
            }
        }
    }
}
