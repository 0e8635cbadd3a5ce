package dev.orchestra.inspector.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;

/**
 * The one bridge between worker threads and the JavaFX Application Thread. ViewModels hand it the slow part
 * (a storage call) and the two continuations; the continuations always run on the thread that owns the UI state
 * (the FX thread in the app, the caller's thread in unit tests with {@link SameThreadRunner}).
 */
public interface BackgroundRunner extends AutoCloseable {

    /**
     * Runs {@code work} off the UI thread. Exactly one of the continuations runs, on the UI thread, unless the job
     * is cancelled first, in which case neither does.
     *
     * @param description what the job does, for logs and the status bar
     */
    <T> Job run(String description, Callable<T> work, Consumer<? super T> onSuccess,
                Consumer<? super Throwable> onFailure);

    /** Posts an action to the UI thread (for results that arrive from elsewhere, e.g. another library's thread). */
    void runOnUiThread(Runnable action);

    /** How many jobs are running or queued; drives the progress indicator. Read on the UI thread. */
    ReadOnlyIntegerProperty busyProperty();

    /** Stops accepting work and interrupts running jobs. */
    @Override
    void close();

    /** A submitted job. */
    interface Job {
        /** Drops the result (neither continuation runs) and interrupts the worker; harmless when already done. */
        void cancel();

        boolean isCancelled();

        boolean isDone();

        /** A job that is already done; the initial value for "current job" fields. */
        Job NONE = new Job() {
            @Override
            public void cancel() {
            }

            @Override
            public boolean isCancelled() {
                return false;
            }

            @Override
            public boolean isDone() {
                return true;
            }
        };
    }
}
