package dev.orchestra.inspector.common;

import dev.orchestra.inspector.common.BackgroundRunner.Job;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;

/**
 * One background operation of a ViewModel with the state a view binds to: whether it is running, whether it may
 * start now, its progress and status message, and the last failure as one line. The work runs through
 * {@link BackgroundRunner#run} and every state change happens on the UI thread, so ViewModels stop repeating their
 * own "loading = true / false / error" bookkeeping and unit tests stay deterministic with a same-thread runner.
 *
 * <p>A new {@link #execute} replaces a run still in progress (the newest request wins, like a reload); a command
 * that must not overlap is guarded by {@link #executableProperty()} in the view. Call it on the UI thread only.
 */
public final class AsyncCommand<T> {
    /** The work's view of its run: progress reports (delivered on the UI thread) and a cooperative stop. */
    public interface Progress {
        /** @param fraction 0..1, or negative for "indeterminate"; {@code message} may be null to keep the old one */
        void update(double fraction, String message);

        /** Whether {@link #requestStop()} was called: long work checks it between steps and ends early. */
        boolean stopRequested();
    }

    /** Work that reports progress or stops early. */
    @FunctionalInterface
    public interface Work<T> {
        T call(Progress progress) throws Exception;
    }

    private final BackgroundRunner runner;
    private final String description;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final BooleanBinding executable;
    private Job job = Job.NONE;
    private Run current;

    /** A command that may run whenever it is not already running. */
    public AsyncCommand(BackgroundRunner runner, String description) {
        this(runner, description, new ReadOnlyBooleanWrapper(true));
    }

    /** @param condition when, apart from "not running", the command may start (e.g. "the form is valid") */
    public AsyncCommand(BackgroundRunner runner, String description, ObservableBooleanValue condition) {
        this.runner = runner;
        this.description = description;
        this.executable = Bindings.createBooleanBinding(() -> condition.get() && !running.get(), condition, running);
    }

    /** Runs {@code work}; a failure becomes the {@link #errorProperty() error} line. */
    public Job execute(Callable<? extends T> work, Consumer<? super T> onSuccess) {
        return execute(work, onSuccess, e -> error.set(ErrorMessages.describe(e)));
    }

    /** Runs {@code work}; {@code onFailure} decides what a failure means (the error line stays empty). */
    public Job execute(Callable<? extends T> work, Consumer<? super T> onSuccess,
                       Consumer<? super Throwable> onFailure) {
        return execute(p -> work.call(), onSuccess, onFailure);
    }

    /** Runs work that reports progress or stops early; a failure becomes the error line. */
    public Job execute(Work<? extends T> work, Consumer<? super T> onSuccess) {
        return execute(work, onSuccess, e -> error.set(ErrorMessages.describe(e)));
    }

    public Job execute(Work<? extends T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        job.cancel();
        Run run = new Run();
        current = run;
        error.set(null);
        progress.set(-1);
        running.set(true);
        // The runner may finish at once (same-thread runner), so the job is stored only if this run is still current.
        Job submitted = runner.run(description, () -> work.call(run),
                result -> finish(run, () -> onSuccess.accept(result)),
                e -> finish(run, () -> onFailure.accept(e)));
        if (current == run) {
            job = submitted;
        }
        return submitted;
    }

    /**
     * Runs the outcome's handler, then turns {@code running} off: whoever listens to "running" (a progress window
     * that closes itself, a "loading" indicator) sees the outcome already in place. A handler that starts this
     * command again keeps it running.
     */
    private void finish(Run run, Runnable handler) {
        if (current != run) {
            return;
        }
        current = null;
        job = Job.NONE;
        try {
            handler.run();
        } finally {
            if (current == null) {
                running.set(false);
            }
        }
    }

    /** Stops waiting for the running work: neither continuation runs. Returns whether anything was running. */
    public boolean cancel() {
        boolean wasRunning = running.get();
        Job j = job;
        current = null;
        job = Job.NONE;
        j.cancel();
        running.set(false);
        return wasRunning;
    }

    /** Asks the running work to end early at its next check; its continuation still runs with what it did. */
    public boolean requestStop() {
        Run run = current;
        return run != null && run.stop.compareAndSet(false, true);
    }

    public boolean isRunning() {
        return running.get();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Whether the command may start now: the caller's condition holds and it is not running. */
    public BooleanBinding executableProperty() {
        return executable;
    }

    /** 0..1 as reported by the work, or -1 (indeterminate). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The work's last progress message. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The last failure as one line (never a stack trace or a secret); null after a new start or a success. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** One run's link back to the command; reports from a replaced or cancelled run are dropped. */
    private final class Run implements Progress {
        private final AtomicBoolean stop = new AtomicBoolean();

        @Override
        public void update(double fraction, String text) {
            runner.runOnUiThread(() -> {
                if (current == this) {
                    progress.set(fraction < 0 ? -1 : Math.min(1.0, fraction));
                    if (text != null) {
                        message.set(text);
                    }
                }
            });
        }

        @Override
        public boolean stopRequested() {
            return stop.get();
        }
    }
}
