package dev.orchestra.inspector.ui;

import dev.orchestra.inspector.status.HealthPoll;
import dev.orchestra.storage.factory.MemoryManagerFactory;
import dev.orchestra.inspector.AppContext;
import dev.orchestra.inspector.MainViewModel.Section;
import dev.orchestra.inspector.StoreDescription;
import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.storage.config.StorageConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Opens the real main window in a TestFX stage and reads UI state safely from the test thread. */
public final class InspectorUi {
    /**
     * Monocle's headless screen must be larger than the window (1440×900), or rendering overflows its buffer.
     * Call from a UI test's static initialiser: it must run before the toolkit starts.
     */
    public static void configureHeadlessScreen() {
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    private InspectorUi() {
    }

    public static AppContext open(Stage stage, StoreConnection.Opener opener, StoreDescription description,
                                  Duration healthPeriod) {
        AppContext context = new AppContext(opener, description, Clock.systemDefaultZone(), healthPeriod);
        context.show(stage);
        stage.setWidth(1440);
        stage.setHeight(900);
        return context;
    }

    /** The real window on the store {@code config} opens, polled at the app's own health period. */
    public static AppContext open(Stage stage, StorageConfig config) {
        return open(stage, () -> MemoryManagerFactory.create(config), StoreDescription.of(config), HealthPoll.PERIOD);
    }

    /** Settings for MemoryManagerFactory: a MongoDB URI and database, plus any extra (e.g. Redis) variables. */
    public static StorageConfig config(String mongoUri, String database, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(extra);
        env.put("APP_ENV", "development");
        env.put("MONGODB_URI", mongoUri);
        env.put("MONGODB_DATABASE", database);
        env.put("STORAGE_TIMEOUT_MS", "1500");
        return StorageConfig.fromMap(env);
    }

    /** Runs on the FX thread and returns the result (fails the test after 10 s). */
    public static <T> T fx(Callable<T> action) {
        try {
            return WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("FX call failed", e);
        }
    }

    public static void fxRun(Runnable action) {
        fx(() -> {
            action.run();
            return null;
        });
    }

    /** A node of one feature view, by fx:id. */
    public static <T extends Node> T node(FxRobot robot, AppContext context, Section section, String query) {
        Node root = fx(() -> context.mainView().featureRoot(section));
        return robot.from(root).lookup(query).query();
    }

    public static void show(AppContext context, Section section) {
        fxRun(() -> context.mainModel().sectionProperty().set(section));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
