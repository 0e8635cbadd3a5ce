package dev.orchestra.inspector.editing;

import static dev.orchestra.inspector.editing.EditingUi.fx;
import static dev.orchestra.inspector.editing.EditingUi.fxRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orchestra.inspector.AppContext;
import dev.orchestra.inspector.ConnectionActions;
import dev.orchestra.inspector.MainViewModel.Section;
import dev.orchestra.inspector.StoreDescription;
import dev.orchestra.inspector.WindowSettings;
import dev.orchestra.inspector.memory.MemoryItemsView;
import dev.orchestra.inspector.status.HealthPoll;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.factory.MemoryManagerFactory;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.safety.WriteLock;
import dev.orchestra.storage.testsupport.FollowsTarget;
import dev.orchestra.storage.testsupport.FollowsTarget.Server;
import dev.orchestra.storage.testsupport.MongoTestTarget;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonDateTime;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The real window on the real driver and the configured MongoDB: edit, conflict, delete confirmation,
 * bulk delete with cancel, undo from the notification, and read-only mode — through the app's buttons.
 */
@FollowsTarget(Server.MONGODB)
@ExtendWith(ApplicationExtension.class)
class EditingWindowIT {
    static {
        // Before the toolkit starts: Monocle's headless screen must hold the 1440x900 window.
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static MongoTestTarget mongo;
    private StorageConfig config;
    private MemoryManager direct;
    private final GatedDeletes gate = new GatedDeletes();
    private AppContext context;

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
        config = StorageConfig.fromMap(Map.of("APP_ENV", "development", "MONGODB_URI", mongo.connectionString(),
                "MONGODB_DATABASE", mongo.newDatabaseName(), "STORAGE_TIMEOUT_MS", "3000"));
        direct = MemoryManagerFactory.create(config);
        direct.initialize();
        seed();
        WriteLock lock = WriteLock.unlocked();
        context = new AppContext(() -> gate.wrap(MemoryManagerFactory.create(config)), StoreDescription.of(config),
                lock, Clock.systemDefaultZone(), HealthPoll.PERIOD, WindowSettings.none(), ConnectionActions.NONE,
                null);
        context.show(stage);
        stage.setWidth(1440);
        stage.setHeight(900);
    }

    @AfterEach
    void close() {
        fxRun(() -> {
            context.editing().openedWindows().forEach(Stage::close);
            context.close();
        });
        direct.close();
    }

    // ---- data --------------------------------------------------------------------------------------------------

    private static final BsonDocument RICH = new BsonDocument("_id", new BsonString("rich-1"))
            .append("user_id", new BsonString("alice"))
            .append("session_id", new BsonString("s-edit"))
            .append("timestamp", new BsonDateTime(1_717_243_200_000L))
            .append("item_type", new BsonString("conversation"))
            .append("persona_active", new BsonString("helpful_assistant"))
            .append("text_content", new BsonString("How do I reset my password?"))
            .append("embedding", new BsonArray(List.of(new BsonDouble(0.12), new BsonDouble(-0.5),
                    new BsonDouble(0.33))))
            .append("metadata", new BsonDocument("role", new BsonString("user"))
                    .append("tokens", new BsonInt32(9))
                    .append("request_id", new BsonInt64(9_007_199_254_740_993L))
                    .append("cost", new BsonDecimal128(Decimal128.parse("0.00042")))
                    .append("trace", new BsonObjectId(new ObjectId("65a1b2c3d4e5f60718293a4b")))
                    .append("raw", new BsonBinary(new byte[] {7, 8, 9}))
                    .append("tags", new BsonArray(List.of(new BsonArray(List.of(new BsonString("a"))), BsonNull.VALUE))))
            .append("expiration", BsonNull.VALUE)
            .append("source_service", new BsonString("orchestra-python"));

    private void seed() {
        direct.insert(StoreCollection.MEMORY_ITEMS, RICH.clone());
        for (int i = 0; i < 120; i++) {
            direct.insert(StoreCollection.MEMORY_ITEMS, new BsonDocument("user_id", new BsonString("bob"))
                    .append("session_id", new BsonString("s-bulk")).append("item_type", new BsonString("conversation"))
                    .append("timestamp", new BsonDateTime(1_717_000_000_000L + i * 1000L))
                    .append("text_content", new BsonString("bulk message " + i)));
        }
    }

    private BsonDocument stored(BsonValue id) {
        return direct.findById(StoreCollection.MEMORY_ITEMS, id).orElse(null);
    }

    private long count(String user, String session) {
        return direct.count(StoreCollection.MEMORY_ITEMS, DocumentFilter.forSession(user, session)).value();
    }

    // ---- UI helpers --------------------------------------------------------------------------------------------

    private MemoryItemsView memoryView() {
        return fx(() -> (MemoryItemsView) context.mainView().view(Section.MEMORY));
    }

    private <T extends Node> T inMemory(FxRobot robot, String query) {
        Parent root = fx(() -> memoryView().root());
        return robot.from(root).lookup(query).query();
    }

    private <T extends Node> T in(FxRobot robot, Window window, String query) {
        return robot.from(fx(() -> window.getScene().getRoot())).lookup(query).query();
    }

