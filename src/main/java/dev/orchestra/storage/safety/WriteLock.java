package dev.orchestra.storage.safety;

import dev.orchestra.storage.error.ReadOnlyViolationException;
import dev.orchestra.storage.config.StorageConfig;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether writes are allowed right now. One instance is shared by the {@link ReadOnlyMemoryManager} and
 * {@link SafeOperations}, so a UI can show a banner while it is locked and unlock deliberately.
 *
 * <p>A lock created with {@link #forced(String)} (INSPECTOR_READ_ONLY=true) cannot be unlocked: that setting is an
 * operator's decision, not the user's. Production starts locked but may be unlocked.
 *
 * <p>Listeners are told on the thread that changed the state (a UI must hop to its own thread).
 */
public final class WriteLock {
    private static final Logger LOG = LoggerFactory.getLogger(WriteLock.class);

    private final List<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();
    private final boolean forced;
    private final String reason;
    private volatile boolean locked;

    private WriteLock(boolean locked, boolean forced, String reason) {
        this.locked = locked;
        this.forced = forced;
        this.reason = reason;
    }

    public static WriteLock unlocked() {
        return new WriteLock(false, false, null);
    }

    /** Locked, and {@link #unlock()} is allowed. */
    public static WriteLock locked(String reason) {
        return new WriteLock(true, false, reason);
    }

    /** Locked for good: {@link #unlock()} refuses. */
    public static WriteLock forced(String reason) {
        return new WriteLock(true, true, reason);
    }

    /** INSPECTOR_READ_ONLY=true: locked for good; production: locked until unlocked; otherwise unlocked. */
    public static WriteLock forConfig(StorageConfig config) {
        if (config.forceReadOnly()) {
            return forced("INSPECTOR_READ_ONLY=true");
        }
        if (config.startsReadOnly()) {
            return locked("APP_ENV=" + config.environment().wireName());
        }
        return unlocked();
    }

    public boolean isLocked() {
        return locked;
    }

    /** False when read-only was forced by configuration. */
    public boolean canUnlock() {
        return !forced;
    }

    /** Why writes are locked (e.g. "APP_ENV=production"), for a banner; null when created unlocked. */
    public String reason() {
        return reason;
    }

    public void lock() {
        change(true);
    }

    /** Allows writes. @throws ReadOnlyViolationException when read-only is forced by configuration */
    public void unlock() {
        if (forced) {
            throw new ReadOnlyViolationException("unlock writes (read-only is forced by " + reason + ")");
        }
        change(false);
    }

    /** @throws ReadOnlyViolationException naming {@code operation} while locked */
    public void checkWritable(String operation) {
        if (locked) {
            throw new ReadOnlyViolationException(operation);
        }
    }

    /** {@code listener} receives the new state (true = locked) after each change. */
    public void addListener(Consumer<Boolean> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<Boolean> listener) {
        listeners.remove(listener);
    }

    private void change(boolean newState) {
        boolean changed;
        synchronized (this) {
            changed = locked != newState;
            locked = newState;
        }
        if (!changed) {
            return;
        }
        LOG.info("Writes {}", newState ? "locked" : "unlocked");
        for (Consumer<Boolean> listener : listeners) {
            try {
                listener.accept(newState);
            } catch (RuntimeException e) {
                // One broken listener must not hide the change from the others.
                LOG.warn("A write-lock listener failed", e);
            }
        }
    }
}
