package dev.orchestra.inspector.ui;

import static dev.orchestra.inspector.ui.InspectorUi.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import dev.orchestra.inspector.AppContext;
import dev.orchestra.inspector.MainViewModel.Section;
import dev.orchestra.inspector.indexes.IndexesView;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.indexes.IndexRow;
import dev.orchestra.storage.indexes.IndexStatus;
import dev.orchestra.storage.testsupport.DatabaseSnapshot;
import dev.orchestra.storage.testsupport.ForeignDatabase;
import dev.orchestra.storage.testsupport.FollowsTarget;
import dev.orchestra.storage.testsupport.FollowsTarget.Server;
import dev.orchestra.storage.testsupport.MongoTestTarget;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * The Indexes panel in the real window on a database another system filled (with one recommended index already
 * there and one index of its own in the way of another): one table per collection, each row marked, nothing written
 * by looking. Writes a PNG of the panel to {@code target/screenshots/indexes.png} (or {@code -Dscreenshot.dir}).
 */
@FollowsTarget(Server.MONGODB)
@ExtendWith(ApplicationExtension.class)
class IndexesWindowIT {
    static {
        InspectorUi.configureHeadlessScreen();
    }

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static MongoTestTarget mongo;
    private static String database;
    private AppContext context;
    private Stage stage;

    @BeforeAll
    static void fill() {
        mongo = MongoTestTarget.open();
        database = mongo.newDatabaseName();
        ForeignDatabase.fill(mongo.connectionString(), database);
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            var db = client.getDatabase(database);
            db.getCollection("memory_items").createIndex(Indexes.compoundIndex(
                    Indexes.ascending("user_id", "item_type"), Indexes.descending("timestamp")),
                    new IndexOptions().name("user_item_type_time"));
            db.getCollection("agent_data").createIndex(Indexes.compoundIndex(
                    Indexes.ascending("agent_id", "data_type"), Indexes.descending("timestamp")),
                    new IndexOptions().name("their_agent_type_time"));
        }
    }

    @AfterAll
    static void stop() {
        mongo.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        StorageConfig config = StorageConfig.fromMap(Map.of("APP_ENV", "staging", "MONGODB_URI",
                mongo.connectionString(), "MONGODB_DATABASE", database, "STORAGE_TIMEOUT_MS", "3000"));
        context = InspectorUi.open(stage, config);
    }

    @AfterEach
    void close() {
        InspectorUi.fxRun(context::close);
    }

    @Test
    void showsEachCollectionsIndexesMarkedAndWritesNothing(FxRobot robot) throws Exception {
        DatabaseSnapshot before = DatabaseSnapshot.of(mongo.connectionString(), database);

        InspectorUi.show(context, Section.INDEXES);
        IndexesView view = (IndexesView) fx(() -> context.mainView().view(Section.INDEXES));
        await().atMost(WAIT).until(() -> fx(() -> view.tables().size()) == 3);
        WaitForAsyncUtils.waitForFxEvents();

        List<TableView<IndexRow>> tables = fx(view::tables);
        assertThat(fx(() -> tables.get(0).getItems().stream().map(r -> r.name() + "=" + r.status()).toList()))
                .contains("user_item_type_time=PRESENT", "user_session_time=MISSING", "their_user_index=EXTRA");
        assertThat(fx(() -> tables.get(1).getItems().stream().filter(r -> r.status() == IndexStatus.CONFLICTING)
                .map(IndexRow::name).toList())).containsExactlyInAnyOrder("agent_data_type_time",
                "their_agent_type_time");
        assertThat(fx(() -> robot.from(tables.get(0)).lookup(".index-missing").queryAll().size())).isEqualTo(2);
        assertThat(fx(() -> robot.from(tables.get(1)).lookup(".index-conflicting").queryAll().size())).isEqualTo(2);
        assertThat(fx(() -> context.indexesModel().summaryProperty().get()))
                .isEqualTo("6 recommended indexes missing or conflicting.");

        Path file = screenshot("indexes.png");
        assertThat(Files.size(file)).isPositive();
        assertThat(DatabaseSnapshot.of(mongo.connectionString(), database)).isEqualTo(before);
    }

    private Path screenshot(String name) throws Exception {
        Path dir = Path.of(System.getProperty("screenshot.dir", "target/screenshots"));
        Files.createDirectories(dir);
        WaitForAsyncUtils.waitForFxEvents();
        BufferedImage image = fx(() -> SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null));
        Path file = dir.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
