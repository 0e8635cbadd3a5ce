package dev.orchestra.inspector.ui;

import static dev.orchestra.inspector.ui.InspectorUi.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orchestra.inspector.AppContext;
import dev.orchestra.inspector.MainViewModel.Section;
import dev.orchestra.inspector.StoreDescription;
import dev.orchestra.inspector.TestData;
import dev.orchestra.inspector.common.DocumentRow;
import dev.orchestra.inspector.documents.DocumentTables;
import dev.orchestra.inspector.documents.FieldColumn;
import dev.orchestra.inspector.memory.MemoryItemsViewModel;
import dev.orchestra.inspector.status.HealthPoll;
import dev.orchestra.storage.inmemory.InMemoryMemoryManager;
import dev.orchestra.storage.model.StoreCollection;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Paging gives the table's existing rows and cells the new page instead of building new ones (what made the longest
 * FX pulses while paging), and what the cells show still follows the page: ids, a BSON null's muted style, the flag
 * icon and its tooltip, the selection, the row menu.
 */
@ExtendWith(ApplicationExtension.class)
class PagingWindowIT {
    static {
        InspectorUi.configureHeadlessScreen();
    }

    private static final Duration WAIT = Duration.ofSeconds(15);
    private final InMemoryMemoryManager data = new InMemoryMemoryManager();
    private AppContext context;

    @Start
    void start(Stage stage) {
        TestData.bulkItems(data, 120); // bulk-119 … bulk-0, a minute apart
        TestData.itemWithSecretAndEmbedding(data); // the oldest: the last row of the last page, flagged
        BsonDocument nullPersona = TestData.item("null-persona", "bulk", "s-bulk", "conversation", "newest",
                TestData.T0.plus(Duration.ofDays(1)), "user"); // the newest: the first row of the first page
        nullPersona.put("persona_active", BsonNull.VALUE);
        data.insert(StoreCollection.MEMORY_ITEMS, nullPersona);
        context = InspectorUi.open(stage, () -> data, new StoreDescription("test", "paging", "in memory",
                "no cache", false), HealthPoll.PERIOD);
    }

    @AfterEach
    void close() {
        InspectorUi.fxRun(context::close);
    }

    @SuppressWarnings("unchecked")
    private TableView<DocumentRow> table(FxRobot robot) {
        return (TableView<DocumentRow>) InspectorUi.<Node>node(robot, context, Section.MEMORY, "#table");
    }

    /** The table rows on screen that show an item, by identity. */
    private static Set<TableRow<?>> filledRows(FxRobot robot, TableView<DocumentRow> table) {
        return fx(() -> {
            Set<TableRow<?>> rows = Collections.newSetFromMap(new IdentityHashMap<>());
            robot.from(table).lookup((TableRow<?> r) -> r.getItem() != null && r.isVisible())
                    .queryAll().forEach(n -> rows.add((TableRow<?>) n));
            return rows;
        });
    }

    /** Waits until the row at {@code index} on screen shows the document {@code id}. */
    private static void awaitShown(FxRobot robot, TableView<DocumentRow> table, int index, String id) {
        await().atMost(WAIT).until(() -> fx(() -> robot.from(table).lookup((TableRow<?> r) -> r.getIndex() == index
                && r.getItem() instanceof DocumentRow row && row.idText().equals(id)).tryQuery().isPresent()));
    }