    /** Shows one session's items and selects the rows at {@code indexes}; waits until the detail has loaded. */
    private void showAndSelect(String user, String session, int expectedRows, int... indexes) {
        await().atMost(WAIT).until(() -> fx(() -> context.store().isConnected()));
        fxRun(() -> context.memoryModel().showSession(user, session));
        TableView<?> table = memoryView().table();
        await().atMost(WAIT).until(() -> fx(() -> table.getItems().size()) == expectedRows);
        fxRun(() -> {
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().selectIndices(indexes[0], indexes);
        });
    }

    private Stage lastWindow(int expectedCount) {
        await().atMost(WAIT).until(() -> fx(() -> context.editing().openedWindows().size()) >= expectedCount);
        return fx(() -> context.editing().openedWindows().get(expectedCount - 1));
    }

    private Stage openEditorOnRich(FxRobot robot) {
        showAndSelect("alice", "s-edit", 1, 0);
        Button edit = inMemory(robot, "#editButton");
        await().atMost(WAIT).until(() -> !fx(() -> edit.isDisabled()));
        int before = fx(() -> context.editing().openedWindows().size());
        robot.clickOn(edit);
        return lastWindow(before + 1);
    }

    private static void awaitConfirmation(FxRobot robot) {
        await().atMost(WAIT).until(() -> robot.lookup("#confirmDeleteButton").tryQuery().isPresent());
    }

    private void replaceText(FxRobot robot, Node field, String text) {
        robot.clickOn(field);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write(text);
    }

    // ---- tests -------------------------------------------------------------------------------------------------

    @Test
    void editingAFieldSavesItAndKeepsEveryOtherBsonType(FxRobot robot) {
        Stage editor = openEditorOnRich(robot);
        TextArea text = in(robot, editor, "#field-text_content");
        replaceText(robot, text, "Edited in the inspector");
        TextArea json = in(robot, editor, ".json-editor");
        await().atMost(WAIT).until(() -> fx(() -> json.getText()).contains("Edited in the inspector"));
        assertThat(fx(() -> json.getText())).contains("NumberLong(\"9007199254740993\")").contains("NumberDecimal(");
        EditingUi.screenshot(fx(() -> editor.getScene()), "screenshot-editor.png");

        robot.clickOn((Button) in(robot, editor, "#saveButton"));
        Label status = in(robot, editor, ".editor-status");
        await().atMost(WAIT).until(() -> String.valueOf(fx(() -> status.getText())).startsWith("Saved"));

        BsonDocument expected = RICH.clone();
        expected.put("text_content", new BsonString("Edited in the inspector"));
        assertThat(stored(RICH.get("_id"))).isEqualTo(expected);
        // The list was reloaded with the new text.
        await().atMost(WAIT).until(() -> fx(() -> memoryView().table().getItems().get(0)
                .text("text_content", true)).equals("Edited in the inspector"));
    }

    @Test
    void aChangeUnderneathShowsTheDiffAndReloadAndOverwriteBothWork(FxRobot robot) {
        Stage editor = openEditorOnRich(robot);
        replaceText(robot, in(robot, editor, "#field-persona_active"), "mine");
        BsonDocument theirs = RICH.clone();
        theirs.put("persona_active", new BsonString("theirs"));
        theirs.put("metadata", theirs.getDocument("metadata").clone().append("edited_by", new BsonString("worker-7")));
        direct.replace(StoreCollection.MEMORY_ITEMS, RICH, theirs);

        robot.clickOn((Button) in(robot, editor, "#saveButton"));
        Stage conflict = lastWindow(2);
        TableView<?> diff = in(robot, conflict, "#diffTable");
        await().atMost(WAIT).until(() -> fx(() -> diff.getItems().size()) > 10);
        fxRun(() -> {
            conflict.setWidth(1200);
            conflict.setHeight(700);
        });
        EditingUi.screenshot(fx(() -> conflict.getScene()), "screenshot-conflict.png");
        Label error = in(robot, editor, "#errorBanner");
        assertThat(fx(() -> error.getText())).contains("someone changed this document");
        assertThat(stored(RICH.get("_id"))).isEqualTo(theirs);

        // Reload: the editor now holds theirs.
        robot.clickOn((Button) in(robot, conflict, "#reloadButton"));
        TextField persona = in(robot, editor, "#field-persona_active");
        await().atMost(WAIT).until(() -> fx(() -> persona.getText()).equals("theirs"));

        // Edit again, change underneath again, then overwrite deliberately.
        // Set directly; the robot typed the first edit above.
        fxRun(() -> persona.setText("mine again"));
        BsonDocument theirs2 = theirs.clone();
        theirs2.put("text_content", new BsonString("changed by someone else"));
        direct.replace(StoreCollection.MEMORY_ITEMS, theirs, theirs2);
        robot.clickOn((Button) in(robot, editor, "#saveButton"));
        Stage conflict2;
        try {
            conflict2 = lastWindow(3);
        } catch (RuntimeException e) {
            Label err = in(robot, editor, "#errorBanner");
            Button save = in(robot, editor, "#saveButton");
            TextField p = in(robot, editor, "#field-persona_active");
            throw new AssertionError("no second conflict; error=" + fx(() -> err.getText()) + " saveDisabled="
                    + fx(() -> save.isDisabled()) + " persona=" + fx(() -> p.getText()) + " stored="
                    + stored(RICH.get("_id")).get("persona_active"), e);
        }
        robot.clickOn((Button) in(robot, conflict2, "#overwriteButton"));
        await().atMost(WAIT).until(() -> stored(RICH.get("_id")).getString("persona_active").getValue()
                .equals("mine again"));
        assertThat(stored(RICH.get("_id")).getString("text_content").getValue()).isEqualTo(RICH.getString("text_content").getValue());
    }

