package dev.orchestra.inspector.common;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs jobs on a small bounded pool of daemon threads and delivers results on the FX thread. This is the only
 * class of the app that calls {@link Platform#runLater}.
 */
public final class FxBackgroundRunner implements BackgroundRunner {
    private static final Logger LOG = LoggerFactory.getLogger(FxBackgroundRunner.class);

    private final ThreadPoolExecutor executor;
    private final ReadOnlyIntegerWrapper busy = new ReadOnlyIntegerWrapper(this, "busy", 0);

    public FxBackgroundRunner(int threads, int queueCapacity) {
        AtomicInteger counter = new AtomicInteger();
        executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueCapacity), r -> {
                    Thread t = new Thread(r, "inspector-worker-" + counter.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        executor.allowCoreThreadTimeOut(true);
    }

    @Override
    public <T> Job run(String description, Callable<T> work, Consumer<? super T> onSuccess,
                       Consumer<? super Throwable> onFailure) {
        FxJob job = new FxJob();
        changeBusy(+1);
        try {
            job.future = executor.submit(() -> execute(description, work, onSuccess, onFailure, job));
        } catch (RejectedExecutionException e) {
            job.finish();
            runOnUiThread(() -> onFailure.accept(new IllegalStateException(
                    "Too much background work queued; try again in a moment")));
        }
        return job;
    }

    private <T> void execute(String description, Callable<T> work, Consumer<? super T> onSuccess,
                             Consumer<? super Throwable> onFailure, FxJob job) {
        long start = System.nanoTime();
        try {
            T result = work.call();
            LOG.debug("{} took {} ms", description, (System.nanoTime() - start) / 1_000_000);
            runOnUiThread(() -> {
                if (job.finish()) {
                    onSuccess.accept(result);
                }
            });
        } catch (Throwable e) {
            if (!job.cancelled.get()) {
                LOG.debug("{} failed: {}", description, e.toString());
            }
            runOnUiThread(() -> {
                if (job.finish()) {
                    onFailure.accept(e);
                }
            });
        }
    }

    @Override
    public void runOnUiThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public ReadOnlyIntegerProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    private void changeBusy(int delta) {
        runOnUiThread(() -> busy.set(Math.max(0, busy.get() + delta)));
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private final class FxJob implements Job {
        private final AtomicBoolean done = new AtomicBoolean();
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private volatile Future<?> future;

        /** Marks the job finished once; true for the caller that did it (so busy drops exactly once). */
        boolean finish() {
            if (done.compareAndSet(false, true)) {
                changeBusy(-1);
                return true;
            }
            return false;
        }

        @Override
        public void cancel() {
            if (finish()) {
                cancelled.set(true);
                Future<?> f = future;
                if (f != null) {
                    f.cancel(true);
                }
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled.get();
        }

        @Override
        public boolean isDone() {
            return done.get();
        }
    }
}
