package dev.orchestra.inspector.editing;

import dev.orchestra.inspector.common.Icons;
import dev.orchestra.inspector.deleting.DeleteFlow;
import dev.orchestra.inspector.deleting.DeleteRequest;
import dev.orchestra.inspector.detail.DocumentDetailView;
import dev.orchestra.inspector.documents.DocumentTable;
import dev.orchestra.storage.model.SessionSummary;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import org.controlsfx.glyphfont.FontAwesome;

/**
 * Puts the editing actions into the existing feature views without changing their FXML: Edit / Duplicate / Delete
 * in the detail toolbar, New / Delete selected / Delete all matching in the view's header.
 */
public final class EditingActionsInstaller {
    private EditingActionsInstaller() {
    }

    public static void install(DocumentActionsViewModel actions, DocumentTable table) {
        table.whenDetailBuilt(detail -> installDetailActions(actions, detail));
        Button insert = button("New", "newButton", FontAwesome.Glyph.PLUS, actions::insertNew,
                "Insert a new document into " + actions.collection().collectionName());
        Button deleteSelected = button("Delete selected", "deleteSelectedButton", FontAwesome.Glyph.TRASH,
                actions::deleteSelection, "Delete the selected rows");
        deleteSelected.disableProperty().bind(actions.hasSelectionProperty().not());
        Button deleteMatching = button("Delete all matching…", "deleteMatchingButton", FontAwesome.Glyph.TRASH,
                actions::deleteFilterResult, "Delete every document the filter matches (all pages)");
        addToHeader(table, insert, deleteSelected, deleteMatching);
    }

    /** Edit / Duplicate / Delete of the document shown in the detail pane. */
    private static void installDetailActions(DocumentActionsViewModel actions, DocumentDetailView detail) {
        Button edit = button("Edit", "editButton", FontAwesome.Glyph.PENCIL, actions::editCurrent,
                "Edit this document (form + Extended JSON)");
        edit.disableProperty().bind(actions.canEditProperty().not());
        Button duplicate = button("Duplicate", "duplicateButton", FontAwesome.Glyph.COPY, actions::duplicateCurrent,
                "Open a copy with a new _id in the editor");
        duplicate.disableProperty().bind(actions.canEditProperty().not());
        Button delete = button("Delete", "deleteButton", FontAwesome.Glyph.TRASH, actions::deleteCurrent,
                "Move this document to the trash");
        delete.disableProperty().bind(actions.canEditProperty().not());
        delete.getStyleClass().add("danger-text-button");
        // In the detail header, not its toolbar: a narrow pane would move toolbar items into an overflow menu.
        Node header = detail.root().lookup(".detail-header");
        if (header instanceof Pane pane) {
            pane.getChildren().addAll(edit, duplicate, delete);
        } else {
            detail.addAction(edit);
            detail.addAction(duplicate);
            detail.addAction(delete);
        }
    }

    /** "Delete session…" in the sessions view's header, for the selected session. */
    public static void installSessionDelete(DeleteFlow deletes, ObjectProperty<SessionSummary> selected,
                                            Runnable afterChange, Parent featureRoot) {
        Button delete = button("Delete session…", "deleteSessionButton", FontAwesome.Glyph.TRASH, () -> {
            SessionSummary s = selected.get();
            if (s != null) {
                deletes.start(new DeleteRequest.Session(s.userId(), s.sessionId()), afterChange);
            }
        }, "Delete the selected session: its memory items, its user_sessions record and its cached keys");
        delete.disableProperty().bind(Bindings.createBooleanBinding(() -> selected.get() == null
                || selected.get().sessionId() == null, selected));
        addToHeader(featureRoot, delete);
    }

    /** "Edit session record" (it has one) and "Create session record" (items but no record) in the header. */
    public static void installSessionRecordActions(SessionRecordActionsViewModel actions, Parent featureRoot) {
        Button edit = button("Edit session record", "editSessionRecordButton", FontAwesome.Glyph.PENCIL,
                actions::editRecord, "Edit the selected session's user_sessions document");
        edit.disableProperty().bind(actions.canEditProperty().not());
        Button create = button("Create session record", "createSessionRecordButton", FontAwesome.Glyph.PLUS,
                actions::createRecord, "Create the missing user_sessions document for the selected session");
        create.disableProperty().bind(actions.canCreateProperty().not());
        addToHeader(featureRoot, edit, create);
    }

    private static void addToHeader(Parent featureRoot, Node... nodes) {
        Node header = featureRoot.lookup(".feature-header");
        if (header instanceof Pane pane) {
            // Before the count label at the end of the header.
            int at = Math.max(0, pane.getChildren().size() - 1);
            pane.getChildren().addAll(at, List.of(nodes));
        }
    }

    private static Button button(String text, String id, FontAwesome.Glyph icon, Runnable action, String tip) {
        Button b = new Button(text, Icons.glyph(icon));
        b.setId(id);
        b.setOnAction(e -> action.run());
        b.setTooltip(new Tooltip(tip));
        // Actions keep their labels in a narrow pane; the title next to them is what gets shortened.
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }
}
