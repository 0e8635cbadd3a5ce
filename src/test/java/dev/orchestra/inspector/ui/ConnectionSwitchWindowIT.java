package dev.orchestra.inspector.ui;

import static dev.orchestra.inspector.ui.InspectorUi.fx;
import static dev.orchestra.inspector.ui.InspectorUi.fxRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.orchestra.connections.ConnectionStore;
import dev.orchestra.connections.ConnectionTester;
import dev.orchestra.connections.RedisSettings;
import dev.orchestra.connections.SavedConnection;
import dev.orchestra.inspector.AppContext;
import dev.orchestra.inspector.ConnectedWindow;
import dev.orchestra.inspector.MainViewModel.Section;
import dev.orchestra.inspector.WindowSettings;
import dev.orchestra.inspector.connections.ConnectionEntry;
import dev.orchestra.inspector.status.HealthPoll;
import dev.orchestra.inspector.status.Light;
import dev.orchestra.storage.config.AppEnvironment;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.testsupport.DatabaseSnapshot;
import dev.orchestra.storage.testsupport.FaultProxy;
import dev.orchestra.storage.testsupport.ForeignDatabase;
import dev.orchestra.storage.testsupport.MongoTestServer;
import dev.orchestra.storage.testsupport.RedisTestServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Connect… (Ctrl+K) in the real window: from a first saved connection (MongoDB behind a counting proxy) to a second
 * (another mongo-java-server and a real redis-server). The second store's data shows, the first store's threads end
 * and its connections close, and neither database nor Redis is changed by opening and browsing.
 */
@ExtendWith(ApplicationExtension.class)
class ConnectionSwitchWindowIT {
    static {
        InspectorUi.configureHeadlessScreen();
    }

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path home;

    private MongoTestServer firstServer;
    private MongoTestServer secondServer;
    private FaultProxy firstProxy;
    private RedisTestServer redis;
    private ConnectedWindow window;

    @BeforeEach
    void start() {
        firstServer = MongoTestServer.start();
        secondServer = MongoTestServer.start();
        firstProxy = FaultProxy.start(firstServer.host(), firstServer.port());
        redis = RedisTestServer.open();
    }

    @AfterEach
    void stop() {
        if (window != null) {
            fxRun(window::close);
        }
        redis.deleteOwnKeys();
        redis.close();
        firstProxy.close();
        secondServer.close();
        firstServer.close();
    }

    private ConnectedWindow openWindow(ConnectionStore connections) {
        return fx(() -> {
            ConnectedWindow w = new ConnectedWindow(new Stage(), connections, Map.of("STORAGE_TIMEOUT_MS", "2000"),
                    () -> StorageConfig.fromMap(Map.of("APP_ENV", "test")), Optional::empty,
                    (configured, lock, actions, name) -> new AppContext(configured.opener(),
                            configured.description(), lock, Clock.systemDefaultZone(), HealthPoll.PERIOD,
                            WindowSettings.none(), actions, name),
                    new ConnectionTester(Duration.ofSeconds(2)), Clock.systemDefaultZone());
            w.start();
            return w;
        });
    }

    /** Connect… on the window, selects {@code row} of the saved connections and clicks Connect. */
    private void connectTo(FxRobot robot, int row) {
        fxRun(window::openConnectDialog);
        await().atMost(WAIT).until(() -> fx(() -> window.connectStage() != null && window.connectStage().isShowing()));
        Node dialog = fx(() -> window.connectStage().getScene().getRoot());
        ListView<ConnectionEntry> list = robot.from(dialog).lookup("#connectionList").query();
        fxRun(() -> list.getSelectionModel().select(row));
        robot.clickOn(robot.from(dialog).lookup("#connectButton").<Button>query());
    }

    @Test
    void aLastUsedProductionConnectionIsOfferedNotOpened() {
        ConnectionStore connections = new ConnectionStore(home.resolve("connections.json"));
        connections.save(List.of(SavedConnection.of("prod", AppEnvironment.PRODUCTION,
                firstProxy.mongoConnectionString(), "orchestra", null).withLastUsed(Instant.now())));

        window = openWindow(connections);

        assertThat(fx(() -> window.current().mainModel().description().environment())).isEqualTo("test");
        await().atMost(WAIT).until(() -> fx(() -> window.connectStage() != null && window.connectStage().isShowing()));
        assertThat(fx(() -> window.connectModel().selectedProperty().get().name())).isEqualTo("prod");
        assertThat(firstProxy.acceptedConnections()).as("nothing connected to production").isZero();
    }

