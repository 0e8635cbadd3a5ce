package dev.orchestra.inspector.ui;

import static dev.orchestra.inspector.ui.InspectorUi.fx;
import static dev.orchestra.inspector.ui.InspectorUi.fxRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orchestra.inspector.AppContext;
import dev.orchestra.inspector.MainViewModel.Section;
import dev.orchestra.inspector.keys.KeyTree;
import dev.orchestra.inspector.keys.KeysView;
import dev.orchestra.inspector.keys.KeysViewModel;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.factory.MemoryManagerFactory;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.SessionSummary;
import dev.orchestra.storage.mongo.SampleDataSeeder;
import dev.orchestra.storage.redis.keys.KeyInfo;
import dev.orchestra.storage.redis.keys.ValueElement;
import dev.orchestra.storage.safety.AuditEntry;
import dev.orchestra.storage.safety.SafeOperations;
import dev.orchestra.storage.testsupport.MongoTestServer;
import dev.orchestra.storage.testsupport.RedisTestServer;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
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
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.StreamEntryID;

/**
 * The Keys section in the real window, on mongo-java-server and a redis-server of its own holding the sample
 * data's cache keys (warmed by reading sessions through the tiered store), a foreign pickle, one key of each other
 * type and 3,000 more: Ctrl+9 opens it, the tree groups by ':', Load more goes on, the list shows TTL and memory,
 * our JSON opens in the document detail pane and the pickle as hex; a confirmed delete is audited, and while writes
 * are locked the delete is refused. Writes {@code screenshot-keys.png} (to {@code -Dscreenshot.dir}, default
 * target/screenshots).
 */
@ExtendWith(ApplicationExtension.class)
class KeysWindowIT {
    static {
        InspectorUi.configureHeadlessScreen();
    }

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final byte[] PICKLE = {(byte) 0x80, 0x04, (byte) 0x95, 0x12, 0, 0, 0, 0, 0, 0, 0, 0x5d,
            (byte) 0x94, (byte) 0x8c, 0x05, 'h', 'e', 'l', 'l', 'o', (byte) 0x94, 0x61, 0x2e};
    private static MongoTestServer mongo;
    private static RedisTestServer redis;
    private static StorageConfig config;
    private static String warmedKey;
    private AppContext context;
    private Stage stage;