    @Test
    void deletesAreConfirmedRunInBatchesCanBeCancelledAndUndone(FxRobot robot) throws Exception {
        // 1. A selection of 3: count shown, no typing, then Undo in the notification restores them.
        showAndSelect("bob", "s-bulk", 50, 0, 1, 2);
        robot.clickOn((Button) inMemory(robot, "#deleteSelectedButton"));
        awaitConfirmation(robot);
        Button confirm = robot.lookup("#confirmDeleteButton").queryButton();
        assertThat(robot.lookup(".delete-count").queryLabeled().getText()).startsWith("3 documents");
        assertThat(fx(() -> confirm.isDisabled())).isFalse();
        robot.clickOn(confirm);
        await().atMost(WAIT).until(() -> count("bob", "s-bulk") == 117);
        await().atMost(WAIT).until(() -> robot.lookup(".notification-bar .button").tryQuery().isPresent());
        assertThat(fx(() -> context.editing().deletes().lastMessageProperty().get())).isEqualTo("Deleted exactly 3 documents.");
        Button undo = robot.lookup(".notification-bar .button").queryButton();
        robot.clickOn(undo);
        await().atMost(WAIT).until(() -> count("bob", "s-bulk") == 120);
        assertThat(fx(() -> undo.isDisabled())).as("Undo works once").isTrue();

        // 2. All 120 matching the session filter: the count must be typed; Cancel during the first batch of 100.
        gate.holdDelete(3 + 50); // 3 deletes happened above
        robot.clickOn((Button) inMemory(robot, "#deleteMatchingButton"));
        awaitConfirmation(robot);
        Button confirmAll = robot.lookup("#confirmDeleteButton").queryButton();
        assertThat(robot.lookup(".delete-typing-prompt").queryLabeled().getText()).contains("120");
        assertThat(fx(() -> confirmAll.isDisabled())).isTrue();
        robot.clickOn(robot.lookup(".delete-confirmation .text-field").queryAs(TextField.class)).write("120");
        await().atMost(WAIT).until(() -> !fx(() -> confirmAll.isDisabled()));
        robot.clickOn(confirmAll);
        assertThat(gate.awaitHeld()).isTrue();
        Stage progress = lastWindow(2); // the first delete's progress window closed itself when it finished
        Button cancel = in(robot, progress, "#cancelButton");
        robot.clickOn(cancel);
        gate.release();
        Label message = in(robot, progress, "#messageLabel");
        await().atMost(WAIT).until(() -> fx(() -> message.getText()).startsWith("Cancelled"));
        assertThat(fx(() -> message.getText())).contains("exactly 100 documents of 120");
        assertThat(count("bob", "s-bulk")).isEqualTo(20);
    }

    @Test
    void readOnlyShowsTheBannerAndTheStorageLayerRefusesSaveAndDelete(FxRobot robot) {
        // Lock writes as production starts (the storage wrapper shares this lock).
        fxRun(() -> context.editing().storage().writeLock().lock());
        Node banner = robot.lookup(".read-only-banner").query();
        await().atMost(WAIT).until(() -> fx(() -> banner.isVisible()));
        assertThat(robot.lookup(".read-only-banner .read-only-text").queryLabeled().getText()).contains("Read-only");

        Stage editor = openEditorOnRich(robot);
        replaceText(robot, in(robot, editor, "#field-text_content"), "should not be saved");
        robot.clickOn((Button) in(robot, editor, "#saveButton"));
        Label error = in(robot, editor, "#errorBanner");
        await().atMost(WAIT).until(() -> String.valueOf(fx(() -> error.getText())).contains("read-only"));
        assertThat(fx(() -> ((TextArea) in(robot, editor, "#field-text_content")).getText()))
                .isEqualTo("should not be saved");
        assertThat(stored(RICH.get("_id"))).isEqualTo(RICH);

        fxRun(editor::close);
        robot.clickOn((Button) inMemory(robot, "#deleteButton"));
        await().atMost(WAIT).until(() -> String.valueOf(fx(() -> context.editing().deletes().lastMessageProperty()
                .get())).contains("read-only"));
        robot.clickOn(robot.lookup(".dialog-pane .button").queryButton()); // the error alert's OK
        assertThat(stored(RICH.get("_id"))).isEqualTo(RICH);
        assertThat(Set.of(fx(() -> context.editing().openedWindows().size()))).containsExactly(1);
    }
}
