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
import dev.orchestra.inspector.status.HealthPoll;
import dev.orchestra.inspector.status.Light;
import dev.orchestra.storage.config.AppEnvironment;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.testsupport.FaultProxy;
import dev.orchestra.storage.testsupport.MongoTestServer;
import dev.orchestra.storage.testsupport.RedisTestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
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
import redis.clients.jedis.Protocol;

/**
 * The title bar's database picker in the real window, on a saved connection whose MongoDB sits behind a counting
 * proxy and whose Redis is a redis-server of the test's own: the list comes from the open store, a typed name
 * switches the window to that database without a new MongoDB or Redis connection, Redis says it is not used there,
 * a bad name is refused in the picker, and switching back uses the cache again.
 */
@ExtendWith(ApplicationExtension.class)
class DatabaseSwitchWindowIT {
    static {
        InspectorUi.configureHeadlessScreen();
    }

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path home;

    private MongoTestServer mongo;
    private FaultProxy proxy;
    private RedisTestServer redis;
    private ConnectedWindow window;

    @BeforeEach
    void start() {
        mongo = MongoTestServer.start();
        proxy = FaultProxy.start(mongo.host(), mongo.port());
        redis = RedisTestServer.openEmbedded();
    }

    @AfterEach
    void stop() {
        if (window != null) {
            fxRun(window::close);
        }
        redis.deleteOwnKeys();
        redis.close();
        proxy.close();
        mongo.close();
    }

    @Test
    void thePickerSwitchesTheDatabaseOnTheOpenConnections(FxRobot robot) {
        String databaseA = mongo.uniqueDatabaseName();
        String databaseB = mongo.uniqueDatabaseName();
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            insertItem(client, databaseA, "user-of-a");
            insertItem(client, databaseB, "user-of-b");
        }
        ConnectionStore connections = new ConnectionStore(home.resolve("connections.json"));
        // one pooled connection: the pool cannot grow under the window's parallel reads, so any new connection the
        // proxy accepts would come from a new client (its monitors) or a reconnect
        connections.save(List.of(SavedConnection.of("staging", AppEnvironment.STAGING,
                        proxy.mongoConnectionString() + "&maxPoolSize=1", databaseA, RedisSettings.standalone(redis.host(), redis.port(),
                                redis.keyPrefix())).withLastUsed(Instant.parse("2026-12-01T00:00:00Z"))));

        window = openWindow(connections);
        AppContext first = fx(window::current);
        awaitRowOf(robot, first, "user-of-a");
        awaitRedis(first, Light.GREEN);
        long mongoConnections = proxy.acceptedConnections();
        long redisClients = redisClients();

        ComboBox<String> picker = robot.from(fx(() -> first.mainView().root())).lookup("#databaseBox").query();
        fxRun(picker::show);
        await().atMost(WAIT).until(() -> fx(() -> picker.getItems().containsAll(List.of(databaseA, databaseB))));
        fxRun(picker::hide);
        type(robot, picker, databaseB);

        await().atMost(WAIT).until(() -> fx(() -> window.current() != first));
        AppContext onB = fx(window::current);
        assertThat(fx(() -> onB.mainModel().titleProperty().get())).contains("staging", databaseB);
        awaitRowOf(robot, onB, "user-of-b");
        awaitRedis(onB, Light.GREY);
        assertThat(fx(() -> onB.statusModel().redis().textProperty().get()))
                .contains("not used for database " + databaseB);
        assertThat(proxy.acceptedConnections()).isEqualTo(mongoConnections);
        assertThat(redisClients()).isEqualTo(redisClients);

        ComboBox<String> pickerOnB = robot.from(fx(() -> onB.mainView().root())).lookup("#databaseBox").query();
        type(robot, pickerOnB, "bad.name");
        await().atMost(WAIT).until(() -> fx(() -> onB.mainModel().databaseProblemProperty().get()) != null);
        assertThat(fx(() -> pickerOnB.getTooltip().getText())).contains("may not contain");
        assertThat(fx(window::current)).isSameAs(onB);

        type(robot, pickerOnB, databaseA);
        await().atMost(WAIT).until(() -> fx(() -> window.current() != onB));
        AppContext back = fx(window::current);
        awaitRowOf(robot, back, "user-of-a");
        awaitRedis(back, Light.GREEN);
        assertThat(proxy.acceptedConnections()).isEqualTo(mongoConnections);
        assertThat(redisClients()).isEqualTo(redisClients);
        assertThat(proxy.openConnections()).isPositive(); // the one client stayed open throughout
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

    private static void insertItem(MongoClient client, String database, String userId) {
        client.getDatabase(database).getCollection("memory_items", BsonDocument.class).insertOne(
                new BsonDocument("_id", new BsonString("item-of-" + userId)).append("user_id",
                        new BsonString(userId)).append("item_type", new BsonString("note")));
    }

    private static void type(FxRobot robot, ComboBox<String> picker, String name) {
        fxRun(() -> picker.getEditor().clear());
        robot.clickOn(picker.getEditor());
        robot.write(name);
        robot.type(KeyCode.ENTER);
    }

    private static void awaitRowOf(FxRobot robot, AppContext context, String userId) {
        TableView<?> table = InspectorUi.node(robot, context, Section.MEMORY, "#table");
        await().atMost(WAIT).until(() -> fx(() -> table.getItems().stream()
                .anyMatch(row -> row.toString().contains(userId))));
    }

    private static void awaitRedis(AppContext context, Light light) {
        await().atMost(WAIT).until(() -> fx(() -> context.statusModel().redis().lightProperty().get()) == light);
    }

    /** Clients connected to this test's redis-server, the asking connection excluded. */
    private long redisClients() {
        String list = new String((byte[]) redis.client().sendCommand(Protocol.Command.CLIENT, "LIST"),
                StandardCharsets.UTF_8);
        return list.lines().filter(line -> !line.isBlank()).count() - 1;
    }
}