    @Test
    void theNextPageIsShownInTheSameRowsAndClearsTheSelection(FxRobot robot) {
        MemoryItemsViewModel model = context.memoryModel();
        TableView<DocumentRow> table = table(robot);
        await().atMost(WAIT).until(() -> fx(() -> table.getItems().size()) == 50);
        awaitShown(robot, table, 0, "null-persona");
        TableCell<?, ?> persona = personaCell(robot, table, 0);
        assertThat(fx(() -> persona.getPseudoClassStates())).contains(DocumentTables.BSON_NULL);
        InspectorUi.fxRun(() -> table.getSelectionModel().select(2));
        assertThat(fx(() -> model.selectedRowProperty().get().idText())).isEqualTo("bulk-118");
        Set<TableRow<?>> before = filledRows(robot, table);
        assertThat(before).hasSizeGreaterThan(5);

        InspectorUi.fxRun(model::next);
        awaitShown(robot, table, 0, "bulk-70");

        Set<TableRow<?>> after = filledRows(robot, table);
        assertThat(after).as("rows on screen after paging").hasSameSizeAs(before);
        assertThat(before).as("the same row nodes, given the new page").containsAll(after);
        List<String> ids = fx(() -> table.getItems().stream().map(DocumentRow::idText).toList());
        assertThat(ids).hasSize(50).startsWith("bulk-70", "bulk-69").endsWith("bulk-21");
        assertThat(personaCell(robot, table, 0)).as("the same cell").isSameAs(persona);
        assertThat(fx(persona::getText)).isEqualTo("travel_agent");
        assertThat(fx(() -> persona.getPseudoClassStates())).doesNotContain(DocumentTables.BSON_NULL);
        assertThat(fx(() -> table.getSelectionModel().getSelectedItems())).isEmpty();
        assertThat(fx(() -> model.selectedRowProperty().get())).isNull();
        // one menu for every filled row, none for an empty one
        ContextMenu menu = fx(() -> after.iterator().next().getContextMenu());
        assertThat(menu).isNotNull();
        assertThat(after).allSatisfy(r -> assertThat(fx(r::getContextMenu)).isSameAs(menu));
    }

    @Test
    void aReusedFlagCellShowsTheLockOnlyForTheFlaggedRow(FxRobot robot) {
        MemoryItemsViewModel model = context.memoryModel();
        TableView<DocumentRow> table = table(robot);
        await().atMost(WAIT).until(() -> fx(() -> table.getItems().size()) == 50);
        InspectorUi.fxRun(() -> model.pageSizeProperty().set(25)); // the last page has the flagged row on screen
        await().atMost(WAIT).until(() -> fx(() -> table.getItems().size() == 25 && !model.loadingProperty().get()));
        for (int page = 2; page <= 5; page++) {
            int expected = page;
            InspectorUi.fxRun(model::next);
            await().atMost(WAIT).until(() -> fx(() -> model.pageNumberProperty().get() == expected
                    && !model.loadingProperty().get()));
        }
        // page 5: bulk-20 … bulk-1, then secret-1 and bulk-0 (the same time; the larger _id first)
        int flagged = fx(() -> table.getItems().stream().map(DocumentRow::idText).toList().indexOf("secret-1"));
        assertThat(flagged).isEqualTo(20);
        InspectorUi.fxRun(() -> table.scrollTo(flagged - 1));
        awaitShown(robot, table, flagged, "secret-1");
        TableCell<?, ?> flag = flagCell(robot, table, flagged);
        assertThat(fx(() -> flag.getGraphic() != null && flag.getGraphic().isVisible())).isTrue();
        assertThat(fx(() -> flag.getTooltip().getText())).contains("secret-looking value");
        TableCell<?, ?> unflagged = flagCell(robot, table, flagged - 1);
        assertThat(fx(unflagged::getGraphic)).isNull();

        InspectorUi.fxRun(model::previous);
        await().atMost(WAIT).until(() -> fx(() -> model.pageNumberProperty().get() == 4));
        InspectorUi.fxRun(() -> table.scrollTo(flagged - 1));
        awaitShown(robot, table, flagged, "bulk-25"); // page 4: bulk-45 … bulk-21
        TableCell<?, ?> sameIndex = flagCell(robot, table, flagged);
        assertThat(fx(sameIndex::getGraphic)).as("no icon for an unflagged row").isNull();
        assertThat(fx(sameIndex::getTooltip)).isNull();
    }

    /** The persona column's cell of the row at {@code index} on screen. */
    private static TableCell<?, ?> personaCell(FxRobot robot, TableView<DocumentRow> table, int index) {
        return fx(() -> {
            TableRow<?> row = robot.from(table).lookup((TableRow<?> r) -> r.getIndex() == index && r.isVisible())
                    .query();
            return robot.from(row).lookup((TableCell<?, ?> c) -> c.getTableColumn() instanceof FieldColumn f
                    && "persona_active".equals(f.getField())).query();
        });
    }

    /** The flag column's cell of the row at {@code index} on screen. */
    private static TableCell<?, ?> flagCell(FxRobot robot, TableView<DocumentRow> table, int index) {
        return fx(() -> {
            TableRow<?> row = robot.from(table).lookup((TableRow<?> r) -> r.getIndex() == index && r.isVisible())
                    .query();
            return robot.from(row).lookup((TableCell<?, ?> c) -> c.getTableColumn() == table.getColumns().get(0))
                    .query();
        });
    }
}
