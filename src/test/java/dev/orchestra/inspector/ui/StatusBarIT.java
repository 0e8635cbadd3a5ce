package dev.orchestra.inspector.ui;

import static dev.orchestra.inspector.ui.InspectorUi.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orchestra.inspector.AppContext;
import dev.orchestra.inspector.status.Light;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.testsupport.MongoTestServer;
import dev.orchestra.storage.testsupport.RedisTestServer;
import java.time.Duration;
import javafx.scene.control.Label;
import javafx.scene.shape.Circle;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The status bar follows real servers: the test stops and restarts the in-process MongoDB-wire server and an
 * embedded redis-server, and the indicators must change within 5 seconds, with no user action.
 */
@ExtendWith(ApplicationExtension.class)
class StatusBarIT {
    static {
        InspectorUi.configureHeadlessScreen();
    }

    private static final Duration FIVE_SECONDS = Duration.ofSeconds(5);
    private static MongoTestServer mongo;
    private static RedisTestServer redis;
    private static StorageConfig config;
    private AppContext context;

    @BeforeAll
    static void startServers() {
        mongo = MongoTestServer.start();
        redis = RedisTestServer.openEmbedded();
        config = InspectorUi.config(mongo.connectionString(), mongo.uniqueDatabaseName(), redis.environment());
    }

    @AfterAll
    static void stopServers() {
        redis.close();
        mongo.close();
    }

    @Start
    void start(Stage stage) {
        context = InspectorUi.open(stage, config);
    }

    @AfterEach
    void close() {
        InspectorUi.fxRun(context::close);
        mongo.restart();
        redis.start();
    }

    private Light mongoLight() {
        return fx(() -> context.statusModel().mongo().lightProperty().get());
    }

    private Light redisLight() {
        return fx(() -> context.statusModel().redis().lightProperty().get());
    }

    private String overall() {
        return fx(() -> context.statusModel().overallTextProperty().get());
    }

    private void awaitAllGreen() {
        await().atMost(Duration.ofSeconds(20)).until(() -> mongoLight() == Light.GREEN && redisLight() == Light.GREEN);
    }

    @Test
    void redisStoppedTurnsAmberAndDegradedThenGreenAgain(FxRobot robot) {
        awaitAllGreen();
        Circle redisDot = robot.lookup("#redisLight").queryAs(Circle.class);
        Label redisLabel = robot.lookup("#redisLabel").queryAs(Label.class);
        assertThat(fx(() -> redisDot.getStyleClass().contains("light-green"))).isTrue();

        redis.stop();
        await().atMost(FIVE_SECONDS).until(() -> redisLight() == Light.AMBER);
        assertThat(overall()).isEqualTo("degraded");
        assertThat(mongoLight()).isEqualTo(Light.GREEN);
        assertThat(fx(() -> redisDot.getStyleClass().contains("light-amber"))).isTrue();
        String text = fx(redisLabel::getText);
        assertThat(text).startsWith("Redis (standalone) · bypassed");

        redis.start();
        await().atMost(FIVE_SECONDS).until(() -> redisLight() == Light.GREEN);
        assertThat(overall()).isEqualTo("ok");
        String tooltip = fx(() -> redisLabel.getTooltip().getText());
        assertThat(tooltip).as("a recovered component drops its old error").doesNotContain("last error")
                .startsWith("Redis: ok");
    }

    @Test
    void mongoStoppedTurnsRedAndErrorThenGreenAgain(FxRobot robot) {
        awaitAllGreen();
        Circle mongoDot = robot.lookup("#mongoLight").queryAs(Circle.class);

        mongo.stop();
        await().atMost(FIVE_SECONDS).until(() -> mongoLight() == Light.RED);
        assertThat(overall()).isEqualTo("error");
        assertThat(fx(() -> mongoDot.getStyleClass().contains("light-red"))).isTrue();

        mongo.restart();
        await().atMost(FIVE_SECONDS).until(() -> mongoLight() == Light.GREEN);
        assertThat(overall()).isEqualTo("ok");
        assertThat(fx(() -> context.healthModel().history().outages().size())).isEqualTo(1);
        assertThat(fx(() -> context.healthModel().history().outages().get(0).isOngoing())).isFalse();
    }
}