    @BeforeAll
    static void seed() {
        mongo = MongoTestServer.start();
        redis = RedisTestServer.openEmbedded();
        config = InspectorUi.config(mongo.connectionString(), mongo.uniqueDatabaseName(), redis.environment());
        String prefix = redis.keyPrefix();
        try (MemoryManager m = MemoryManagerFactory.create(config)) {
            assertThat(SampleDataSeeder.seedIfNeeded(m)).isTrue();
            List<SessionSummary> sessions = m.listSessions(null, 4);
            for (SessionSummary s : sessions) {
                m.getConversationHistory(s.userId(), s.sessionId(), 20, null); // fills history:{user}:{session}
            }
            SessionSummary first = sessions.stream().filter(s -> s.sessionId() != null).findFirst().orElseThrow();
            warmedKey = prefix + "history:" + first.userId() + ":" + first.sessionId();
        }
        var client = redis.client();
        assertThat(client.exists(warmedKey)).isTrue();
        client.set((prefix + "history:legacy-user").getBytes(StandardCharsets.UTF_8), PICKLE);
        client.pexpire(prefix + "history:legacy-user", 1_800_000);
        client.hset(prefix + "agent:planner:state", Map.of("step", "3", "goal", "summarise the thread"));
        client.zadd(prefix + "leaderboard", Map.of("planner", 12.0, "writer", 7.5));
        client.sadd(prefix + "active-users", "user-1", "user-2");
        client.xadd(prefix + "events", StreamEntryID.NEW_ENTRY, Map.of("type", "message", "user", "user-1"));
        try (AbstractPipeline pipeline = client.pipelined()) {
            for (int i = 0; i < 3_000; i++) {
                pipeline.setex(prefix + "history:bulk-user-" + i % 40 + ":session-" + i, 3_600, "{\"n\": " + i + "}");
            }
            pipeline.sync();
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

    private KeysView openWithShortcut(FxRobot robot) {
        await().atMost(WAIT).until(() -> fx(() -> context.store().isConnected()));
        robot.clickOn(fx(() -> context.mainView().root()));
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT9);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> context.mainModel().sectionProperty().get())).isEqualTo(Section.KEYS);
        KeysViewModel model = context.keysModel();
        await().atMost(WAIT).until(() -> fx(() -> model.keys().size() >= KeysViewModel.PAGE_KEYS
                && !model.loadingProperty().get()));
        return (KeysView) fx(() -> context.mainView().view(Section.KEYS));
    }

    @Test
    void browsesGroupsPagesAndValuesOfEveryTypeAndTheScreenshotShowsIt(FxRobot robot) throws Exception {
        KeysView view = openWithShortcut(robot);
        KeysViewModel model = context.keysModel();
        assertThat(fx(() -> model.patternProperty().get())).isEqualTo(redis.keyPrefix() + "*");
        assertThat(fx(() -> model.progressProperty().get())).startsWith("Found ").contains("scanned ~");
        int firstPage = fx(() -> model.keys().size());
        assertThat(firstPage).isLessThan(3_000);

        // the prefix's chain of single groups is open: its children are history:, agent:, leaderboard, …
        TreeItem<KeyTree.Node> history = fx(() -> find(view.keyTree().getRoot(), redis.keyPrefix() + "history:"));
        assertThat(history).isNotNull();
        assertThat(fx(() -> history.getParent().isExpanded())).isTrue();

        robot.clickOn(robot.from(view.root()).lookup("#loadMoreButton").<Button>query());
        await().atMost(WAIT).until(() -> fx(() -> model.keys().size() > firstPage && !model.loadingProperty().get()));

        fxRun(() -> model.patternProperty().set(redis.keyPrefix() + "history:*"));
        robot.clickOn(robot.from(view.root()).lookup("#applyButton").<Button>query());
        awaitListed(model, warmedKey);
        awaitListed(model, redis.keyPrefix() + "history:legacy-user");

        robot.clickOn(robot.from(view.root()).lookup("#listButton").<Node>query());
        assertThat(fx(() -> view.keyTable().isVisible())).isTrue();
        KeyInfo warmed = fx(() -> model.keys().stream().filter(k -> k.name().text().equals(warmedKey)).findFirst()
                .orElseThrow());
        assertThat(warmed.type()).isEqualTo("list");
        assertThat(warmed.ttlMillis()).isPositive();
        fxRun(() -> {
            view.keyTable().getSelectionModel().select(warmed);
            view.keyTable().scrollTo(warmed);
        });
        await().atMost(WAIT).until(() -> fx(() -> model.value().elements().size()) > 1);
        assertThat(fx(() -> robot.from(view.root()).lookup("#keySummaryLabel").<Label>query().getText()))
                .startsWith("list · TTL ");
        // the coherence check's class beside it (the selected key is classified at once): it was filled through the
        // tiered store, so it equals MongoDB's truth
        await().atMost(WAIT).until(() -> "fresh".equals(fx(() -> model.classes().get(warmed.name()))));

        // the same key chosen in the tree: its user's group opened, the key selected, one cached item shown
        robot.clickOn(robot.from(view.root()).lookup("#treeButton").<Node>query());
        assertThat(fx(() -> view.keyTree().isVisible())).isTrue();
        String userGroup = warmedKey.substring(0, warmedKey.lastIndexOf(':') + 1);
        fxRun(() -> {
            TreeItem<KeyTree.Node> group = find(view.keyTree().getRoot(), redis.keyPrefix() + "history:");
            TreeItem<KeyTree.Node> user = group.getChildren().stream()
                    .filter(c -> c.getValue().path().equals(userGroup)).findFirst().orElseThrow();
            user.setExpanded(true);
            TreeItem<KeyTree.Node> key = user.getChildren().stream()
                    .filter(c -> c.getValue().path().equals(warmedKey)).findFirst().orElseThrow();
            view.keyTree().getSelectionModel().select(key);
            view.keyTree().scrollTo(Math.max(0, view.keyTree().getRow(user) - 2));
        });
        await().atMost(WAIT).until(() -> fx(() -> model.value().elements().size()) > 1
                && !model.value().loadingProperty().get());
        fxRun(() -> elements(robot, view).getSelectionModel().select(1));
        TextArea json = robot.from(view.root()).lookup(".key-value-pane #jsonArea").query();
        await().atMost(WAIT).until(() -> fx(() -> json.getText()).contains("\"user_id\""));
        write("screenshot-keys.png");

        KeyInfo pickle = fx(() -> model.keys().stream().filter(k -> k.name().text().endsWith("history:legacy-user"))
                .findFirst().orElseThrow());
        fxRun(() -> view.keyTable().getSelectionModel().select(pickle));
        TextArea text = robot.from(view.root()).lookup("#elementTextArea").query();
        await().atMost(WAIT).until(() -> String.valueOf(fx(() -> text.getText())).startsWith("binary, " + PICKLE.length
                + " bytes"));
        assertThat(fx(() -> text.getText())).contains("80 04 95 12");
        assertThat(redis.client().get((redis.keyPrefix() + "history:legacy-user").getBytes(StandardCharsets.UTF_8)))
                .as("shown, never changed").isEqualTo(PICKLE);
    }

    @Test
    void aConfirmedDeleteIsAuditedAndWhileLockedItIsRefused(FxRobot robot) {
        KeysView view = openWithShortcut(robot);
        KeysViewModel model = context.keysModel();
        String victim = redis.keyPrefix() + "agent:planner:state";
        fxRun(() -> model.typeProperty().set("hash"));
        awaitListed(model, victim);
        robot.clickOn(robot.from(view.root()).lookup("#listButton").<Node>query());
        fxRun(() -> view.keyTable().getSelectionModel().select(model.keys().stream()
                .filter(k -> k.name().text().equals(victim)).findFirst().orElseThrow()));
        await().atMost(WAIT).until(() -> fx(() -> model.value().elements().size()) == 2);

        fxRun(() -> context.editing().storage().writeLock().lock());
        Button delete = robot.from(view.root()).lookup("#keyDeleteButton").query();
        assertThat(fx(delete::isDisabled)).isFalse();
        Platform.runLater(delete::fire); // not waited for: the dialog it opens waits for the user
        DialogPane refusal = dialog(robot);
        assertThat(fx(() -> refusal.getContentText())).startsWith("Changing a Redis key is a write");
        Button close = robot.from(refusal).lookup(".button").query();
        Platform.runLater(close::fire);
        await().atMost(WAIT).until(() -> fx(() -> robot.listWindows().stream().noneMatch(KeysWindowIT::isDialog)));
        assertThat(redis.client().exists(victim)).isTrue();

        fxRun(() -> context.editing().storage().writeLock().unlock());
        Platform.runLater(delete::fire);
        DialogPane confirm = dialog(robot);
        assertThat(fx(() -> confirm.getContentText())).startsWith("Delete " + victim + " (hash,");
        Button ok = robot.from(confirm).lookup(".button").match((Button b) -> b.isDefaultButton()).query();
        Platform.runLater(ok::fire);

        await().atMost(WAIT).until(() -> !redis.client().exists(victim));
        await().atMost(WAIT).until(() -> fx(() -> model.keys().stream().noneMatch(k -> k.name().text().equals(victim))));
        SafeOperations operations = fx(() -> context.editing().storage().operations());
        List<AuditEntry> audit = operations.audit().list(PageRequest.first(5)).items();
        assertThat(audit).first().satisfies(e -> {
            assertThat(e.action()).isEqualTo("delete_key");
            assertThat(e.documentId().asString().getValue()).isEqualTo(victim);
            assertThat(e.before().containsKey("dump")).isTrue();
        });
    }

    /** Loads more until {@code key} is listed (the listing may need several pages to reach it). */
    private static void awaitListed(KeysViewModel model, String key) {
        await().atMost(WAIT).until(() -> fx(() -> {
            boolean listed = model.keys().stream().anyMatch(k -> k.name().text().equals(key));
            if (!listed) {
                model.loadMore();
            }
            return listed && !model.loadingProperty().get();
        }));
    }

    private static DialogPane dialog(FxRobot robot) {
        await().atMost(WAIT).until(() -> fx(() -> robot.listWindows().stream().anyMatch(KeysWindowIT::isDialog)));
        Window window = fx(() -> robot.listWindows().stream().filter(KeysWindowIT::isDialog).findFirst()
                .orElseThrow());
        return (DialogPane) fx(() -> window.getScene().getRoot().lookup(".dialog-pane"));
    }

    private static TableView<ValueElement> elements(FxRobot robot, KeysView view) {
        return robot.from(view.root()).lookup("#elementTable").query();
    }

    private static boolean isDialog(Window window) {
        return window.isShowing() && window.getScene() != null
                && window.getScene().getRoot().lookup(".dialog-pane") instanceof DialogPane;
    }

    private static TreeItem<KeyTree.Node> find(TreeItem<KeyTree.Node> item, String path) {
        if (path.equals(item.getValue().path())) {
            return item;
        }
        if (!item.isExpanded()) {
            return null;
        }
        for (TreeItem<KeyTree.Node> child : item.getChildren()) {
            TreeItem<KeyTree.Node> found = find(child, path);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private void write(String name) throws Exception {
        Path dir = Path.of(System.getProperty("screenshot.dir", "target/screenshots"));
        Files.createDirectories(dir);
        WaitForAsyncUtils.waitForFxEvents();
        BufferedImage image = fx(() -> SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null));
        ImageIO.write(image, "png", dir.resolve(name).toFile());
        assertThat(image.getWidth()).isGreaterThan(300);
    }
}
