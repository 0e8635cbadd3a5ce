package dev.orchestra.inspector.ui;

import static dev.orchestra.inspector.ui.InspectorUi.fx;
import static dev.orchestra.inspector.ui.InspectorUi.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orchestra.inspector.AppContext;
import dev.orchestra.inspector.MainViewModel.Section;
import dev.orchestra.inspector.TestData;
import dev.orchestra.inspector.common.DocumentRow;
import dev.orchestra.inspector.common.SecretMasker;
import dev.orchestra.inspector.sessions.ChatMessage;
import dev.orchestra.inspector.sessions.SessionsView;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.factory.MemoryManagerFactory;
import dev.orchestra.storage.model.SessionSummary;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.testsupport.FollowsTarget.Server;
import dev.orchestra.storage.testsupport.FollowsTarget;
import dev.orchestra.storage.testsupport.MongoTestTarget;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The real window on a real driver and the configured MongoDB, driven with the keyboard and mouse. */
@FollowsTarget(Server.MONGODB)
@ExtendWith(ApplicationExtension.class)
class InspectorWindowIT {
    static {
        InspectorUi.configureHeadlessScreen();
    }

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static MongoTestTarget mongo;
    private static StorageConfig config;
    private static List<String> conversation;
    private AppContext context;

    @BeforeAll
    static void seed() {
        mongo = MongoTestTarget.open();
        config = InspectorUi.config(mongo.connectionString(), mongo.newDatabaseName(), Map.of());
        try (MemoryManager m = MemoryManagerFactory.create(config)) {
            TestData.bulkItems(m, 120);
            conversation = TestData.conversation(m);
            TestData.itemWithSecretAndEmbedding(m);
            TestData.foreignItems(m);
            TestData.agentData(m, 70);
            m.insert(StoreCollection.USER_SESSIONS, new BsonDocument("user_id", new BsonString("alice"))
                    .append("session_id", new BsonString("s-chat")));
        }
    }

    @AfterAll
    static void stopServer() {
        mongo.close();
    }

    @Start
    void start(Stage stage) {
        context = InspectorUi.open(stage, config);
    }

    @AfterEach
    void close() {
        InspectorUi.fxRun(context::close);
    }

    private <T extends Node> T memory(FxRobot robot, String query) {
        return node(robot, context, Section.MEMORY, query);
    }

    @SuppressWarnings("unchecked")
    private static TableView<DocumentRow> table(Node node) {
        return (TableView<DocumentRow>) node;
    }

    private static List<String> ids(TableView<DocumentRow> table) {
        return fx(() -> table.getItems().stream().map(DocumentRow::idText).toList());
    }

    @Test
    void memoryItemsLoadAndPageThroughMoreThanOnePage(FxRobot robot) {
        TableView<DocumentRow> table = table(memory(robot, "#table"));
        await().atMost(WAIT).until(() -> fx(() -> table.getItems().size()) == 50);
        List<String> first = ids(table);
        Label total = memory(robot, "#totalLabel");
        await().atMost(WAIT).until(() -> fx(total::getText).equals("128 documents"));

        robot.clickOn((Button) memory(robot, "#nextButton"));
        await().atMost(WAIT).until(() -> !ids(table).equals(first));
        List<String> second = ids(table);
        assertThat(second).hasSize(50).doesNotContainAnyElementsOf(first);
        Label page = memory(robot, "#pageLabel");
        String pageText = fx(page::getText);
        assertThat(pageText).startsWith("Page 2");

        robot.clickOn((Button) memory(robot, "#previousButton"));
        await().atMost(WAIT).until(() -> ids(table).equals(first));
    }

    @Test
    void theFilterBarNarrowsResultsOnEnterAndRefusesABadDate(FxRobot robot) {
        TableView<DocumentRow> table = table(memory(robot, "#table"));
        await().atMost(WAIT).until(() -> fx(() -> table.getItems().size()) == 50);

        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL); // Ctrl+F focuses the filter
        TextField user = memory(robot, "#userField");
        await().atMost(WAIT).until(() -> fx(user::isFocused));
        robot.write("alice").type(KeyCode.ENTER);
        await().atMost(WAIT).until(() -> fx(() -> table.getItems().size()) == 5);
        assertThat(fx(() -> table.getItems().stream().allMatch(r -> r.text("user_id", false).equals("alice"))))
                .isTrue();

