package dev.orchestra.inspector;

import static dev.orchestra.inspector.ui.InspectorUi.fx;
import static dev.orchestra.inspector.ui.InspectorUi.fxRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orchestra.inspector.common.FxBackgroundRunner;
import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.inspector.ui.InspectorUi;
import dev.orchestra.storage.inmemory.InMemoryMemoryManager;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The connecting overlay's spinner is not built for a quick connection, and appears while a slow one goes on. */
@ExtendWith(ApplicationExtension.class)
class ConnectingSpinnerIT {
    static {
        InspectorUi.configureHeadlessScreen();
    }

    private final FxBackgroundRunner runner = new FxBackgroundRunner(1, 4);
    private final CountDownLatch release = new CountDownLatch(1);
    private final VBox overlay = new VBox();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(overlay, 200, 200));
        stage.show();
    }

    @AfterEach
    void close() {
        release.countDown();
        runner.close();
    }

    @Test
    void aQuickConnectionBuildsNoSpinner() {
        StoreConnection store = new StoreConnection(runner, InMemoryMemoryManager::new);
        PauseTransition delay = fx(() -> {
            PauseTransition timer = ConnectingSpinner.addWhenSlow(store, overlay);
            store.connect();
            return timer;
        });
        assertThat(fx(delay::getStatus)).isEqualTo(Animation.Status.RUNNING);
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(store::isConnected));
        // the delay has run out and found the store connected
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(delay::getStatus) == Animation.Status.STOPPED);
        assertThat(fx(() -> overlay.lookup(".connecting-spinner"))).isNull();
    }

    @Test
    void aSlowConnectionShowsTheSpinnerUntilItIsOpen() {
        StoreConnection store = new StoreConnection(runner, () -> {
            assertThat(release.await(20, TimeUnit.SECONDS)).isTrue();
            return new InMemoryMemoryManager();
        });
        fxRun(() -> {
            ConnectingSpinner.addWhenSlow(store, overlay);
            store.connect();
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> overlay.lookup(".connecting-spinner")) != null);
        Node spinner = fx(() -> overlay.lookup(".connecting-spinner"));
        assertThat(spinner).isInstanceOf(ProgressIndicator.class);
        assertThat(fx(spinner::isVisible)).isTrue();

        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(store::isConnected));
        assertThat(fx(spinner::isVisible)).isFalse();
    }
}
