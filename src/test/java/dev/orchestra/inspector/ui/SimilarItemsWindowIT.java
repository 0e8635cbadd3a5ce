package dev.orchestra.inspector.ui;

import static dev.orchestra.inspector.ui.InspectorUi.fx;
import static dev.orchestra.inspector.ui.InspectorUi.fxRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import dev.orchestra.inspector.AppContext;
import dev.orchestra.inspector.MainViewModel.Section;
import dev.orchestra.inspector.common.DocumentRow;
import dev.orchestra.inspector.detail.SimilarItem;
import dev.orchestra.inspector.memory.MemoryItemsView;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.testsupport.MongoTestServer;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.bson.Document;
import org.bson.types.Decimal128;
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
 * Similar items in the real window on mongo-java-server: selecting a memory item and its Similar tab ranks the
 * user's other items exactly as a cosine computed here does, counts the other model's embeddings as skipped,
 * double-clicking a result selects it in the table, and the vector box refuses NaN with one line. Writes
 * {@code screenshot-similar-items.png} to {@code target/screenshots} (or {@code -Dscreenshot.dir}).
 */
@ExtendWith(ApplicationExtension.class)
class SimilarItemsWindowIT {
    static {
        InspectorUi.configureHeadlessScreen();
    }

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static MongoTestServer mongo;
    private static StorageConfig config;
    private static MongoClient rawClient;
    private static MongoCollection<Document> raw;
    private AppContext context;

    @BeforeAll
    static void seed() {
        mongo = MongoTestServer.start();
        String database = mongo.uniqueDatabaseName();
        config = InspectorUi.config(mongo.connectionString(), database, Map.of("REDIS_HOST", ""));
        rawClient = MongoClients.create(mongo.connectionString());
        raw = rawClient.getDatabase(database).getCollection(StoreCollection.MEMORY_ITEMS.collectionName());
        RecallData.seed(raw);
    }

    @AfterAll
    static void stop() {
        rawClient.close();
        mongo.close();
    }

    @Start
    void start(Stage stage) {
        context = InspectorUi.open(stage, config);
    }

    @AfterEach
    void close() {
        fxRun(context::close);
    }

    /** The top ten by a cosine computed here from the raw documents, the item itself left out. */
    private static List<String> expectedTopTen(String selfId) {
        Document self = raw.find(new Document("_id", selfId)).first();
        List<Double> query = numbers(self.getList("embedding", Object.class));
        List<Map.Entry<String, Double>> scored = new ArrayList<>();
        for (Document d : raw.find(new Document("user_id", RecallData.USER).append("embedding",
                new Document("$exists", true)))) {
            List<Double> v = numbers(d.getList("embedding", Object.class));
            if (v.size() != query.size() || d.getString("_id").equals(selfId)) {
                continue;
            }
            double dot = 0;
            double a = 0;
            double b = 0;
            for (int i = 0; i < v.size(); i++) {
                dot += v.get(i) * query.get(i);
                a += v.get(i) * v.get(i);
                b += query.get(i) * query.get(i);
            }
            scored.add(Map.entry(d.getString("_id"), dot / Math.sqrt(a * b)));
        }
        scored.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()));
        return scored.stream().limit(10).map(Map.Entry::getKey).toList();
    }

    private static List<Double> numbers(List<Object> values) {
        return values.stream().map(o -> o instanceof Decimal128 d ? d.doubleValue() : ((Number) o).doubleValue())
                .toList();
    }

    @Test
    void theSimilarTabRanksLikeAnIndependentCosineAndOpeningAResultSelectsIt(FxRobot robot) throws Exception {
        InspectorUi.show(context, Section.MEMORY);
        MemoryItemsView view = (MemoryItemsView) fx(() -> context.mainView().view(Section.MEMORY));
        fxRun(() -> {
            context.memoryModel().pageSizeProperty().set(500);
            context.memoryModel().userField().textProperty().set(RecallData.USER);
            context.memoryModel().applyFilter();
        });
        await().atMost(WAIT).until(() -> fx(() -> context.memoryModel().rows().size()) > 100);
        TableView<DocumentRow> table = fx(() -> view.root().table());
        DocumentRow lisbon = fx(() -> context.memoryModel().rows().stream()
                .filter(r -> r.id().asString().getValue().equals("m-0")).findFirst().orElseThrow());
        fxRun(() -> table.scrollTo(lisbon));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.from(table).lookup(".table-row-cell")
                .<TableRow<DocumentRow>>match(row -> row.getItem() == lisbon).<Node>query());
        await().atMost(WAIT).until(() -> fx(() -> context.memoryModel().detail().documentProperty().get() != null
                && context.memoryModel().detail().documentProperty().get().containsKey("embedding")));

        Tab similar = fx(() -> view.detailView().tabs().getTabs().stream()
                .filter(t -> "similarTab".equals(t.getId())).findFirst().orElseThrow());
        fxRun(() -> similar.getTabPane().getSelectionModel().select(similar));
        await().atMost(WAIT).until(() -> fx(() -> context.similarItemsModel().results().size()) == 10);

        List<String> shown = fx(() -> context.similarItemsModel().results().stream()
                .map(r -> r.id().asString().getValue()).toList());
        assertThat(shown).containsExactlyElementsOf(expectedTopTen("m-0"));
        String summary = fx(() -> context.similarItemsModel().summaryProperty().get());
        assertThat(summary).contains(RecallData.OTHER_MODEL_ITEMS + " of another dimension skipped");
        screenshot(robot, "screenshot-similar-items.png");

        @SuppressWarnings("unchecked")
        TableView<SimilarItem> results = (TableView<SimilarItem>) robot.from(similar.getContent())
                .lookup(".similar-table").query();
        SimilarItem third = fx(() -> results.getItems().get(2));
        robot.doubleClickOn(robot.from(results).lookup(".table-row-cell")
                .<TableRow<SimilarItem>>match(row -> row.getItem() == third).<Node>query());
        await().atMost(WAIT).until(() -> fx(() -> {
            DocumentRow selected = context.memoryModel().selectedRowProperty().get();
            return selected != null && selected.id().equals(third.id())
                    && table.getSelectionModel().getSelectedItem() == selected;
        }));

        fxRun(() -> context.similarItemsModel().vectorTextProperty().set("[0.1, NaN, 0.3]"));
        Label status = robot.from(similar.getContent()).lookup(".muted").nth(1).query();
        assertThat(fx(status::getText)).isEqualTo("Value 2 is not a number: 'NaN'");
    }

    private void screenshot(FxRobot robot, String name) throws Exception {
        Path dir = Path.of(System.getProperty("screenshot.dir", "target/screenshots"));
        Files.createDirectories(dir);
        WaitForAsyncUtils.waitForFxEvents();
        BufferedImage image = fx(() -> SwingFXUtils.fromFXImage(
                context.mainView().root().getScene().snapshot(null), null));
        ImageIO.write(image, "png", dir.resolve(name).toFile());
        assertThat(image.getWidth()).isGreaterThan(300);
    }
}