    @Test
    void unsavedEditsAskFirstAndStayingKeepsTheOpenStore(FxRobot robot) {
        String firstDb = firstServer.uniqueDatabaseName();
        String secondDb = secondServer.uniqueDatabaseName();
        ForeignDatabase.fill(firstServer.connectionString(), firstDb);
        ForeignDatabase.fill(secondServer.connectionString(), secondDb);
        ConnectionStore connections = new ConnectionStore(home.resolve("connections.json"));
        connections.save(List.of(
                SavedConnection.of("first", AppEnvironment.DEVELOPMENT, firstServer.connectionString(), firstDb,
                        null).withLastUsed(Instant.parse("2026-12-01T00:00:00Z")),
                SavedConnection.of("second", AppEnvironment.DEVELOPMENT, secondServer.connectionString(), secondDb,
                        null)));
        window = openWindow(connections);
        AppContext first = fx(window::current);
        TableView<?> table = InspectorUi.node(robot, first, Section.MEMORY, "#table");
        await().atMost(WAIT).until(() -> fx(() -> table.getItems().size()) > 0);
        fxRun(() -> table.getSelectionModel().select(0));
        Button edit = InspectorUi.node(robot, first, Section.MEMORY, "#editButton");
        await().atMost(WAIT).until(() -> !fx(edit::isDisabled));
        robot.clickOn(edit);
        await().atMost(WAIT).until(() -> fx(() -> first.editing().openedWindows().size()) == 1);
        Stage editor = fx(() -> first.editing().openedWindows().get(0));
        TextArea json = robot.from(fx(() -> editor.getScene().getRoot())).lookup(".json-editor").query();
        fxRun(() -> json.appendText("\n"));
        assertThat(fx(() -> first.editing().hasUnsavedEdits())).isTrue();

        connectTo(robot, 1);
        await().atMost(WAIT).until(() -> robot.lookup("Cancel").tryQuery().isPresent());
        robot.clickOn(robot.lookup("Cancel").<Button>query());

        assertThat(fx(window::current)).isSameAs(first);
        assertThat(fx(() -> first.store().isConnected())).isTrue();
        assertThat(fx(editor::isShowing)).isTrue();
        assertThat(fx(() -> window.connectStage().isShowing())).as("the dialog stays for another try").isTrue();

        robot.clickOn(robot.from(fx(() -> window.connectStage().getScene().getRoot())).lookup("#connectButton")
                .<Button>query());
        await().atMost(WAIT).until(() -> robot.lookup("OK").tryQuery().isPresent());
        robot.clickOn(robot.lookup("OK").<Button>query());

        await().atMost(WAIT).until(() -> fx(() -> window.current() != first));
        assertThat(fx(editor::isShowing)).as("the old store's editor closes with it").isFalse();
        assertThat(fx(() -> window.current().mainModel().titleProperty().get())).contains("second");
    }

    /** Threads the toolkit and the JDK start once, lazily, for everyone: not the first store's to end. */
    private static boolean sharedByTheWholeJvm(Thread thread) {
        return Stream.of("Prism", "Cleaner", "Common-Cleaner", "Quantum", "JavaFX", "InvokeLaterDispatcher",
                "ForkJoinPool", "Attach Listener", "process reaper").anyMatch(thread.getName()::startsWith);
    }

