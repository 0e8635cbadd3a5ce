package dev.orchestra.storage.factory;

import java.util.concurrent.CompletableFuture;

/**
 * When the background work that opening a store starts (warming the embedded cache) may begin: at once, or when
 * the caller releases it. An app whose window competes with that work for a small machine's CPU holds it until its
 * first page is drawn (BENCHMARKS.md, "GUI: launch and smoothness"); a service or the CLI lets it run at once.
 */
public final class BackgroundWork {
    private final CompletableFuture<Void> allowed = new CompletableFuture<>();

    private BackgroundWork() {
    }

    /** Work starts as soon as it is asked for. */
    public static BackgroundWork immediate() {
        BackgroundWork work = new BackgroundWork();
        work.release();
        return work;
    }

    /** Work waits for {@link #release()}; never released, it never runs. */
    public static BackgroundWork held() {
        return new BackgroundWork();
    }

    /** Lets the held work start, each piece on a daemon thread of its own; later calls do nothing. */
    public void release() {
        allowed.complete(null);
    }

    /** Starts {@code task} on a daemon thread named {@code name}: now when released, else on release. */
    void start(String name, Runnable task) {
        allowed.thenRun(() -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            thread.start();
        });
    }
}
