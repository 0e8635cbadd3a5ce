package dev.orchestra.inspector.app;

import dev.orchestra.inspector.common.BackgroundRunner;
import dev.orchestra.inspector.common.DialogService;
import dev.orchestra.inspector.common.ErrorMessages;
import dev.orchestra.storage.safety.WriteLock;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The persistent banner while writes are locked. "Unlock writes" is offered only when the lock allows it
 * (not when INSPECTOR_READ_ONLY forces it) and asks for confirmation first; "Lock again" is always possible.
 */
public class ReadOnlyBannerViewModel {
    private final WriteLock lock;
    private final DialogService dialogs;
    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper(this, "locked");
    private final ReadOnlyBooleanWrapper unlocked = new ReadOnlyBooleanWrapper(this, "unlockedByUser");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text");

    public ReadOnlyBannerViewModel(WriteLock lock, DialogService dialogs, BackgroundRunner runner) {
        this.lock = lock;
        this.dialogs = dialogs;
        lock.addListener(isLocked -> runner.runOnUiThread(() -> update(isLocked)));
        update(lock.isLocked());
    }

    private void update(boolean isLocked) {
        locked.set(isLocked);
        unlocked.set(!isLocked && lock.reason() != null);
        String why = lock.reason() == null ? "" : " (" + lock.reason() + ")";
        text.set(isLocked
                ? "Read-only" + why + ": every change is refused by the storage layer."
                        + (lock.canUnlock() ? "" : " This was set by the operator and cannot be unlocked here.")
                : "Writes are UNLOCKED" + why + ": edits and deletes change the database.");
    }

    public boolean canUnlock() {
        return lock.canUnlock();
    }

    /** Asks, then unlocks; returns whether writes are now allowed. */
    public boolean unlock() {
        if (!lock.canUnlock() || !dialogs.confirm("Unlock writes?",
                "This database opened read-only" + (lock.reason() == null ? "" : " (" + lock.reason() + ")")
                        + ". Unlocking allows edits, inserts, deletes and restores until you lock again or close "
                        + "the app. Every change is audited and deletes go to the trash.")) {
            return false;
        }
        try {
            lock.unlock();
            return true;
        } catch (RuntimeException e) {
            dialogs.showError("Cannot unlock writes", ErrorMessages.describe(e));
            return false;
        }
    }

    public void lockAgain() {
        lock.lock();
    }

    /** Locked: the banner shows. */
    public ReadOnlyBooleanProperty lockedProperty() {
        return locked.getReadOnlyProperty();
    }

    /** A read-only store unlocked by the user: the banner stays, as a warning, with "Lock again". */
    public ReadOnlyBooleanProperty unlockedByUserProperty() {
        return unlocked.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }
}
