package dev.orchestra.inspector.transfer;

import dev.orchestra.inspector.common.BackgroundRunner;
import dev.orchestra.storage.transfer.TransferPhase;
import dev.orchestra.storage.transfer.TransferProgress;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;

/**
 * The running part of an export or import, shared by both dialogs: progress (0..1, or -1 while unknown), a line
 * saying what is happening, and a cancel that the transfer sees at its next batch boundary. Whether a transfer
 * runs is the ViewModel's async command's to say; this class only describes it. Properties change on
 * the UI thread only; the {@link TransferProgress} it hands out is called on the worker and posts through the runner.
 */
public final class TransferStatus {
    /**
     * How the last transfer ended, for the summary's colour: OK, WARNING (done, but lines were rejected or the user
     * cancelled), PROBLEM (failed or refused).
     */
    public enum Outcome { NONE, OK, WARNING, PROBLEM }

    private final BackgroundRunner runner;
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private final ObservableBooleanValue running;
    private final ReadOnlyBooleanWrapper cancelling = new ReadOnlyBooleanWrapper(this, "cancelling");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome", Outcome.NONE);

    /** @param running whether the transfer's command runs (true from just after {@link #begin} to the outcome) */
    TransferStatus(BackgroundRunner runner, ObservableBooleanValue running) {
        this.runner = runner;
        this.running = running;
    }

    /** Marks a transfer as started; the returned listener reports to this status and stops when cancelled. */
    TransferProgress begin(String text) {
        cancelRequested.set(false);
        cancelling.set(false);
        progress.set(-1);
        message.set(text);
        outcome.set(Outcome.NONE);
        return (phase, done, total) -> {
            runner.runOnUiThread(() -> report(phase, done, total));
            return !cancelRequested.get();
        };
    }

    private void report(TransferPhase phase, long done, long total) {
        if (!running.get()) {
            return;
        }
        progress.set(total <= 0 ? -1 : Math.min(1.0, (double) done / total));
        if (cancelling.get()) {
            return;
        }
        if (phase.countsBytes()) {
            message.set(String.format(Locale.ROOT, "%s… %.0f%% of the file", phase.label(),
                    total <= 0 ? 0 : 100.0 * done / total));
        } else {
            message.set(String.format(Locale.ROOT, "%s… %,d of %s documents", phase.label(), done,
                    total < 0 ? "?" : String.format(Locale.ROOT, "%,d", total)));
        }
    }

    void finish(String text, Outcome result) {
        progress.set(1);
        message.set(text);
        outcome.set(result);
        cancelling.set(false);
    }

    void fail(String text) {
        progress.set(0);
        message.set(text);
        outcome.set(Outcome.PROBLEM);
        cancelling.set(false);
    }

    /** Idle again, with {@code text}: empty, or why the command is refused. */
    void reset(String text) {
        progress.set(0);
        message.set(text);
        outcome.set(text.isEmpty() ? Outcome.NONE : Outcome.PROBLEM);
    }

    /** Asks the running transfer to stop at its next batch boundary. */
    void cancel() {
        if (running.get() && cancelRequested.compareAndSet(false, true)) {
            cancelling.set(true);
            message.set("Cancelling…");
        }
    }

    boolean isRunning() {
        return running.get();
    }

    ReadOnlyBooleanProperty cancellingProperty() {
        return cancelling.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
