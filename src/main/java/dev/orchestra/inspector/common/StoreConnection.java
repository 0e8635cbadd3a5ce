package dev.orchestra.inspector.common;

import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.error.StorageConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open store, or why there is none. Opening runs in the background so the window shows at once; views react
 * to {@link #stateProperty()}. Properties are read and written on the UI thread only.
 */
public final class StoreConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreConnection.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(3);

    public enum State { CONNECTING, CONNECTED, FAILED }

    /** Builds and initialises the store (slow: may connect, create indexes, seed sample data). */
    @FunctionalInterface
    public interface Opener {
        MemoryManager open() throws Exception;
    }

    private final BackgroundRunner runner;
    private final Opener opener;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.CONNECTING);
    private final ReadOnlyObjectWrapper<MemoryManager> manager = new ReadOnlyObjectWrapper<>(this, "manager");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final List<Consumer<MemoryManager>> openedHooks = new CopyOnWriteArrayList<>();

    public StoreConnection(BackgroundRunner runner, Opener opener) {
        this.runner = runner;
        this.opener = opener;
    }

    /** Opens the store in the background (again, after a failure). */
    public void connect() {
        if (state.get() == State.CONNECTED) {
            return;
        }
        state.set(State.CONNECTING);
        error.set(null);
        // The opener initialises (MemoryManagerFactory.create does): index creation is not repeated here.
        runner.run("Opening the store", this::openAndTell, m -> {
            manager.set(m);
            state.set(State.CONNECTED);
        }, e -> {
            String message = ErrorMessages.describe(e);
            LOG.warn("Cannot open the store: {}", message);
            error.set(message);
            state.set(State.FAILED);
        });
    }

    /**
     * Runs {@code hook} on the opening thread each time a store has opened, just before the UI thread hears of it.
     * A hook only starts work of its own (it must not wait on the store): at launch a view's first page is then
     * read while the window is still being built.
     */
    public void onOpenedInBackground(Consumer<MemoryManager> hook) {
        openedHooks.add(hook);
    }

    private MemoryManager openAndTell() throws Exception {
        MemoryManager m = opener.open();
        for (Consumer<MemoryManager> hook : openedHooks) {
            try {
                hook.accept(m);
            } catch (RuntimeException e) { // a hook is an optimisation: the store is open all the same
                LOG.debug("A hook on opening failed: {}", e.toString());
            }
        }
        return m;
    }

    /** The open manager; call from the UI thread and capture it before handing work to the runner. */
    public MemoryManager current() {
        MemoryManager m = manager.get();
        if (m == null) {
            throw new StorageConnectionException(state.get() == State.FAILED ? error.get() : "Not connected yet");
        }
        return m;
    }

    public boolean isConnected() {
        return state.get() == State.CONNECTED;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MemoryManager> managerProperty() {
        return manager.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Closes the manager without letting a hung server keep the app from exiting. */
    @Override
    public void close() {
        Thread closer = closeInBackground();
        if (closer == null) {
            return;
        }
        try {
            closer.join(CLOSE_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts closing the manager on its own thread and returns that thread (null when nothing was open). */
    public Thread closeInBackground() {
        MemoryManager m = manager.get();
        manager.set(null);
        if (m == null) {
            return null;
        }
        Thread closer = new Thread(() -> closeQuietly(m), "store-close");
        closer.setDaemon(true);
        closer.start();
        return closer;
    }

    private static void closeQuietly(MemoryManager m) {
        try {
            m.close();
        } catch (RuntimeException e) {
            LOG.debug("Closing the store failed: {}", e.toString());
        }
    }
}
