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
import dev.orchestra.storage.model.SessionSummary;
import dev.orchestra.storage.mongo.SampleDataSeeder;
import dev.orchestra.storage.redis.CacheKeyView;
import dev.orchestra.storage.testsupport.MongoTestTarget;
import dev.orchestra.storage.testsupport.redis.RedisFixture;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The app on a 3-master Redis Cluster configured by environment ({@code REDIS_MODE=cluster}, {@code REDIS_NODES}):
 * the Redis light names the shape, the Health view lists each master with its slots, the Sessions → Cache tab shows
 * the master of each key, and a master down is amber and "degraded", never red. Writes
 * {@code screenshot-health-cluster.png} and {@code screenshot-health-cluster-degraded.png}.
 */
@ExtendWith(ApplicationExtension.class)
class ClusterWindowIT {
    static {
        InspectorUi.configureHeadlessScreen();
    }

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static MongoTestTarget mongo;
    private static RedisFixture redis;
    private static StorageConfig config;
    private AppContext context;
    private Stage stage;

    @BeforeAll
    static void seed() {
        mongo = MongoTestTarget.open();
        redis = RedisFixture.start(RedisFixture.Shape.CLUSTER);
        config = InspectorUi.config(mongo.connectionString(), mongo.newDatabaseName(),
                redis.environment(redis.keyPrefix()));
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
        fxRun(context::close);
    }

    @Test
    void healthAndTheCacheTabShowTheClusterAndAMasterDownIsDegradedNotRed() throws Exception {
        var redisIndicator = context.statusModel().redis();
        await().atMost(WAIT).until(() -> fx(() -> redisIndicator.lightProperty().get() == Light.GREEN
                && context.statusModel().mongo().lightProperty().get() == Light.GREEN));
        assertThat(fx(() -> redisIndicator.textProperty().get())).startsWith("Redis (cluster, 3 masters) · ");
        assertThat(fx(() -> redisIndicator.tooltipProperty().get())).contains("cluster_state: ok")
                .contains("cluster_slots_ok: 16384");
        assertThat(fx(() -> redisIndicator.nodesProperty().get()).lines().toList()).hasSize(3)
                .allSatisfy(line -> assertThat(line).startsWith("master 127.0.0.1:").contains(" up ")
                        .contains("slots"));

        InspectorUi.show(context, Section.SESSIONS);
        await().atMost(WAIT).until(() -> fx(() -> context.sessionsModel().sessions().size()) > 5);
        SessionsView view = (SessionsView) context.mainView().view(Section.SESSIONS);
        SessionSummary session = fx(() -> context.sessionsModel().sessions().stream()
                .filter(s -> s.sessionId() != null && s.hasSessionRecord() && s.itemCount() > 0)
                .max(Comparator.comparingLong(SessionSummary::itemCount)).orElseThrow());
        MemoryManager manager = fx(() -> context.store().current());
        manager.getConversationHistory(session.userId(), session.sessionId(), 20, null);
        manager.getConversationHistory(session.userId(), null, 20, null);
        fxRun(() -> {
            context.sessionsModel().selectedProperty().set(session);
            view.cacheTab().getTabPane().getSelectionModel().select(view.cacheTab());
        });
        await().atMost(WAIT).until(() -> fx(() -> context.sessionsModel().cache().keys().stream()
                .filter(k -> k.kind() == CacheKeyView.Kind.OURS).count()) == 2);
        List<CacheKeyView> keys = fx(() -> List.copyOf(context.sessionsModel().cache().keys()));
        Set<String> masters = redis.dataNodes().stream().map(n -> n.address()).collect(Collectors.toSet());
        assertThat(keys).allSatisfy(k -> assertThat(masters).contains(k.node()));

        InspectorUi.show(context, Section.HEALTH);
        write(stage.getScene(), "screenshot-health-cluster.png");

        redis.dataNodes().get(2).kill();
        await().atMost(WAIT).until(() -> fx(() -> redisIndicator.textProperty().get()).contains("degraded"));
        assertThat(fx(() -> redisIndicator.lightProperty().get())).as("a cache problem is never red")
                .isEqualTo(Light.AMBER);
        assertThat(fx(() -> context.statusModel().overallTextProperty().get())).isEqualTo("degraded");
        assertThat(fx(() -> context.statusModel().mongo().lightProperty().get())).isEqualTo(Light.GREEN);
        assertThat(fx(() -> redisIndicator.nodesProperty().get())).contains(redis.dataNodes().get(2).address()
                + " DOWN");
        write(stage.getScene(), "screenshot-health-cluster-degraded.png");
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
