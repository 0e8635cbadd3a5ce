package dev.orchestra.inspector.ui;

import static dev.orchestra.inspector.ui.InspectorUi.fx;
import static dev.orchestra.inspector.ui.InspectorUi.fxRun;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.inspector.AppContext;
import dev.orchestra.inspector.ViewModelFixture;
import dev.orchestra.inspector.common.Messages;
import dev.orchestra.inspector.common.SameThreadRunner;
import dev.orchestra.inspector.common.ViewLoader;
import dev.orchestra.inspector.detail.BsonNode;
import dev.orchestra.inspector.detail.DocumentDetailView;
import dev.orchestra.inspector.detail.DocumentDetailViewModel;
import dev.orchestra.inspector.editing.EveryBsonValue;
import dev.orchestra.storage.inmemory.InMemoryMemoryManager;
import dev.orchestra.storage.model.StoreCollection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The detail pane on a document holding every BSON type: the Tree's type column shows whole type names (never
 * "I…"), values read as what they are, and the JSON tab is the readable notation. Writes
 * {@code target/screenshots/screenshot-detail-types.png} (and {@code -json.png}).
 */
@ExtendWith(ApplicationExtension.class)
class DetailPaneTypesIT {
    static {
        InspectorUi.configureHeadlessScreen();
    }

    private final InMemoryMemoryManager store = new InMemoryMemoryManager();
    private DocumentDetailViewModel model;
    private DocumentDetailView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        store.insert(StoreCollection.MEMORY_ITEMS, document());
        ViewModelFixture fixture = new ViewModelFixture(new SameThreadRunner(), store);
        fixture.store.connect();
        model = fixture.detail();
        Messages messages = Messages.load();
        view = new DocumentDetailView(model, messages);
        new ViewLoader(messages, type -> null).load(DocumentDetailView.class, "DocumentDetail.fxml", view);
        Scene scene = new Scene(view.root(), 760, 860);
        scene.getStylesheets().add(AppContext.class.getResource("theme.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        model.show(StoreCollection.MEMORY_ITEMS, new BsonString("every-type"), null);
    }

    /** A chat message with a null text and, at the top level so they fit one screen, the types people misread. */
    private static BsonDocument document() {
        BsonDocument every = EveryBsonValue.everyType();
        BsonDocument doc = new BsonDocument("_id", new BsonString("every-type"))
                .append("user_id", new BsonString("alice"))
                .append("timestamp", every.get("date"))
                .append("item_type", new BsonString("conversation"))
                .append("text_content", BsonNull.VALUE)
                .append("sent_at", new BsonInt64(1_717_243_200_000L))
                .append("oplog_position", every.get("timestamp"));
        for (String field : List.of("int32", "int64", "double_one", "double_nan", "decimal", "decimal_minus_zero",
                "binary_4", "binary_0", "regex", "date_pre_1970", "date_far_future", "string_emoji",
                "object_id", "javascript_with_scope", "db_pointer", "symbol", "undefined", "min_key", "array",
                "document")) {
            doc.append(field, every.get(field));
        }
        return doc;
    }

    @Test
    void treeShowsWholeTypeNamesAndReadableValues(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        TreeTableView<BsonNode> tree = (TreeTableView<BsonNode>) robot.lookup(".bson-tree").query();
        fxRun(() -> view.tabs().getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        screenshot("screenshot-detail-types.png");

        List<TreeTableCell<?, ?>> typeCells = fx(() -> robot.lookup(".tree-table-cell").queryAll().stream()
                .<TreeTableCell<?, ?>>map(n -> (TreeTableCell<?, ?>) n)
                .filter(c -> c.getTableColumn() == tree.getColumns().get(1) && c.getText() != null
                        && !c.getText().isEmpty())
                .collect(Collectors.toList()));
        Set<String> shown = fx(() -> typeCells.stream().map(TreeTableCell::getText).collect(Collectors.toSet()));
        assertThat(shown).contains("Int32", "Int64", "Double", "Decimal128", "UUID", "Timestamp", "Date",
                "JavaScriptWithScope", "DBPointer");
        for (TreeTableCell<?, ?> cell : typeCells) {
            String drawn = fx(() -> ((Text) cell.lookup(".text")).getText());
            assertThat(drawn).as("type cell drawn in full").isEqualTo(fx(cell::getText));
        }

        fxRun(() -> view.tabs().getSelectionModel().select(0));
        TextArea json = (TextArea) robot.lookup(".json-area").query();
        String jsonText = fx(json::getText);
        assertThat(jsonText).contains("ISODate(\"1969-07-20T20:17:40.000Z\")").contains("🚀")
                .contains("NumberLong(").doesNotContain("$numberLong");
        screenshot("screenshot-detail-types-json.png");
    }

    private void screenshot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Path dir = Path.of(System.getProperty("screenshot.dir", "target/screenshots"));
        Files.createDirectories(dir);
        var image = fx(() -> SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null));
        ImageIO.write(image, "png", dir.resolve(name).toFile());
    }
}
