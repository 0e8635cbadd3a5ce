package dev.orchestra.inspector.trash;

import dev.orchestra.inspector.common.AsyncCommand;
import dev.orchestra.inspector.common.BackgroundRunner;
import dev.orchestra.inspector.common.DialogService;
import dev.orchestra.inspector.common.ErrorMessages;
import dev.orchestra.inspector.common.FailureMessage;
import dev.orchestra.inspector.common.SafeStorageHolder;
import dev.orchestra.storage.error.StorageException;
import dev.orchestra.storage.model.Page;
import dev.orchestra.storage.model.PageCursor;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.safety.RestoreReport;
import dev.orchestra.storage.safety.SafeOperations;
import dev.orchestra.storage.safety.TrashEntry;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.bson.BsonValue;

/**
 * The trash: deleted documents newest first, restorable one by one or by delete batch. A restore that is refused
 * (the {@code _id} exists again) says so and the entry stays.
 */
public class TrashViewModel {
    public static final int PAGE_SIZE = 100;

    private final SafeStorageHolder storage;
    private final Runnable afterRestore;
    private final DialogService dialogs;
    private final ObservableList<TrashEntry> entries = FXCollections.observableArrayList();
    private final ObservableList<TrashEntry> selected = FXCollections.observableArrayList();
    private final ObjectProperty<TrashEntry> current = new SimpleObjectProperty<>(this, "current");
    private final AsyncCommand<Page<TrashEntry>> loadTrash;
    private final AsyncCommand<Restored> restore;
    private final BooleanBinding loading;
    private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper(this, "hasMore");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper errorDetails = new ReadOnlyStringWrapper(this, "errorDetails");
    private PageCursor next;

    /** @param dialogs asks before a whole delete batch is restored, and shows a failure's details */
    public TrashViewModel(BackgroundRunner runner, SafeStorageHolder storage, Runnable afterRestore,
                          DialogService dialogs) {
        this.storage = storage;
        this.loadTrash = new AsyncCommand<>(runner, "Loading the trash");
        this.restore = new AsyncCommand<>(runner, "Restoring from the trash");
        this.loading = loadTrash.runningProperty().or(restore.runningProperty());
        this.afterRestore = afterRestore;
        this.dialogs = dialogs;
    }

    /** The first page, newest first. */
    public void load() {
        error.set(null);
        loadPage(null, false);
    }

    public void loadMore() {
        if (hasMore.get()) {
            loadPage(next, true);
        }
    }

    private void loadPage(PageCursor cursor, boolean append) {
        SafeOperations ops = operations();
        if (ops == null) {
            return;
        }
        loadTrash.execute(() -> ops.trash().list(new PageRequest(PAGE_SIZE, cursor)),
                page -> {
                    if (append) {
                        entries.addAll(page.items());
                    } else {
                        entries.setAll(page.items());
                    }
                    next = page.next();
                    hasMore.set(page.hasMore());
                }, e -> error.set(ErrorMessages.describe(e)));
    }

    /** Restores the selected entries, each on its own; refusals are listed in the message. */
    public void restoreSelected() {
        List<BsonValue> ids = selected.stream().map(TrashEntry::id).toList();
        SafeOperations ops = operations();
        if (ops == null || ids.isEmpty() || restore.isRunning()) {
            return;
        }
        restore.execute(() -> {
            List<String> refusals = new ArrayList<>();
            int restored = 0;
            for (BsonValue id : ids) {
                try {
                    ops.trash().restore(id);
                    restored++;
                } catch (StorageException e) {
                    refusals.add(ErrorMessages.describe(e));
                }
            }
            Outcome outcome = new Outcome(restored, refusals);
            return new Restored(outcome.summary(), refusals.isEmpty());
        }, this::finished, this::failed);
    }

    /**
     * Restores everything deleted together with the current entry (the undo of that delete), after asking: a batch
     * can hold thousands of documents from a bulk or session delete.
     */
    public void restoreBatch() {
        TrashEntry entry = current.get();
        SafeOperations ops = operations();
        if (ops == null || entry == null || entry.batchId() == null || restore.isRunning()) {
            return;
        }
        if (!dialogs.confirm("Restore the whole delete?", "Every document deleted together with this one (batch "
                + entry.batchId() + ") goes back to its collection. Documents whose _id exists again are skipped "
                + "and stay in the trash.")) {
            return;
        }
        restore.execute(() -> {
            RestoreReport report = ops.undo(entry.batchId());
            return new Restored(report.summary(), report.complete());
        }, this::finished, this::failed);
    }

    /** What a restore did, in one line, and whether everything asked for came back. */
    private record Restored(String summary, boolean complete) {
    }

    private void finished(Restored restored) {
        errorDetails.set(null);
        message.set(restored.summary());
        error.set(restored.complete() ? null : restored.summary());
        afterRestore.run();
        loadPage(null, false); // keeps the refusal message visible
    }

    private void failed(Throwable e) {
        FailureMessage failure = FailureMessage.of(e);
        error.set("Not restored. " + failure.message());
        errorDetails.set(failure.details());
    }

    /** Shows the technical text behind the last failure (what the server said) in a dialog. */
    public void showErrorDetails() {
        if (errorDetails.get() != null) {
            dialogs.showError("Not restored", new FailureMessage(error.get(), errorDetails.get()));
        }
    }

    private SafeOperations operations() {
        try {
            return storage.operations();
        } catch (RuntimeException e) {
            error.set(ErrorMessages.describe(e));
            return null;
        }
    }

    private record Outcome(int restored, List<String> refusals) {
        String summary() {
            String head = "Restored " + restored + (restored == 1 ? " document" : " documents");
            return refusals.isEmpty() ? head + "." : head + "; " + refusals.size() + " refused: " + refusals.get(0);
        }
    }

    public ObservableList<TrashEntry> entries() {
        return entries;
    }

    /** Kept in step with the table's selection by the view. */
    public ObservableList<TrashEntry> selected() {
        return selected;
    }

    public ObjectProperty<TrashEntry> currentProperty() {
        return current;
    }

    /** Loading a page or restoring. */
    public BooleanBinding loadingProperty() {
        return loading;
    }

    public ReadOnlyBooleanProperty hasMoreProperty() {
        return hasMore.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The technical text behind {@link #errorProperty()}, or null when the sentence says everything. */
    public ReadOnlyStringProperty errorDetailsProperty() {
        return errorDetails.getReadOnlyProperty();
    }
}
