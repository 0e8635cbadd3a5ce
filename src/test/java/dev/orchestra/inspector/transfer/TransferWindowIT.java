package dev.orchestra.inspector.transfer;

import static dev.orchestra.inspector.ui.InspectorUi.fx;
import static dev.orchestra.inspector.ui.InspectorUi.fxRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orchestra.inspector.AppContext;
import dev.orchestra.inspector.ui.InspectorUi;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.factory.MemoryManagerFactory;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.InspectorCollection;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.testsupport.FollowsTarget;
import dev.orchestra.storage.testsupport.FollowsTarget.Server;
import dev.orchestra.storage.testsupport.MongoTestTarget;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window on the real driver and the configured MongoDB: File → Export… of the memory view's
 * filter to a file, then File → Import… of that file with one bad line added, through the dialogs' buttons.
 */
@FollowsTarget(Server.MONGODB)
@ExtendWith(ApplicationExtension.class)
class TransferWindowIT {
    static {
        InspectorUi.configureHeadlessScreen();
    }

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static MongoTestTarget mongo;
    private MemoryManager direct;
    private AppContext context;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() {
        mongo = MongoTestTarget.open();
    }

    @AfterAll
    static void stopServer() {
        mongo.close();
    }

    @Start
    void start(Stage stage) {
        StorageConfig config = InspectorUi.config(mongo.connectionString(), mongo.newDatabaseName(), Map.of());
        direct = MemoryManagerFactory.create(config);
        direct.initialize();
        for (int i = 0; i < 5; i++) {
            insert("alice-" + i, "alice", "hello " + i);
        }
        for (int i = 0; i < 3; i++) {
            insert("bob-" + i, "bob", "hi " + i);
        }
        context = InspectorUi.open(stage, config);
    }

    private void insert(String id, String user, String text) {
        direct.insert(StoreCollection.MEMORY_ITEMS, new BsonDocument("_id", new BsonString(id))
                .append("user_id", new BsonString(user)).append("session_id", new BsonString("s1"))
                .append("item_type", new BsonString("conversation"))
                .append("timestamp", new BsonDateTime(1_717_243_200_000L + id.hashCode()))
                .append("text_content", new BsonString(text)));
    }

    @AfterEach
    void close() {
        fxRun(() -> {
            TransferFeature transfer = context.transfer();
            if (transfer.exportWindow() != null) {
                transfer.exportWindow().close();
            }
            if (transfer.importWindow() != null) {
                transfer.importWindow().close();
            }
            context.close();
        });
        direct.close();
    }

    private static <T extends Node> T in(FxRobot robot, Stage window, String query) {
        return robot.from(fx(() -> window.getScene().getRoot())).lookup(query).query();
    }

    /** A plain {@code Node}, so {@code clickOn} picks its {@code Node} overload (a generic result would be ambiguous). */
    private static Node node(FxRobot robot, Stage window, String query) {
        return in(robot, window, query);
    }

    private static String text(Label label) {
        return fx(label::getText);
    }

