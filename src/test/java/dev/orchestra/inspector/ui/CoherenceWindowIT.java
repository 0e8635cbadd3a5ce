package dev.orchestra.inspector.ui;

import static dev.orchestra.inspector.ui.InspectorUi.fx;
import static dev.orchestra.inspector.ui.InspectorUi.fxRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orchestra.inspector.AppContext;
import dev.orchestra.inspector.MainViewModel.Section;
import dev.orchestra.inspector.coherence.CoherenceView;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.coherence.CacheFinding;
import dev.orchestra.storage.coherence.CoherenceClass;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.factory.MemoryManagerFactory;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.SessionSummary;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.mongo.MongoMemoryManager;
import dev.orchestra.storage.mongo.SampleDataSeeder;
import dev.orchestra.storage.redis.CacheKeys;
import dev.orchestra.storage.testsupport.MongoTestServer;
import dev.orchestra.storage.testsupport.RedisTestServer;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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
 * The Coherence section in the real window on the sample data (mongo-java-server, an embedded redis-server):
 * cached sessions, one made stale and one orphan behind the cache's back, a pickle under our key names, a key about
 * to expire. The counts, the table, the diff, and Repair selected. Writes {@code screenshot-coherence.png} (to
 * {@code -Dscreenshot.dir}, default target/screenshots).
 */
@ExtendWith(ApplicationExtension.class)
class CoherenceWindowIT {
    static {
        InspectorUi.configureHeadlessScreen();
    }

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final byte[] PICKLE = {(byte) 0x80, 0x04, (byte) 0x95, 0x12, 0, 0, 0, 0, 0, 0, 0, 0x5d,
            (byte) 0x94, (byte) 0x8c, 0x05, 'h', 'e', 'l', 'l', 'o', (byte) 0x94, 0x61, 0x2e};
    private static MongoTestServer mongo;
    private static RedisTestServer redis;
    private static StorageConfig config;
    private static String database;
    private static CacheKeys keys;
    private static SessionSummary stale;
    private static SessionSummary orphan;
    private AppContext context;
    private Stage stage;

    @BeforeAll
    static void seedAndCache() {
        mongo = MongoTestServer.start();
        redis = RedisTestServer.openEmbedded();
        database = "orchestra_" + mongo.uniqueDatabaseName();
        config = InspectorUi.config(mongo.connectionString(), database, redis.environment());
        keys = new CacheKeys(redis.keyPrefix());
        try (MemoryManager tiered = MemoryManagerFactory.create(config);
             MongoMemoryManager behindTheBack = new MongoMemoryManager(mongo.connectionString(), database,
                     Duration.ofSeconds(5))) {
            assertThat(SampleDataSeeder.seedIfNeeded(tiered)).isTrue();
            List<SessionSummary> sessions = tiered.listSessions(null, 50).stream()
                    .filter(s -> s.sessionId() != null && s.itemCount() > 0 && s.userId().matches("[a-z]+")).toList();
            for (SessionSummary s : sessions) {
                tiered.getConversationHistory(s.userId(), s.sessionId(), 20, null);
                tiered.findPage(StoreCollection.USER_SESSIONS, DocumentFilter.forSession(s.userId(), s.sessionId()),
                        PageRequest.first(1));
            }
            stale = sessions.get(0);
            orphan = sessions.get(1);
            behindTheBack.initialize();
            behindTheBack.addMemoryItem(MemoryItem.of(stale.userId(), stale.sessionId(), "conversation",
                    "Written by another process, not through the cache").withTimestamp(Instant.now()));
            behindTheBack.deleteMatching(StoreCollection.MEMORY_ITEMS,
                    DocumentFilter.forSession(orphan.userId(), orphan.sessionId()), 100, null);
            redis.client().set(keys.history("legacy_py", "sess_pickle").getBytes(StandardCharsets.UTF_8), PICKLE);
            redis.client().pexpire(keys.history(sessions.get(2).userId(), sessions.get(2).sessionId()), 25_000);
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
        fxRun(context::close);
    }

    private CacheFinding finding(String key) {
        return fx(() -> context.coherenceModel().findings().stream().filter(f -> f.key().equals(key)).findFirst()
                .orElse(null));
    }

    @Test
    void theViewCountsEachClassShowsTheDiffAndRepairsTheSelectedStaleKey(FxRobot robot) throws Exception {
        await().atMost(WAIT).until(() -> fx(() -> context.store().isConnected()));
        InspectorUi.show(context, Section.COHERENCE);
        CoherenceView view = (CoherenceView) context.mainView().view(Section.COHERENCE);
        String staleKey = keys.history(stale.userId(), stale.sessionId());
        await().atMost(WAIT).until(() -> finding(staleKey) != null);

        assertThat(finding(staleKey).coherence()).isEqualTo(CoherenceClass.STALE);
        assertThat(finding(keys.history(orphan.userId(), orphan.sessionId())).coherence())
                .isEqualTo(CoherenceClass.ORPHAN);
        assertThat(finding(keys.history("legacy_py", "sess_pickle")).coherence()).isEqualTo(CoherenceClass.FOREIGN);
        assertThat(fx(() -> context.coherenceModel().countProperty(CoherenceClass.EXPIRING).get())).isEqualTo(1);
        Label staleCount = robot.from(view.root()).lookup("#staleCount").query();
        assertThat(fx(staleCount::getText)).isEqualTo("stale " + fx(() -> context.coherenceModel()
                .countProperty(CoherenceClass.STALE).get()));

        robot.clickOn(robot.from(view.findingsTable()).lookup(staleKey).<Node>query());
        TextArea diff = robot.from(view.root()).lookup("#diffArea").query();
        await().atMost(WAIT).until(() -> fx(diff::getText).contains("missing from the cache"));
        Button repair = robot.from(view.root()).lookup("#repairSelectedButton").query();
        assertThat(fx(repair::isDisabled)).isFalse();
        assertThat(fx(() -> robot.from(view.root()).lookup("#deleteForeignButton").<Button>query().isDisabled()))
                .isTrue();
        write(stage, "screenshot-coherence.png");

        robot.clickOn(repair);
        await().atMost(WAIT).until(() -> fx(() -> context.coherenceModel().resultProperty().get())
                .equals("1 key deleted"));
        assertThat(redis.client().exists(staleKey)).isFalse();
        assertThat(redis.client().exists(keys.history("legacy_py", "sess_pickle"))).isTrue();
    }

    private static void write(Stage stage, String name) throws Exception {
        Path dir = Path.of(System.getProperty("screenshot.dir", "target/screenshots"));
        Files.createDirectories(dir);
        WaitForAsyncUtils.waitForFxEvents();
        BufferedImage image = fx(() -> SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null));
        ImageIO.write(image, "png", dir.resolve(name).toFile());
        assertThat(image.getWidth()).isGreaterThan(300);
    }
}
