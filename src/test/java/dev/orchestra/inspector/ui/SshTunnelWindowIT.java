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
import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.inspector.status.HealthPoll;
import dev.orchestra.inspector.status.Light;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.factory.MemoryManagerFactory;
import dev.orchestra.storage.testsupport.MongoTestServer;
import dev.orchestra.storage.testsupport.RedisTestServer;
import java.nio.file.Path;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window on a store reached through an SSH tunnel: the bastion's unknown key is asked about in a dialog (and
 * remembered, or nothing is connected); when the bastion goes away, the status bar says why ("SSH tunnel closed")
 * for MongoDB and Redis without any user action, and it turns green again when the bastion is back.
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
    private static final AtomicInteger RUN = new AtomicInteger();
    private final CompletableFuture<AppContext> created = new CompletableFuture<>();
    private Path knownHosts;
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

    /** Each test starts with a known-hosts file of its own, without the bastion: the window asks first. */
    @Start
    void start(Stage stage) {
        knownHosts = dir.resolve("known_hosts-" + RUN.incrementAndGet());
        HostKeyPrompt askTheWindow = (host, fingerprint) -> created.join().hostKeyQuestion().ask(host, fingerprint);
        context = InspectorUi.open(stage, () -> TunneledStore.open(ssh.withKnownHosts(knownHosts), askTheWindow,
                route -> MemoryManagerFactory.create(config, route)),
                StoreDescription.of(config).via("SSH " + ssh.address()), HealthPoll.PERIOD);
        created.complete(context);
    }

    /** The host-key question the window shows: its text, after the user pressed {@code button}. */
    private String answerHostKeyDialog(FxRobot robot, ButtonType button) {
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> robot.lookup(".dialog-pane").tryQuery()
                .isPresent()));
        DialogPane dialog = fx(() -> robot.lookup(".dialog-pane").queryAs(DialogPane.class));
        String text = fx(dialog::getContentText);
        InspectorUi.fxRun(() -> ((Button) dialog.lookupButton(button)).fire());
        return text;
    }

    @Test
    void anUnknownBastionKeyIsAskedInADialogAndRememberedWhenAccepted(FxRobot robot) throws IOException {
        String question = answerHostKeyDialog(robot, ButtonType.OK);

        assertThat(question).contains("The SSH host 127.0.0.1:" + bastion.port() + " is not known yet")
                .contains("SHA256:");
        await().atMost(Duration.ofSeconds(20)).until(() -> light(true) == Light.GREEN);
        assertThat(Files.readString(knownHosts)).contains("[127.0.0.1]:" + bastion.port());
    }

    @Test
    void aRefusedBastionKeyLeavesTheWindowUnconnectedWithTheReason(FxRobot robot) {
        answerHostKeyDialog(robot, ButtonType.CANCEL);

        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> context.store().stateProperty().get())
                == StoreConnection.State.FAILED);
        assertThat(fx(() -> context.store().errorProperty().get())).contains("was not accepted");
        assertThat(knownHosts).doesNotExist();
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
    void aDroppedTunnelIsShownWithItsReasonThenRecovers(FxRobot robot) {
        answerHostKeyDialog(robot, ButtonType.OK);
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
