package dev.orchestra.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** What long-running commands ({@code serve-health}) wait for before they stop. */
public interface ShutdownSignal {
    /** Blocks until the command should stop. */
    void await() throws InterruptedException;

    /** Called by the command once it has released its resources. */
    default void stopped() {
    }

    /** Until the JVM is asked to stop (Ctrl-C, SIGTERM); the JVM then waits briefly for the command to clean up. */
    static ShutdownSignal jvmShutdown() {
        CountDownLatch requested = new CountDownLatch(1);
        CountDownLatch cleanedUp = new CountDownLatch(1);
        return new ShutdownSignal() {
            @Override
            public void await() throws InterruptedException {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    requested.countDown();
                    try {
                        cleanedUp.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "cli-shutdown"));
                requested.await();
            }

            @Override
            public void stopped() {
                cleanedUp.countDown();
            }
        };
    }
}
