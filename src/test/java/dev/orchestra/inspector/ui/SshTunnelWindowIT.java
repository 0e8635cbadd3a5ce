package dev.orchestra.inspector.ui;

import static dev.orchestra.inspector.ui.InspectorUi.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orchestra.connections.ssh.HostKeyPrompt;
import dev.orchestra.connections.ssh.SshSettings;
import dev.orchestra.connections.ssh.TestBastion;
import dev.orchestra.connections.ssh.TunneledStore;
import dev.orchestra.inspector.AppContext;
import dev.orchestra.inspector.StoreDescription;
import dev.orchestra.inspector.status.HealthPoll;
import dev.orchestra.inspector.status.Light;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.factory.MemoryManagerFactory;
import dev.orchestra.storage.testsupport.MongoTestServer;
import dev.orchestra.storage.testsupport.RedisTestServer;
import java.nio.file.Path;
import java.time.Duration;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window on a store reached through an SSH tunnel: when the bastion goes away, the status bar says why ("SSH
 * tunnel closed") for MongoDB and Redis without any user action, and it turns green again when the bastion is back.
 */
@ExtendWith(ApplicationExtension.class)
class SshTunnelWindowIT {
    static {
        InspectorUi.configureHeadlessScreen();
    }

    private static MongoTestServer mongo;
    private static RedisTestServer redis;
    private static TestBastion bastion;
    @TempDir
    static Path dir;
    private static StorageConfig config;
    private static SshSettings ssh;
    private AppContext context;

    @BeforeAll
    static void startServers() {
        mongo = MongoTestServer.start();
        redis = RedisTestServer.openEmbedded();
        bastion = TestBastion.open();
        ssh = bastion.keyLogin(bastion.writeUserKey(dir.resolve("id"), null), null, dir.resolve("known_hosts"));
        config = InspectorUi.config(mongo.connectionString(), mongo.uniqueDatabaseName(), redis.environment());
    }

    @AfterAll
    static void stopServers() {
        bastion.close();
        redis.close();
        mongo.close();
    }

    @Start
    void start(Stage stage) {
        context = InspectorUi.open(stage, () -> TunneledStore.open(ssh, HostKeyPrompt.ACCEPT_NEW,
                route -> MemoryManagerFactory.create(config, route)),
                StoreDescription.of(config).via("SSH " + ssh.address()), HealthPoll.PERIOD);
    }

    @AfterEach
    void close() {
        InspectorUi.fxRun(context::close);
    }

    private Light light(boolean mongoDb) {
        return fx(() -> (mongoDb ? context.statusModel().mongo() : context.statusModel().redis())
                .lightProperty().get());
    }

    private String tooltip(boolean mongoDb) {
        return fx(() -> (mongoDb ? context.statusModel().mongo() : context.statusModel().redis())
                .tooltipProperty().get());
    }

    @Test
    void aDroppedTunnelIsShownWithItsReasonThenRecovers() {
        await().atMost(Duration.ofSeconds(20)).until(() -> light(true) == Light.GREEN && light(false) == Light.GREEN);
        assertThat(bastion.forwardedConnections()).isPositive();

        bastion.stop();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(light(true)).isEqualTo(Light.RED);
            assertThat(tooltip(true)).contains("SSH tunnel closed");
            assertThat(tooltip(false)).contains("SSH tunnel closed");
        });
        assertThat(light(false)).isNotEqualTo(Light.GREEN);

        bastion.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> light(true) == Light.GREEN && light(false) == Light.GREEN);
        assertThat(tooltip(true)).doesNotContain("SSH tunnel closed");
    }
}
