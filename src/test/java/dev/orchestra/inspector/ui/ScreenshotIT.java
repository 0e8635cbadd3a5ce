package dev.orchestra.inspector.ui;

import static dev.orchestra.inspector.ui.InspectorUi.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orchestra.inspector.AppContext;
import dev.orchestra.inspector.MainViewModel.Section;
import dev.orchestra.inspector.common.DocumentRow;
import dev.orchestra.inspector.sessions.SessionsView;
import dev.orchestra.inspector.status.Light;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.factory.MemoryManagerFactory;
import dev.orchestra.storage.model.SessionSummary;
import dev.orchestra.storage.mongo.SampleDataSeeder;
import dev.orchestra.storage.testsupport.MongoTestServer;
import dev.orchestra.storage.testsupport.RedisTestServer;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.TableView;
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
 * Opens the real window on the sample data (seeded by the storage library's SampleDataSeeder, on mongo-java-server
 * and an embedded redis-server) and writes a PNG of each view: to {@code target/screenshots}, or to the directory
 * named by {@code -Dscreenshot.dir=assets} (how the README's pictures are made).
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotIT {
    static {
        InspectorUi.configureHeadlessScreen();
    }

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static MongoTestServer mongo;
    private static RedisTestServer redis;
    private static StorageConfig config;
    private AppContext context;
    private Stage stage;

    @BeforeAll
    static void seed() {
        mongo = MongoTestServer.start();
        redis = RedisTestServer.openEmbedded();
        config = InspectorUi.config(mongo.connectionString(), "orchestra_" + mongo.uniqueDatabaseName(),
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
        InspectorUi.fxRun(context::close);
    }

    private Path write(String name) throws Exception {
        Path dir = Path.of(System.getProperty("screenshot.dir", "target/screenshots"));
        Files.createDirectories(dir);
        WaitForAsyncUtils.waitForFxEvents();
        BufferedImage image = fx(() -> SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null));
        Path file = dir.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        assertThat(image.getWidth()).isEqualTo(1440);
        assertThat(distinctColours(image)).as("a real picture, not a blank window").isGreaterThan(50);
        return file;
    }

    private static int distinctColours(BufferedImage image) {
        var colours = new HashSet<Integer>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    @SuppressWarnings("unchecked")
    private TableView<DocumentRow> table(FxRobot robot, Section section) {
        return (TableView<DocumentRow>) InspectorUi.node(robot, context, section, "#table");
    }

    private void awaitGreen() {
        await().atMost(WAIT).until(() -> fx(() -> context.statusModel().mongo().lightProperty().get() == Light.GREEN
                && context.statusModel().redis().lightProperty().get() == Light.GREEN));
    }

    @Test
    void eachView(FxRobot robot) throws Exception {
        awaitGreen();
        TableView<DocumentRow> memory = table(robot, Section.MEMORY);
        await().atMost(WAIT).until(() -> fx(() -> memory.getItems().size()) == 50);
        // a conversation item with an embedding: the detail pane shows the whole document
        int withEmbedding = fx(() -> {
            for (int i = 0; i < memory.getItems().size(); i++) {
                if (memory.getItems().get(i).embeddingDimension() != null) {
                    return i;
                }
            }
            return 0;
        });
        InspectorUi.fxRun(() -> {
            memory.getSelectionModel().select(withEmbedding);
            memory.scrollTo(Math.max(0, withEmbedding - 3));
        });
        await().atMost(WAIT).until(() -> fx(() -> context.memoryModel().detail().documentProperty().get() != null
                && context.memoryModel().detail().documentProperty().get().containsKey("embedding")));
        write("screenshot-memory.png");

        // Documents other systems wrote: flagged rows, a masked api_key in the detail pane.
        InspectorUi.fxRun(() -> {
            context.memoryModel().userField().textProperty().set("carol");
            context.memoryModel().itemTypeField().textProperty().set("tool");
            context.memoryModel().applyFilter();
        });
        await().atMost(WAIT).until(() -> fx(() -> !context.memoryModel().loadingProperty().get()
                && memory.getItems().stream().anyMatch(DocumentRow::isSensitive)));
        InspectorUi.fxRun(() -> memory.getSelectionModel().select(memory.getItems().stream()
                .filter(DocumentRow::isSensitive).findFirst().orElseThrow()));
        await().atMost(WAIT).until(() -> fx(() -> !context.memoryModel().detail().secretPaths().isEmpty()
                && !context.memoryModel().detail().loadingProperty().get()));
        write("screenshot-secrets.png");

        InspectorUi.show(context, Section.AGENTS);
        TableView<DocumentRow> agents = table(robot, Section.AGENTS);
        await().atMost(WAIT).until(() -> fx(() -> agents.getItems().size()) > 10);
        InspectorUi.fxRun(() -> agents.getSelectionModel().select(1));
        await().atMost(WAIT).until(() -> fx(() -> !context.agentModel().detail().loadingProperty().get()
                && context.agentModel().detail().documentProperty().get() != null));
        write("screenshot-agents.png");

        InspectorUi.show(context, Section.SESSIONS);
        await().atMost(WAIT).until(() -> fx(() -> context.sessionsModel().sessions().size()) > 5);
        SessionSummary longest = fx(() -> context.sessionsModel().sessions().stream()
                .filter(s -> s.sessionId() != null)
                .max(Comparator.comparingLong(SessionSummary::itemCount)).orElseThrow());
        InspectorUi.fxRun(() -> context.sessionsModel().openSession(longest.userId(), longest.sessionId()));
        SessionsView sessions = (SessionsView) context.mainView().view(Section.SESSIONS);
        await().atMost(WAIT).until(() -> fx(() -> sessions.bubbles().getChildren().size()) > 5);
        write("screenshot-sessions.png");

        InspectorUi.show(context, Section.HEALTH);
        // An outage to show in the log: Redis stops for a few seconds (amber: a cache problem is never red), then
        // comes back.
        redis.stop();
        await().atMost(WAIT).until(() -> fx(() -> context.statusModel().redis().lightProperty().get()) == Light.AMBER);
        redis.start();
        awaitGreen();
        await().atMost(WAIT).until(() -> fx(() -> context.healthModel().cards().size()) >= 3
                && fx(() -> context.healthModel().history().samples("storage_mongodb").size()) >= 8);
        write("screenshot-health.png");

        InspectorUi.fxRun(() -> context.mainModel().darkThemeProperty().set(true));
        InspectorUi.show(context, Section.SESSIONS);
        File dark = write("screenshot-dark.png").toFile();
        assertThat(dark).exists();
    }
}
