package dev.orchestra.inspector.ui;

import static dev.orchestra.inspector.ui.InspectorUi.fx;
import static dev.orchestra.inspector.ui.InspectorUi.fxRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orchestra.inspector.AppContext;
import dev.orchestra.inspector.MainViewModel.Section;
import dev.orchestra.inspector.StoreDescription;
import dev.orchestra.inspector.status.HealthPoll;
import dev.orchestra.inspector.status.Light;
import dev.orchestra.storage.factory.MemoryManagerFactory;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.testsupport.DatabaseSnapshot;
import dev.orchestra.storage.testsupport.ForeignDatabase;
import dev.orchestra.storage.testsupport.FollowsTarget;
import dev.orchestra.storage.testsupport.FollowsTarget.Server;
import dev.orchestra.storage.testsupport.MongoTestTarget;
import dev.orchestra.storage.testsupport.RedisTestServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window opened on a database another system already fills, in each environment that takes a URI, and
 * every section visited: afterwards the collections, their indexes, every document's bytes and the Redis keys are
 * exactly as before.
 */
@FollowsTarget({Server.MONGODB, Server.REDIS})
@ExtendWith(ApplicationExtension.class)
class OpeningChangesNothingWindowIT {
    static {
        InspectorUi.configureHeadlessScreen();
    }

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static MongoTestTarget mongo;
    private static RedisTestServer redis;

    @BeforeAll
    static void start() {
        mongo = MongoTestTarget.open();
        redis = RedisTestServer.open();
    }

    @AfterAll
    static void stop() {
        redis.close();
        mongo.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void browsingEverySectionLeavesTheDatabaseAsItWas(String environment, FxRobot robot) {
        String database = mongo.newDatabaseName();
        ForeignDatabase.fill(mongo.connectionString(), database);
        DatabaseSnapshot before = DatabaseSnapshot.of(mongo.connectionString(), database);
        var keysBefore = redis.keys();
        Map<String, String> env = new HashMap<>(redis.environment());
        env.put("APP_ENV", environment);
        env.put("MONGODB_URI", mongo.connectionString());
        env.put("MONGODB_DATABASE", database);
        env.put("STORAGE_TIMEOUT_MS", "3000");
        StorageConfig config = StorageConfig.fromMap(env);

        AppContext context = fx(() -> InspectorUi.open(new Stage(), () -> MemoryManagerFactory.create(config),
                StoreDescription.of(config), HealthPoll.PERIOD));
        try {
            TableView<?> memory = InspectorUi.node(robot, context, Section.MEMORY, "#table");
            await().atMost(WAIT).until(() -> fx(() -> memory.getItems().size()) > 0);
            fxRun(() -> memory.getSelectionModel().select(0)); // loads the whole document
            for (Section section : Section.values()) {
                InspectorUi.show(context, section);
            }
            InspectorUi.show(context, Section.INDEXES); // the Indexes panel lists indexes: a read
            await().atMost(WAIT).until(() -> fx(() -> context.indexesModel().collections().size()) == 3);
            TableView<?> agents = InspectorUi.node(robot, context, Section.AGENTS, "#table");
            await().atMost(WAIT).until(() -> fx(() -> agents.getItems().size()) == 5);
            await().atMost(WAIT).until(() -> fx(() -> context.statusModel().mongo().lightProperty().get())
                    == Light.GREEN && fx(() -> context.statusModel().redis().lightProperty().get()) == Light.GREEN);
            WaitForAsyncUtils.waitForFxEvents();
        } finally {
            fxRun(context::close);
        }

        DatabaseSnapshot after = DatabaseSnapshot.of(mongo.connectionString(), database);
        assertThat(after.collections()).isEqualTo(before.collections());
        assertThat(after.indexes()).isEqualTo(before.indexes());
        assertThat(after.documentBytes()).isEqualTo(before.documentBytes());
        assertThat(redis.keys()).isEqualTo(keysBefore);
    }
}
