package dev.orchestra.inspector.editing;

import dev.orchestra.inspector.common.AsyncCommand;
import dev.orchestra.inspector.common.BackgroundRunner;
import dev.orchestra.inspector.common.DialogService;
import dev.orchestra.inspector.common.DocumentRow;
import dev.orchestra.inspector.common.ErrorMessages;
import dev.orchestra.inspector.common.SafeStorageHolder;
import dev.orchestra.inspector.documents.PagedDocumentsViewModel;
import dev.orchestra.inspector.deleting.DeleteFlow;
import dev.orchestra.inspector.deleting.DeleteRequest;
import dev.orchestra.inspector.detail.DocumentDetailViewModel;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.safety.SafeOperations;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Edit / New / Duplicate / Delete for one document table (memory items, agent data): opens editors and starts
 * deletes; afterwards the table and the detail pane are reloaded.
 */
public class DocumentActionsViewModel {
    private final BackgroundRunner runner;
    private final SafeStorageHolder storage;
    private final EditorWindows editors;
    private final DeleteFlow deletes;
    private final PagedDocumentsViewModel feature;
    private final DialogService dialogs;
    private final Clock clock;
    private final AsyncCommand<BsonDocument> duplicateDraft;
    private final BooleanBinding canEdit;
    private final BooleanBinding hasSelection;

    public DocumentActionsViewModel(BackgroundRunner runner, SafeStorageHolder storage, EditorWindows editors,
                                    DeleteFlow deletes, PagedDocumentsViewModel feature, DialogService dialogs,
                                    Clock clock) {
        this.runner = runner;
        this.storage = storage;
        this.editors = editors;
        this.deletes = deletes;
        this.feature = feature;
        this.dialogs = dialogs;
        this.clock = clock;
        this.duplicateDraft = new AsyncCommand<>(runner, "Preparing a duplicate");
        DocumentDetailViewModel detail = feature.detail();
        // Only the whole document (not the list row shown while it loads) may be the concurrency guard's expectation.
        canEdit = detail.documentProperty().isNotNull().and(detail.loadingProperty().not())
                .and(detail.documentIdProperty().isNotNull());
        hasSelection = Bindings.isNotEmpty(feature.selectedRows());
    }

    public StoreCollection collection() {
        return feature.collection();
    }

    /** Reloads the table and the detail pane (after a save, delete or undo). */
    public void afterChange() {
        feature.refresh();
        feature.detail().reload();
    }

    public void editCurrent() {
        DocumentDetailViewModel detail = feature.detail();
        if (!canEdit.get()) {
            return;
        }
        editors.open(DocumentEditorViewModel.edit(runner, storage, detail.collectionProperty().get(),
                detail.documentProperty().get(), clock, this::afterChange));
    }

    public void insertNew() {
        editors.open(DocumentEditorViewModel.insert(runner, storage, feature.collection(), clock, this::afterChange));
    }

    /** Opens a copy of the current document (fresh _id, time now) in a new editor; nothing is stored until Insert. */
    public void duplicateCurrent() {
        BsonValue id = feature.detail().documentIdProperty().get();
        StoreCollection collection = feature.detail().collectionProperty().get();
        if (id == null) {
            return;
        }
        SafeOperations ops;
        try {
            ops = storage.operations();
        } catch (RuntimeException e) {
            dialogs.showError("Cannot duplicate", ErrorMessages.describe(e));
            return;
        }
        duplicateDraft.execute(() -> ops.duplicateDraft(collection, id),
                draft -> editors.open(DocumentEditorViewModel.duplicate(runner, storage, collection, draft, clock,
                        this::afterChange)),
                e -> dialogs.showError("Cannot duplicate", ErrorMessages.describe(e)));
    }

    public void deleteCurrent() {
        BsonValue id = feature.detail().documentIdProperty().get();
        if (id != null) {
            deletes.start(new DeleteRequest.Selection(feature.detail().collectionProperty().get(), List.of(id)),
                    this::afterChange);
        }
    }

    public void deleteSelection() {
        List<BsonValue> ids = feature.selectedRows().stream().map(DocumentRow::id).filter(Objects::nonNull).toList();
        if (!ids.isEmpty()) {
            deletes.start(new DeleteRequest.Selection(feature.collection(), ids), this::afterChange);
        }
    }

    /** Everything the active filter matches (all pages, not only the one shown). */
    public void deleteFilterResult() {
        deletes.start(new DeleteRequest.Matching(feature.collection(), feature.activeFilter()), this::afterChange);
    }

    public BooleanBinding canEditProperty() {
        return canEdit;
    }

    public BooleanBinding hasSelectionProperty() {
        return hasSelection;
    }

    public DeleteFlow deletes() {
        return deletes;
    }
}
