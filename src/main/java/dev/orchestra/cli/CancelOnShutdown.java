package dev.orchestra.cli;

import dev.orchestra.storage.transfer.TransferProgress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns Ctrl-C (the JVM shutting down) during a transfer into a cancel at the next batch, and holds the shutdown
 * until the command has finished: a file export then leaves no partial file, an import reports exactly what it wrote.
 */
final class CancelOnShutdown implements AutoCloseable {
    private static final long GRACE_SECONDS = 10;

    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    CancelOnShutdown() {
        hook = new Thread(() -> {
            requested.set(true);
            try {
                finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cli-cancel-on-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** {@code progress}, but cancelling once a shutdown was requested. */
    TransferProgress wrap(TransferProgress progress) {
        return (phase, done, total) -> !requested.get() && progress.onProgress(phase, done, total);
    }

    boolean requested() {
        return requested.get();
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it will see the latch released
        }
    }
}
