package dev.orchestra.inspector.editing;

import dev.orchestra.inspector.editing.SideBySideDiff.Row;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;

/**
 * Theirs (stored now) and yours (typed) side by side; the user reloads or overwrites deliberately, or keeps editing.
 * Binds the editor's {@link EditConflict}.
 */
public class ConflictDialogView {
    private final DocumentEditorViewModel model;
    private final EditConflict conflict;
    private final Runnable closeWindow;

    @FXML private BorderPane root;
    @FXML private Label headline;
    @FXML private Label explanation;
    @FXML private Label changeCount;
    @FXML private TableView<Row> diffTable;
    @FXML private TableColumn<Row, Integer> leftNumberColumn;
    @FXML private TableColumn<Row, String> leftColumn;
    @FXML private TableColumn<Row, Integer> rightNumberColumn;
    @FXML private TableColumn<Row, String> rightColumn;
    @FXML private Button keepButton;
    @FXML private Button reloadButton;
    @FXML private Button overwriteButton;

    public ConflictDialogView(DocumentEditorViewModel model, EditConflict conflict,
                              Runnable closeWindow) {
        this.model = model;
        this.conflict = conflict;
        this.closeWindow = closeWindow;
    }

    @FXML
    private void initialize() {
        headline.setText(conflict.deleted()
                ? "This document was deleted after you loaded it"
                : "This document was changed in the database after you loaded it");
        explanation.setText(conflict.deleted()
                ? "Nothing was saved. Insert yours again, or keep editing (your text is kept)."
                : "Nothing was saved. Left: the stored version now. Right: your version. Reload theirs (your "
                        + "changes are discarded) or overwrite theirs with yours — or keep editing; your text is kept.");
        var rows = conflict.diff();
        long changed = rows.stream().filter(r -> r.kind() != SideBySideDiff.Kind.SAME).count();
        changeCount.setText(changed + (changed == 1 ? " line differs" : " lines differ"));
        leftNumberColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().leftNumber()));
        leftColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().left()));
        rightNumberColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().rightNumber()));
        rightColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().right()));
        diffTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Row row, boolean empty) {
                super.updateItem(row, empty);
                for (SideBySideDiff.Kind k : SideBySideDiff.Kind.values()) {
                    pseudoClassStateChanged(pseudo(k), !empty && row != null && row.kind() == k);
                }
            }
        });
        diffTable.getItems().setAll(rows);
        rows.stream().filter(r -> r.kind() != SideBySideDiff.Kind.SAME).findFirst()
                .ifPresent(first -> diffTable.scrollTo(Math.max(0, rows.indexOf(first) - 3)));
        reloadButton.setDisable(conflict.deleted());
        overwriteButton.setText(conflict.deleted() ? "Insert mine again" : "Overwrite with mine");
    }

    private static PseudoClass pseudo(SideBySideDiff.Kind kind) {
        return PseudoClass.getPseudoClass("diff-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    @FXML
    private void reload() {
        model.reloadTheirs();
        closeWindow.run();
    }

    @FXML
    private void overwrite() {
        model.overwrite();
        closeWindow.run();
    }

    @FXML
    private void keepEditing() {
        model.keepEditing();
        closeWindow.run();
    }

    public BorderPane root() {
        return root;
    }
}
