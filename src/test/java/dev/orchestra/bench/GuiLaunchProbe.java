package dev.orchestra.bench;

import dev.orchestra.inspector.AppContext;
import dev.orchestra.inspector.FirstFrame;
import dev.orchestra.inspector.StartupWarmUp;
import dev.orchestra.inspector.StoreDescription;
import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.inspector.status.HealthPoll;
import dev.orchestra.storage.config.NetworkRoute;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.factory.BackgroundWork;
import dev.orchestra.storage.factory.MemoryManagerFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * One launch of the app in a fresh JVM (headless Monocle) on the embedded store whose file lives in {@code args[0]}:
 * builds the window as {@code InspectorApp} does and prints {@code RESULT} with the wall-clock time of the first
 * layout pulse in which the memory items table holds rows (the pulse that renders them; the parent subtracts the
 * time it started the process) and the time to it from {@code AppContext} construction, with a breakdown: window
 * built ({@code AppContext} + {@code show}) and store opened (embedded server started, indexes, seeding when new).
 * Exits after that.
 */
public final class GuiLaunchProbe {
    private GuiLaunchProbe() {
    }

    public static void main(String[] args) throws Exception {
        StorageConfig config = StorageConfig.fromMap(Map.of("APP_ENV", "development", "EMBEDDED_DATA_DIR", args[0]));
        CountDownLatch shown = new CountDownLatch(1);
        AtomicLong contextNanos = new AtomicLong();
        AtomicLong shownNanos = new AtomicLong();
        AtomicLong shownEpochMillis = new AtomicLong();
        AtomicLong rows = new AtomicLong();
        AtomicLong windowNanos = new AtomicLong();
        AtomicLong connectedNanos = new AtomicLong();
        AppContext[] context = new AppContext[1];
        StartupWarmUp.begin(); // as Launcher does before starting the toolkit
        Platform.startup(() -> {
            contextNanos.set(System.nanoTime());
            // as ConnectedWindow opens it: the store's background work waits for the first page
            BackgroundWork storeWork = BackgroundWork.held();
            context[0] = new AppContext(() -> MemoryManagerFactory.create(config, NetworkRoute.DIRECT, storeWork),
                    StoreDescription.of(config), Clock.systemDefaultZone(), HealthPoll.PERIOD);

            Stage stage = new Stage();
            context[0].store().stateProperty().addListener((obs, was, is) -> {
                if (is == StoreConnection.State.CONNECTED) {
                    connectedNanos.set(System.nanoTime());
                }
            });
            Scene scene = context[0].show(stage);
            FirstFrame.after(scene, context[0].store().stateProperty(), storeWork::release);
            windowNanos.set(System.nanoTime());
            scene.addPostLayoutPulseListener(() -> {
                int size = context[0].memoryModel().rows().size();
                if (size > 0 && shown.getCount() > 0) {
                    shownNanos.set(System.nanoTime());
                    shownEpochMillis.set(Instant.now().toEpochMilli());
                    rows.set(size);
                    shown.countDown();
                }
            });
        });
        if (!shown.await(120, TimeUnit.SECONDS)) {
            System.out.println("FAILED no rows shown within 120 s");
            System.exit(1);
        }
        System.out.println("RESULT shownAtEpochMs=" + shownEpochMillis.get()
                + " sinceContextMs=" + (shownNanos.get() - contextNanos.get()) / 1_000_000
                + " windowBuiltMs=" + (windowNanos.get() - contextNanos.get()) / 1_000_000
                + " storeOpenMs=" + (connectedNanos.get() - windowNanos.get()) / 1_000_000
                + " rows=" + rows.get());
        System.out.flush();
        CountDownLatch closed = new CountDownLatch(1);
        Platform.runLater(() -> {
            context[0].close();
            closed.countDown();
        });
        closed.await(10, TimeUnit.SECONDS);
        System.exit(0);
    }
}