        TextField from = memory(robot, "#fromField");
        robot.clickOn(from).write("2024-99-99").type(KeyCode.ENTER);
        await().atMost(WAIT).until(() -> fx(() -> from.getPseudoClassStates()
                .contains(PseudoClass.getPseudoClass("invalid"))));
        String tip = fx(() -> from.getTooltip().getText());
        assertThat(tip).contains("is not a time");
        assertThat(fx(() -> table.getItems().size())).isEqualTo(5); // not sent
    }

    @Test
    void selectingARowShowsTheWholeDocumentWithSecretsMasked(FxRobot robot) {
        TableView<DocumentRow> table = table(memory(robot, "#table"));
        robot.clickOn((TextField) memory(robot, "#userField")).write("dave").type(KeyCode.ENTER);
        await().atMost(WAIT).until(() -> fx(() -> table.getItems().size()) == 1);
        // the detail pane is built on first use: until a row is selected it is one placeholder label
        Node memoryRoot = fx(() -> context.mainView().featureRoot(Section.MEMORY));
        assertThat(robot.from(memoryRoot).lookup(".json-area").tryQuery()).isEmpty();
        assertThat(robot.from(memoryRoot).lookup("#editButton").tryQuery()).isEmpty();

        robot.clickOn(robot.from(table).lookup((TableRow<?> r) -> r.getIndex() == 0
                && r.getItem() != null && r.isVisible()).queryAs(Node.class));
        await().atMost(WAIT).until(() -> fx(() -> table.getSelectionModel().getSelectedIndex()) == 0);
        // built now, with what the editing and similar-items features add to it
        assertThat(robot.from(memoryRoot).lookup("#editButton").tryQuery()).isPresent();
        assertThat(fx(() -> robot.from(memoryRoot).lookup(".tab-pane").queryAs(TabPane.class).getTabs().stream()
                .map(Tab::getId).toList())).contains("similarTab");
        TextArea json = memory(robot, ".json-area");
        await().atMost(WAIT).untilAsserted(() -> assertThat(InspectorUi.<String>fx(json::getText)).contains("\"embedding\""));
        String text = fx(json::getText);
        assertThat(text).contains(SecretMasker.MASK).doesNotContain("sk-live-SECRET-1234");
        assertThat(fx(() -> table.getItems().get(0).isSensitive())).isTrue();
    }

    @Test
    void agentDataLoadsAndFilters(FxRobot robot) {
        InspectorUi.show(context, Section.AGENTS);
        TableView<DocumentRow> table = table(node(robot, context, Section.AGENTS, "#table"));
        await().atMost(WAIT).until(() -> fx(() -> table.getItems().size()) == 50);

        robot.clickOn((TextField) node(robot, context, Section.AGENTS, "#agentField")).write("planner")
                .type(KeyCode.ENTER);

        await().atMost(WAIT).until(() -> fx(() -> table.getItems().size()) == 24);
    }

    @Test
    void aSessionOpensAsATranscriptInTimeOrder(FxRobot robot) {
        InspectorUi.show(context, Section.SESSIONS);
        @SuppressWarnings("unchecked")
        TableView<SessionSummary> sessions = (TableView<SessionSummary>) node(robot, context, Section.SESSIONS,
                "#table");
        await().atMost(WAIT).until(() -> fx(() -> sessions.getItems().stream()
                .anyMatch(s -> "s-chat".equals(s.sessionId()))));
        int index = fx(() -> {
            for (int i = 0; i < sessions.getItems().size(); i++) {
                if ("s-chat".equals(sessions.getItems().get(i).sessionId())) {
                    return i;
                }
            }
            return -1;
        });
        InspectorUi.fxRun(() -> {
            sessions.getSelectionModel().select(index);
            sessions.requestFocus();
        });
        robot.type(KeyCode.ENTER);

        SessionsView view = (SessionsView) context.mainView().view(Section.SESSIONS);
        VBox bubbles = fx(view::bubbles);
        await().atMost(WAIT).until(() -> fx(() -> bubbles.getChildren().size()) == conversation.size());
        List<String> shown = fx(() -> bubbles.getChildren().stream()
                .map(n -> ((HBox) n).getChildren().get(0).getUserData())
                .map(m -> ((ChatMessage) m).text()).toList());
        assertThat(shown).containsExactlyElementsOf(conversation);
        assertThat(fx(() -> robot.from(bubbles).lookup(".bubble-user").queryAll().size())).isEqualTo(2);
        assertThat(fx(() -> robot.from(bubbles).lookup(".bubble-tool").queryAll().size())).isEqualTo(1);
    }
}
