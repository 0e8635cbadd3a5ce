package dev.orchestra.inspector.ui;

import static dev.orchestra.inspector.ui.InspectorUi.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orchestra.inspector.AppContext;
import dev.orchestra.inspector.MainViewModel.Section;
import dev.orchestra.inspector.StoreDescription;
import dev.orchestra.inspector.ConnectionActions;
import dev.orchestra.inspector.WindowSettings;
import dev.orchestra.inspector.common.DocumentRow;
import dev.orchestra.inspector.status.HealthPoll;
import dev.orchestra.storage.inmemory.InMemoryMemoryManager;
import dev.orchestra.storage.mongo.SampleDataSeeder;
import dev.orchestra.storage.safety.WriteLock;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Cell;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.Region;
import javafx.scene.paint.Paint;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window at 1280×720 on the sample data, light and dark: in every view no toolbar moves a button into its
 * overflow menu and no label or button is cut short with an ellipsis. Also: the window's size, position and theme
 * come back on the next start. Writes PNGs to {@code target/screenshots/small-*.png}.
 */
@ExtendWith(ApplicationExtension.class)
class SmallWindowIT {
    static {
        InspectorUi.configureHeadlessScreen();
    }

    private static final Duration WAIT = Duration.ofSeconds(20);
    private final InMemoryMemoryManager data = new InMemoryMemoryManager();
    @TempDir
    Path settingsDir;
    private Stage stage;
    private AppContext context;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        SampleDataSeeder.seedIfNeeded(data);
    }

    @AfterEach
    void close() {
        if (context != null) {
            InspectorUi.fxRun(context::close);
        }
    }

    /** Builds and shows the window; building every view may take a while on a busy machine. */
    private AppContext open() throws Exception {
        AppContext opened = WaitForAsyncUtils.asyncFx(() -> {
            AppContext c = new AppContext(() -> data, new StoreDescription("development", "orchestra",
                    "in-memory sample data", "no cache", false), WriteLock.unlocked(), Clock.systemDefaultZone(),
                    HealthPoll.PERIOD, WindowSettings.at(settingsDir.resolve("window.properties")),
                    ConnectionActions.NONE, null);
            c.show(stage);
            return c;
        }).get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return opened;
    }

    @Test
    void everyViewIsUsableAt1280x720InBothThemes(FxRobot robot) throws Exception {
        context = open();
        InspectorUi.fxRun(() -> {
            stage.setWidth(1280);
            stage.setHeight(720);
        });
        @SuppressWarnings("unchecked")
        TableView<DocumentRow> memory = (TableView<DocumentRow>) InspectorUi.node(robot, context, Section.MEMORY,
                "#table");
        await().atMost(WAIT).until(() -> fx(() -> memory.getItems().size()) > 10);
        InspectorUi.fxRun(() -> memory.getSelectionModel().select(0));
        await().atMost(WAIT).until(() -> fx(() -> context.memoryModel().detail().documentProperty().get() != null
                && !context.memoryModel().detail().loadingProperty().get()));
        InspectorUi.fxRun(() -> context.sessionsModel().load());
        await().atMost(WAIT).until(() -> fx(() -> context.sessionsModel().sessions().size()) > 3);

        List<String> problems = new ArrayList<>();
        for (boolean dark : new boolean[] {false, true}) {
            InspectorUi.fxRun(() -> context.mainModel().darkThemeProperty().set(dark));
            for (Section section : Section.values()) {
                InspectorUi.show(context, section);
                WaitForAsyncUtils.waitForFxEvents();
                problems.addAll(fx(() -> layoutProblems(stage.getScene().getRoot(), section + (dark ? " dark" : ""))));
                snapshot("small-" + section.name().toLowerCase() + (dark ? "-dark" : "") + ".png");
            }
        }
        assertThat(problems).isEmpty();

        // dark theme: the selected Relaxed/Canonical toggle must look different from the other one
        InspectorUi.show(context, Section.MEMORY);
        ToggleButton relaxed = InspectorUi.node(robot, context, Section.MEMORY, "#readableButton");
        ToggleButton canonical = InspectorUi.node(robot, context, Section.MEMORY, "#canonicalButton");
        InspectorUi.fxRun(() -> relaxed.setSelected(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> innerFill(relaxed))).isNotEqualTo(fx(() -> innerFill(canonical)));
    }

    private static Paint innerFill(Region region) {
        var fills = region.getBackground().getFills();
        return fills.get(fills.size() - 1).getFill();
    }

    @Test
    void sizePositionAndThemeAreRememberedForTheNextStart() throws Exception {
        context = open();
        InspectorUi.fxRun(() -> {
            stage.setX(40);
            stage.setY(30);
            stage.setWidth(1100);
            stage.setHeight(700);
            context.mainModel().darkThemeProperty().set(true);
            context.close();
        });
        assertThat(settingsDir.resolve("window.properties")).exists();

        InspectorUi.fxRun(() -> {
            stage.setWidth(1440);
            stage.setHeight(900);
        });
        context = open();

        assertThat(fx(() -> List.of(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight())))
                .containsExactly(40.0, 30.0, 1100.0, 700.0);
        assertThat(fx(() -> context.mainModel().darkThemeProperty().get())).isTrue();
        assertThat(fx(() -> stage.getScene().getRoot().getStyleClass().contains("dark")
                || stage.getScene().getRoot().lookup(".dark") != null)).isTrue();
    }

    /** Visible toolbars with an overflow button shown, and visible labels or buttons whose text is cut. */
    private static List<String> layoutProblems(Parent root, String where) {
        List<String> problems = new ArrayList<>();
        for (Node overflow : root.lookupAll(".tool-bar-overflow-button")) {
            if (visible(overflow)) {
                problems.add(where + ": a toolbar overflows (" + overflow.getParent() + ")");
            }
        }
        collectCutLabels(root, where, problems);
        return problems;
    }

    private static void collectCutLabels(Node node, String where, List<String> problems) {
        if (!node.isVisible() || node instanceof Cell<?> || node.getStyleClass().contains("column-header")) {
            return; // table cells and column headers may shorten long values by design
        }
        if (node instanceof Labeled labeled && !labeled.isWrapText() && labeled.getText() != null
                && !labeled.getText().isEmpty()) {
            Text text = labeled.getChildrenUnmodifiable().stream().filter(Text.class::isInstance).map(Text.class::cast)
                    .findFirst().orElse(null);
            // cut = shown with the ellipsis; a text that merely changed since the last layout (the status bar's
            // "checked N s ago" ticks every second) is shown whole at the next pulse
            String ellipsis = labeled.getEllipsisString();
            if (text != null && !labeled.getText().equals(text.getText()) && text.getText().contains(ellipsis)
                    && !labeled.getText().contains(ellipsis)) {
                problems.add(where + ": '" + labeled.getText() + "' shows as '" + text.getText() + "' ("
                        + labeled.getStyleClass() + ")");
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collectCutLabels(child, where, problems);
            }
        }
    }

    private static boolean visible(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private void snapshot(String name) throws Exception {
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        BufferedImage image = fx(() -> SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null));
        ImageIO.write(image, "png", dir.resolve(name).toFile());
    }
}
