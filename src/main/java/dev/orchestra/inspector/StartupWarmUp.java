package dev.orchestra.inspector;

import org.slf4j.LoggerFactory;

/**
 * Starts Logback on a second core while the JavaFX toolkit starts: reading its configuration loads ~500 classes,
 * which the first logger created on the FX thread used to load there while the window was being built (JFR of a
 * launch, BENCHMARKS.md "GUI: launch and smoothness"). If it loses the race, the FX thread waits for it instead.
 */
public final class StartupWarmUp {
    private StartupWarmUp() {
    }

    /** Starts it on a daemon thread and returns at once. */
    public static void begin() {
        Thread thread = new Thread(LoggerFactory::getILoggerFactory, "startup-warm-up");
        thread.setDaemon(true);
        thread.start();
    }
}