    @Test
    void switchingShowsTheSecondStoreClosesTheFirstAndWritesNothing(FxRobot robot) {
        String firstDb = firstServer.uniqueDatabaseName();
        String secondDb = secondServer.uniqueDatabaseName();
        ForeignDatabase.fill(firstServer.connectionString(), firstDb);
        ForeignDatabase.fill(secondServer.connectionString(), secondDb);
        try (MongoClient client = MongoClients.create(secondServer.connectionString())) {
            client.getDatabase(secondDb).getCollection("memory_items", BsonDocument.class).insertOne(
                    new BsonDocument("_id", new BsonString("only-in-second")).append("user_id",
                            new BsonString("second-store-user")).append("item_type", new BsonString("note")));
        }
        DatabaseSnapshot firstBefore = DatabaseSnapshot.of(firstServer.connectionString(), firstDb);
        DatabaseSnapshot secondBefore = DatabaseSnapshot.of(secondServer.connectionString(), secondDb);
        List<String> keysBefore = redis.keys();

        ConnectionStore connections = new ConnectionStore(home.resolve("connections.json"));
        connections.save(List.of(
                SavedConnection.of("first", AppEnvironment.STAGING, firstProxy.mongoConnectionString(), firstDb,
                        null).withLastUsed(Instant.parse("2026-12-01T00:00:00Z")),
                SavedConnection.of("second", AppEnvironment.STAGING, secondServer.connectionString(), secondDb,
                        RedisSettings.standalone(redis.host(), redis.port(), redis.keyPrefix())
                                .withPasswords(redis.password(), null))));
        Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();

        window = openWindow(connections);
        AppContext first = fx(window::current);
        assertThat(fx(() -> first.mainModel().titleProperty().get())).contains("first", "staging", firstDb);
        TableView<?> firstTable = InspectorUi.node(robot, first, Section.MEMORY, "#table");
        await().atMost(WAIT).until(() -> fx(() -> firstTable.getItems().size()) > 0);
        await().atMost(WAIT).until(() -> firstProxy.openConnections() > 0);
        Set<Thread> firstStoreThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !threadsBefore.contains(t) && !sharedByTheWholeJvm(t)).collect(Collectors.toSet());
        assertThat(firstStoreThreads).extracting(Thread::getName)
                .anyMatch(name -> name.startsWith("inspector-worker"))
                .anyMatch(name -> name.startsWith("cluster-")); // the driver's monitor of the first server

        fxRun(() -> first.mainView().root().requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        await().atMost(WAIT).until(() -> fx(() -> window.connectStage() != null && window.connectStage().isShowing()));
        Node dialog = fx(() -> window.connectStage().getScene().getRoot());
        ListView<ConnectionEntry> list = robot.from(dialog).lookup("#connectionList").query();
        assertThat(fx(() -> list.getItems().stream().map(ConnectionEntry::name).toList()))
                .containsExactly("first", "second", "From environment");
        fxRun(() -> list.getSelectionModel().select(1));
        Button connect = robot.from(dialog).lookup("#connectButton").query();
        robot.clickOn(connect);

        await().atMost(WAIT).until(() -> fx(() -> window.current() != first));
        AppContext second = fx(window::current);
        assertThat(fx(() -> window.connectStage().isShowing())).isFalse();
        assertThat(fx(() -> second.mainModel().titleProperty().get())).contains("second", secondDb);
        TableView<?> secondTable = InspectorUi.node(robot, second, Section.MEMORY, "#table");
        await().atMost(WAIT).until(() -> fx(() -> secondTable.getItems().stream()
                .anyMatch(row -> row.toString().contains("second-store-user"))));
        InspectorUi.show(second, Section.SESSIONS);
        InspectorUi.show(second, Section.AGENTS);
        await().atMost(WAIT).until(() -> fx(() -> second.statusModel().mongo().lightProperty().get()) == Light.GREEN
                && fx(() -> second.statusModel().redis().lightProperty().get()) == Light.GREEN);

        await().atMost(WAIT).until(() -> firstProxy.openConnections() == 0);
        await().atMost(WAIT).untilAsserted(() -> assertThat(firstStoreThreads.stream().filter(Thread::isAlive)
                .map(Thread::getName)).isEmpty());
        assertThat(connections.load().connections().get(0).name()).isEqualTo("second");
        WaitForAsyncUtils.waitForFxEvents();
        fxRun(window::close);
        window = null;

        DatabaseSnapshot firstAfter = DatabaseSnapshot.of(firstServer.connectionString(), firstDb);
        DatabaseSnapshot secondAfter = DatabaseSnapshot.of(secondServer.connectionString(), secondDb);
        assertThat(firstAfter.collections()).isEqualTo(firstBefore.collections());
        assertThat(firstAfter.indexes()).isEqualTo(firstBefore.indexes());
        assertThat(firstAfter.documentBytes()).isEqualTo(firstBefore.documentBytes());
        assertThat(secondAfter.collections()).isEqualTo(secondBefore.collections());
        assertThat(secondAfter.indexes()).isEqualTo(secondBefore.indexes());
        assertThat(secondAfter.documentBytes()).isEqualTo(secondBefore.documentBytes());
        assertThat(redis.keys()).isEqualTo(keysBefore);
    }
}