    private void openFromFileMenu(FxRobot robot, String item) {
        robot.clickOn("File");
        robot.clickOn(item);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void exportsTheFilteredViewThenImportsTheFileWithABadLine(FxRobot robot) throws Exception {
        await().atMost(WAIT).until(() -> fx(() -> context.store().isConnected()));
        // The memory view shows alice's items only: Export offers exactly that.
        fxRun(() -> {
            context.memoryModel().userField().textProperty().set("alice");
            context.memoryModel().applyFilter();
        });
        await().atMost(WAIT).until(() -> fx(() -> context.memoryModel().activeFilter().userId() != null));

        openFromFileMenu(robot, "Export…");
        Stage export = fx(() -> context.transfer().exportWindow());
        assertThat(fx(export::isShowing)).isTrue();
        assertThat(text(in(robot, export, ".transfer-filter"))).isEqualTo("user_id = alice");
        Path exported = dir.resolve("alice.jsonl");
        robot.clickOn(node(robot, export, "#fileField")).write(exported.toString());
        robot.clickOn(node(robot, export, "#startButton"));

        Label exportMessage = in(robot, export, "#messageLabel");
        await().atMost(WAIT).until(() -> text(exportMessage).startsWith("Exported"));
        assertThat(text(exportMessage)).startsWith("Exported 5 documents from memory_items to " + exported);
        List<String> lines = Files.readAllLines(exported);
        assertThat(lines).hasSize(5).allSatisfy(l -> assertThat(l).contains("\"user_id\": \"alice\""));
        writeScreenshot(export, Path.of("target/screenshots"), "transfer-export.png"); // not for the README
        robot.clickOn(node(robot, export, "#closeButton"));
        await().atMost(WAIT).until(() -> !fx(export::isShowing));

        // The same documents under new ids, with a truncated line 3.
        List<String> toImport = new ArrayList<>(lines.stream().map(l -> l.replace("alice-", "copy-")).toList());
        toImport.add(2, "{\"_id\": \"broken\", \"user_id\": ");
        Path importFile = Files.writeString(dir.resolve("import.jsonl"), String.join("\n", toImport) + "\n",
                StandardCharsets.UTF_8);

        openFromFileMenu(robot, "Import…");
        Stage importer = fx(() -> context.transfer().importWindow());
        robot.clickOn(node(robot, importer, "#fileField")).write(importFile.toString());
        robot.clickOn(node(robot, importer, "#checkButton"));
        Label importMessage = in(robot, importer, "#messageLabel");
        await().atMost(WAIT).until(() -> text(importMessage).startsWith("Checked"));
        assertThat(text(importMessage)).startsWith("Checked 6 lines: 5 valid, 1 rejected (line 3).");
        ListView<?> problems = in(robot, importer, "#problemList");
        assertThat(fx(() -> problems.getItems().toString())).contains("line 3: invalid JSON");
        assertThat(direct.count(StoreCollection.MEMORY_ITEMS, DocumentFilter.forUser("alice")).value())
                .as("the dry run wrote nothing").isEqualTo(5);

        robot.clickOn(node(robot, importer, "#importButton"));
        await().atMost(WAIT).until(() -> text(importMessage).startsWith("Imported"));
        assertThat(text(importMessage)).isEqualTo("Imported 5 documents into memory_items (5 inserted, 0 replaced, "
                + "0 unchanged). Rejected lines not written: 1 (line 3).");
        assertThat(direct.count(StoreCollection.MEMORY_ITEMS, DocumentFilter.forUser("alice")).value()).isEqualTo(10);
        assertThat(direct.findById(StoreCollection.MEMORY_ITEMS, new BsonString("copy-2"))).isPresent();
        assertThat(direct.findById(StoreCollection.MEMORY_ITEMS, new BsonString("broken"))).isEmpty();
        var audit = direct.findPage(InspectorCollection.AUDIT, DocumentFilter.none(), PageRequest.first(10))
                .items();
        assertThat(audit).as("the import batch is audited before and after").hasSize(2);
        assertThat(audit).extracting(d -> d.getString("action").getValue())
                .containsExactlyInAnyOrder("import_started", "import");
        assertThat(audit).allSatisfy(d -> assertThat(d.getInt64("count").getValue()).isEqualTo(5L));

        writeScreenshot(importer, Path.of(System.getProperty("screenshot.dir", "target/screenshots")),
                "screenshot-transfer.png");
    }

    private static void writeScreenshot(Stage window, Path out, String name) throws Exception {
        Files.createDirectories(out);
        WaitForAsyncUtils.waitForFxEvents();
        BufferedImage image = fx(() -> SwingFXUtils.fromFXImage(window.getScene().snapshot(null), null));
        ImageIO.write(image, "png", out.resolve(name).toFile());
        assertThat(image.getWidth()).isGreaterThan(500);
    }
}
