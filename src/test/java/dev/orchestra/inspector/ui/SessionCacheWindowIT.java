package dev.orchestra.inspector.ui;

import static dev.orchestra.inspector.ui.InspectorUi.fx;
import static dev.orchestra.inspector.ui.InspectorUi.fxRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orchestra.inspector.AppContext;
import dev.orchestra.inspector.MainViewModel.Section;
import dev.orchestra.inspector.sessions.SessionsView;
import dev.orchestra.inspector.status.Light;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.factory.MemoryManagerFactory;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.SessionSummary;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.mongo.SampleDataSeeder;
import dev.orchestra.storage.redis.CacheKeyView;
import dev.orchestra.storage.redis.CacheKeys;
import dev.orchestra.storage.testsupport.FollowsTarget.Server;
import dev.orchestra.storage.testsupport.FollowsTarget;
import dev.orchestra.storage.testsupport.MongoTestTarget;
import dev.orchestra.storage.testsupport.RedisTestServer;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The sessions view on the sample data (the configured MongoDB and Redis): the Cache tab shows our JSON and
 * a foreign pickle (left untouched), "Edit session record" opens the editor, "Create session record" inserts the
 * missing record. Writes {@code screenshot-cache.png} (to {@code -Dscreenshot.dir}, default target/screenshots).
 */
@FollowsTarget({Server.MONGODB, Server.REDIS})
@ExtendWith(ApplicationExtension.class)
class SessionCacheWindowIT {
    static {
        InspectorUi.configureHeadlessScreen();
    }

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final byte[] PICKLE = {(byte) 0x80, 0x04, (byte) 0x95, 0x12, 0, 0, 0, 0, 0, 0, 0, 0x5d,
            (byte) 0x94, (byte) 0x8c, 0x05, 'h', 'e', 'l', 'l', 'o', (byte) 0x94, 0x61, 0x2e};
    private static MongoTestTarget mongo;
    private static RedisTestServer redis;
    private static StorageConfig config;
    private AppContext context;
    private Stage stage;

    @BeforeAll
    static void seed() {
        mongo = MongoTestTarget.open();
        redis = RedisTestServer.open();
        config = InspectorUi.config(mongo.connectionString(), mongo.newDatabaseName(),
                redis.environment());
        try (MemoryManager m = MemoryManagerFactory.create(config)) {
            assertThat(SampleDataSeeder.seedIfNeeded(m)).isTrue();
        }
    }

    @AfterAll
    static void stopServers() {
        redis.close();
        mongo.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        context = InspectorUi.open(stage, config);
    }

    @AfterEach
    void close() {
        fxRun(() -> context.editing().openedWindows().forEach(Stage::close));
        fxRun(context::close);
    }

    private SessionsView sessionsView() {
        InspectorUi.show(context, Section.SESSIONS);
        await().atMost(WAIT).until(() -> fx(() -> context.statusModel().mongo().lightProperty().get() == Light.GREEN
                && context.statusModel().redis().lightProperty().get() == Light.GREEN));
        await().atMost(WAIT).until(() -> fx(() -> context.sessionsModel().sessions().size()) > 5);
        return (SessionsView) context.mainView().view(Section.SESSIONS);
    }

    private SessionSummary longest(boolean withRecord) {
        return fx(() -> context.sessionsModel().sessions().stream()
                .filter(s -> s.sessionId() != null && s.hasSessionRecord() == withRecord && s.itemCount() > 0)
                .max(Comparator.comparingLong(SessionSummary::itemCount)).orElseThrow());
    }

