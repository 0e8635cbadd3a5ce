package dev.orchestra.bench;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * One launch of the floor ({@link FloorApp}) in a fresh JVM, started exactly as {@link GuiLaunchProbe} starts the
 * inspector (same options, same classpath, same toolkit start-up): prints {@code RESULT} with the wall-clock time
 * of the first layout pulse in which the table holds its rows (the parent subtracts the time it started the
 * process), and the time spent building the window on the FX thread. Exits after that.
 */
public final class FloorLaunchProbe {
    private FloorLaunchProbe() {
    }

    public static void main(String[] args) throws Exception {
        CountDownLatch shown = new CountDownLatch(1);
        AtomicLong startedNanos = new AtomicLong();
        AtomicLong windowNanos = new AtomicLong();
        AtomicLong shownEpochMillis = new AtomicLong();
        AtomicLong shownNanos = new AtomicLong();
        Platform.startup(() -> {
            startedNanos.set(System.nanoTime());
            FloorApp floor = new FloorApp();
            Scene scene = floor.show(new Stage());
            windowNanos.set(System.nanoTime());
            scene.addPostLayoutPulseListener(() -> {
                if (!floor.table().getItems().isEmpty() && shown.getCount() > 0) {
                    shownNanos.set(System.nanoTime());
                    shownEpochMillis.set(Instant.now().toEpochMilli());
                    shown.countDown();
                }
            });
        });
        if (!shown.await(120, TimeUnit.SECONDS)) {
            System.out.println("FAILED no rows shown within 120 s");
            System.exit(1);
        }
        System.out.println("RESULT shownAtEpochMs=" + shownEpochMillis.get()
                + " sinceContextMs=" + (shownNanos.get() - startedNanos.get()) / 1_000_000
                + " windowBuiltMs=" + (windowNanos.get() - startedNanos.get()) / 1_000_000
                + " rows=" + FloorApp.ROWS);
        System.out.flush();
        System.exit(0);
    }
}
