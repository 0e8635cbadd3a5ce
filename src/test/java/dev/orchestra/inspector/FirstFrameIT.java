package dev.orchestra.inspector;

import static dev.orchestra.inspector.ui.InspectorUi.fx;
import static dev.orchestra.inspector.ui.InspectorUi.fxRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orchestra.inspector.common.FxBackgroundRunner;
import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.inspector.ui.InspectorUi;
import dev.orchestra.storage.error.StorageConnectionException;
import dev.orchestra.storage.inmemory.InMemoryMemoryManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Work held for the first frame runs after the store has opened and a frame was laid out, or when opening failed. */
@ExtendWith(ApplicationExtension.class)
class FirstFrameIT {
    static {
        InspectorUi.configureHeadlessScreen();
    }

    private final FxBackgroundRunner runner = new FxBackgroundRunner(1, 4);
    private final CountDownLatch open = new CountDownLatch(1);
    private Label label;
    /** For each run of the action: the store's state then, and whether a layout had happened since it connected. */
    private final List<String> runs = new ArrayList<>();
    private Scene scene;
    private int layoutsWhileConnected;

    @Start
    void start(Stage stage) {
        label = new Label("connecting");
        scene = new Scene(label, 200, 100);
        scene.addPostLayoutPulseListener(() -> {
            if (label.getText().equals("connected")) {
                layoutsWhileConnected++;
            }
        });
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        open.countDown();
        runner.close();
    }

    private StoreConnection storeOpeningOnRelease() {
        StoreConnection store = new StoreConnection(runner, () -> {
            assertThat(open.await(20, TimeUnit.SECONDS)).isTrue();
            return new InMemoryMemoryManager();
        });
        store.stateProperty().addListener((obs, was, is) -> label.setText(is.name().toLowerCase()));
        return store;
    }

    private void record(StoreConnection store) {
        runs.add(store.stateProperty().get() + " after " + layoutsWhileConnected + " layouts");
    }

    @Test
    void runsOnceAfterTheFirstLayoutWithTheStoreOpenNotBefore() {
        StoreConnection store = storeOpeningOnRelease();
        fxRun(() -> {
            store.connect();
            FirstFrame.after(scene, store.stateProperty(), () -> record(store));
        });
        layOutAFrame("connecting …"); // frames laid out while it connects do not count
        assertThat(fx(() -> List.copyOf(runs))).isEmpty();

        open.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(runs::size) == 1);
        assertThat(fx(() -> runs.get(0))).isEqualTo("CONNECTED after 1 layouts");
        layOutAFrame("later");
        assertThat(fx(runs::size)).as("once").isEqualTo(1);
    }

    /** Changes the label and waits until a frame with it has been laid out. */
    private void layOutAFrame(String text) {
        CountDownLatch laidOut = new CountDownLatch(1);
        Runnable listener = laidOut::countDown;
        fxRun(() -> {
            scene.addPostLayoutPulseListener(listener);
            label.setText(text);
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> laidOut.getCount() == 0);
        fxRun(() -> scene.removePostLayoutPulseListener(listener));
    }

    @Test
    void runsAtOnceWhenOpeningFails() {
        StoreConnection store = new StoreConnection(runner, () -> {
            throw new StorageConnectionException("no server");
        });
        fxRun(() -> {
            store.connect();
            FirstFrame.after(scene, store.stateProperty(), () -> record(store));
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(runs::size) == 1);
        assertThat(fx(() -> runs.get(0))).startsWith("FAILED");
    }
}
