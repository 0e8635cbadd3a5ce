package dev.orchestra.inspector.editing;

import dev.orchestra.inspector.common.DialogService;
import dev.orchestra.inspector.common.FxWindows;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.stage.Stage;

/**
 * An editor per window. Closing a window with unsaved text asks first; a conflict opens the side-by-side diff as a
 * modal dialog over the editor.
 */
public final class FxEditorWindows implements EditorWindows {
    private final FxWindows windows;
    private final DialogService dialogs;
    private final Consumer<Stage> onOpened;
    private final List<DocumentEditorViewModel> open = new ArrayList<>();

    /** @param onOpened told about each editor window (tests and screenshots find them there) */
    public FxEditorWindows(FxWindows windows, DialogService dialogs, Consumer<Stage> onOpened) {
        this.windows = windows;
        this.dialogs = dialogs;
        this.onOpened = onOpened;
    }

    @Override
    public void open(DocumentEditorViewModel editor) {
        Stage[] holder = new Stage[1];
        DocumentEditorView view = new DocumentEditorView(editor, m -> showConflict(m, holder[0]),
                () -> requestClose(editor, holder[0]), dialogs);
        var loaded = windows.loader().load(DocumentEditorView.class, "DocumentEditor.fxml", view);
        Stage stage = windows.stage(editor.titleProperty().get(), loaded.root(), false);
        stage.titleProperty().bind(editor.titleProperty());
        stage.setOnCloseRequest(e -> {
            e.consume();
            requestClose(editor, stage);
        });
        holder[0] = stage;
        open.add(editor);
        stage.setOnHidden(e -> open.remove(editor));
        stage.show();
        onOpened.accept(stage);
    }

    /** Whether an open editor holds text that is not saved (switching the connection asks first). */
    public boolean anyUnsaved() {
        return open.stream().anyMatch(DocumentEditorViewModel::hasUnsavedChanges);
    }

    private void requestClose(DocumentEditorViewModel editor, Stage stage) {
        if (!editor.hasUnsavedChanges() || dialogs.confirm("Discard unsaved changes?",
                "The text you typed has not been saved. Close the editor and lose it?")) {
            stage.close();
        }
    }

    private void showConflict(DocumentEditorViewModel editor, Stage editorStage) {
        Stage[] holder = new Stage[1];
        ConflictDialogView view = new ConflictDialogView(editor, editor.conflictProperty().get(),
                () -> holder[0].close());
        var loaded = windows.loader().load(ConflictDialogView.class, "ConflictDialog.fxml", view);
        Stage stage = windows.stage("Changed since you loaded it", loaded.root(), true, editorStage);
        stage.setOnCloseRequest(e -> editor.keepEditing());
        holder[0] = stage;
        stage.show();
        onOpened.accept(stage);
    }
}