    @Test
    void cacheTabShowsOurJsonAndAForeignPickleAsBytesAndEditOpensTheRecord(FxRobot robot) throws Exception {
        SessionsView view = sessionsView();
        SessionSummary s = longest(true);
        // What Orchestra would have cached: the session's history and record (ours), a pickle under the user's key.
        MemoryManager manager = fx(() -> context.store().current());
        manager.getConversationHistory(s.userId(), s.sessionId(), 20, null);
        manager.findPage(StoreCollection.USER_SESSIONS, DocumentFilter.forSession(s.userId(), s.sessionId()),
                PageRequest.first(1));
        CacheKeys keys = new CacheKeys(redis.keyPrefix());
        byte[] userKey = keys.history(s.userId(), null).getBytes(StandardCharsets.UTF_8);
        redis.client().set(userKey, PICKLE);
        redis.client().pexpire(userKey, 1_800_000);

        fxRun(() -> {
            context.sessionsModel().selectedProperty().set(s);
            view.cacheTab().getTabPane().getSelectionModel().select(view.cacheTab());
        });
        await().atMost(WAIT).until(() -> fx(() -> context.sessionsModel().cache().keys().stream()
                .filter(k -> k.kind() != CacheKeyView.Kind.ABSENT).count()) == 3);
        CacheKeyView pickle = fx(() -> context.sessionsModel().cache().keys().stream()
                .filter(k -> k.kind() == CacheKeyView.Kind.FOREIGN).findFirst().orElseThrow());
        assertThat(pickle.key()).isEqualTo(keys.history(s.userId(), null));
        robot.clickOn(robot.from(view.cachePanel().table()).lookup(keys.history(s.userId(), null))
                .<Node>query());
        TextArea value = view.cachePanel().value();
        await().atMost(WAIT).until(() -> fx(() -> value.getText()).startsWith("binary, " + PICKLE.length + " bytes"));
        assertThat(fx(() -> value.getText())).contains("80 04 95 12");
        assertThat(redis.client().get(userKey)).as("shown, not changed").isEqualTo(PICKLE);
        write(stage.getScene(), "screenshot-cache.png");

        fxRun(() -> context.sessionsModel().cache().selectedKeyProperty().set(context.sessionsModel().cache().keys()
                .stream().filter(k -> k.type().equals("hash")).findFirst().orElseThrow()));
        assertThat(fx(() -> value.getText())).contains("\"session_id\": \"" + s.sessionId() + "\"");

        Button edit = robot.lookup("#editSessionRecordButton").query();
        assertThat(fx(() -> edit.isDisabled())).isFalse();
        assertThat(fx(() -> robot.lookup("#createSessionRecordButton").<Button>query().isDisabled())).isTrue();
        robot.clickOn(edit);
        await().atMost(WAIT).until(() -> fx(() -> context.editing().openedWindows().size()) == 1);
        Stage editor = fx(() -> context.editing().openedWindows().get(0));
        TextArea json = robot.from(fx(() -> editor.getScene().getRoot())).lookup("#jsonArea").query();
        assertThat(fx(() -> json.getText())).contains(s.sessionId()).contains("ISODate(");
        write(editor.getScene(), "screenshot-session-record.png");
    }

    @Test
    void createSessionRecordInsertsTheMissingRecord(FxRobot robot) {
        sessionsView();
        assertThat(fx(() -> context.sessionsModel().sessions().stream().noneMatch(SessionSummary::isOrphanItems)))
                .as("sessions without a record are found by the scan, not on open").isTrue();
        robot.clickOn(robot.lookup("#scanButton").<Button>query());
        await().atMost(WAIT).until(() -> fx(() -> context.sessionsModel().sessions().stream()
                .anyMatch(SessionSummary::isOrphanItems)));
        SessionSummary orphan = longest(false);
        fxRun(() -> context.sessionsModel().selectedProperty().set(orphan));
        Button create = robot.lookup("#createSessionRecordButton").query();
        await().atMost(WAIT).until(() -> !fx(() -> create.isDisabled()));
        robot.clickOn(create);
        await().atMost(WAIT).until(() -> fx(() -> context.editing().openedWindows().size()) == 1);
        Stage editor = fx(() -> context.editing().openedWindows().get(0));
        Button save = robot.from(fx(() -> editor.getScene().getRoot())).lookup("#saveButton").query();
        robot.clickOn(save);

        await().atMost(WAIT).until(() -> fx(() -> context.sessionsModel().sessions().stream()
                .anyMatch(s -> s.userId().equals(orphan.userId()) && orphan.sessionId().equals(s.sessionId())
                        && s.hasSessionRecord())));
        try (MemoryManager check = MemoryManagerFactory.create(config)) {
            var records = check.findPage(StoreCollection.USER_SESSIONS,
                    DocumentFilter.forSession(orphan.userId(), orphan.sessionId()), PageRequest.first(5)).items();
            assertThat(records).hasSize(1);
            assertThat(records.get(0).isDateTime("created_at")).isTrue();
            assertThat(records.get(0).isDateTime("updated_at")).isTrue();
        }
    }

    private static void write(Scene scene, String name) throws Exception {
        Path dir = Path.of(System.getProperty("screenshot.dir", "target/screenshots"));
        Files.createDirectories(dir);
        WaitForAsyncUtils.waitForFxEvents();
        BufferedImage image = fx(() -> SwingFXUtils.fromFXImage(scene.snapshot(null), null));
        ImageIO.write(image, "png", dir.resolve(name).toFile());
        assertThat(image.getWidth()).isGreaterThan(300);
    }
}
