package dev.orchestra.bench;

import dev.orchestra.inspector.AppContext;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * The floor: what JavaFX itself costs on this machine for a window like the inspector's first page — a
 * {@code TableView} of {@value #ROWS} rows of four text columns, styled by the app's own {@code theme.css}, in a
 * window of the inspector's size. Nothing of the app runs; whatever the inspector costs above this is its own.
 */
final class FloorApp {
    static final int ROWS = 50;
    private static final List<String> COLUMNS = List.of("_id", "user_id", "item_type", "text_content");

    private final TableView<List<String>> table = new TableView<>();

    /** Builds the window and shows it; call on the FX thread. */
    Scene show(Stage stage) {
        for (int c = 0; c < COLUMNS.size(); c++) {
            int index = c;
            TableColumn<List<String>, String> column = new TableColumn<>(COLUMNS.get(c));
            column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().get(index)));
            column.setPrefWidth(index == 3 ? 600 : 180);
            table.getColumns().add(column);
        }
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(List.of(String.format("66f0c2a1e4b0%012d", i), "user-" + i % 7, i % 3 == 0 ? "conversation"
                    : "fact", "A line of text like a memory item's, number " + i));
        }
        table.setItems(FXCollections.observableArrayList(rows));
        Scene scene = new Scene(table, 1440, 900);
        scene.getStylesheets().add(AppContext.class.getResource("theme.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        return scene;
    }

    TableView<List<String>> table() {
        return table;
    }
}
