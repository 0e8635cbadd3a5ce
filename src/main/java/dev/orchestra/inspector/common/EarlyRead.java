package dev.orchestra.inspector.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A read started ahead of need, from any thread (the store's opening thread, say), that a command on the UI thread
 * later adopts instead of querying again: {@link #resultIfDone()} when it has finished, else {@link #waiting()} as
 * the command's work. Nobody is told of its outcome but the command that adopts it.
 */
public final class EarlyRead<T> {
    private final FutureTask<T> task;
    private final BackgroundRunner.Job job;

    private EarlyRead(BackgroundRunner runner, String description, Callable<T> read) {
        this.task = new FutureTask<>(read);
        this.job = runner.run(description, () -> {
            task.run();
            return null;
        }, done -> { }, failed -> { });
    }

    /** Starts {@code read} on {@code runner} now; callable from any thread. */
    public static <T> EarlyRead<T> start(BackgroundRunner runner, String description, Callable<T> read) {
        return new EarlyRead<>(runner, description, read);
    }

    /** The result, when the read has finished without an error; otherwise null (it may still be running). */
    public T resultIfDone() {
        if (!task.isDone() || task.isCancelled()) {
            return null;
        }
        try {
            return task.get(); // done: does not wait
        } catch (ExecutionException e) {
            return null; // the command that waits for it reports the failure
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Work that waits for the read; its failure is thrown as the read's own exception. */
    public Callable<T> waiting() {
        return () -> {
            try {
                return task.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        };
    }

    /** Stops the read (a command waiting for it is cancelled by its own command). */
    public void cancel() {
        task.cancel(true);
        job.cancel();
    }
}
