package dev.orchestra.inspector.deleting;

import dev.orchestra.inspector.common.AsyncCommand;
import dev.orchestra.inspector.common.BackgroundRunner;
import dev.orchestra.inspector.common.CacheWarnings;
import dev.orchestra.inspector.common.FailureMessage;
import dev.orchestra.inspector.common.SafeStorageHolder;
import dev.orchestra.inspector.common.SecretDisplay;
import dev.orchestra.inspector.deleting.DeleteRequest.Outcome;
import dev.orchestra.storage.safety.DeletePreview;
import dev.orchestra.storage.safety.RestoreReport;
import dev.orchestra.storage.safety.SafeOperations;
import dev.orchestra.storage.tiered.CacheInvalidations;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Every delete of the app: preview (count and sample) in the background, confirmation (typed above 100 documents
 * or for a session), the delete in batches with progress and cancel, then a notification whose "Undo" restores
 * the batch from the trash (once). All storage calls go through {@link SafeOperations} on the runner.
 */
public class DeleteFlow {
    private final BackgroundRunner runner;
    private final SafeStorageHolder storage;
    private final DeleteDialogs dialogs;
    private final SecretDisplay secrets;
    private final int batchSize;
    private final ReadOnlyStringWrapper lastMessage = new ReadOnlyStringWrapper(this, "lastMessage");
    private final ReadOnlyObjectWrapper<Outcome> lastOutcome = new ReadOnlyObjectWrapper<>(this, "lastOutcome");

    public DeleteFlow(BackgroundRunner runner, SafeStorageHolder storage, DeleteDialogs dialogs, SecretDisplay secrets,
                      int batchSize) {
        this.runner = runner;
        this.storage = storage;
        this.dialogs = dialogs;
        this.secrets = secrets;
        this.batchSize = batchSize;
    }

    /** Starts the flow; {@code afterChange} runs after the delete and after an undo (to refresh the views). */
    public void start(DeleteRequest request, Runnable afterChange) {
        SafeOperations ops;
        try {
            ops = storage.operations();
        } catch (RuntimeException e) {
            report(request, e);
            return;
        }
        boolean reveal = secrets.isRevealed();
        // One command per request: the preview ends in the modal confirmation, and a second delete started
        // meanwhile is a request of its own, not a reload that replaces this one.
        new AsyncCommand<DeletePreview>(runner, "Previewing: " + request.describe()).execute(() -> {
            // Refused by the storage layer's lock before the user is asked anything.
            ops.writeLock().checkWritable(request.describe());
            return masked(request.preview(ops), reveal);
        }, preview -> confirmAndRun(ops, request, preview, afterChange), e -> report(request, e));
    }

    private void confirmAndRun(SafeOperations ops, DeleteRequest request, DeletePreview preview,
                               Runnable afterChange) {
        if (preview.count().value() == 0) {
            setMessage("Nothing to delete: no document matches.");
            dialogs.showInfo(lastMessage.get());
            return;
        }
        if (!dialogs.confirm(new DeleteConfirmationViewModel(request, preview))) {
            setMessage("Delete cancelled; nothing was deleted.");
            return;
        }
        var bulk = new BulkDeleteViewModel(runner, ops, request, preview.count().value(), batchSize);
        dialogs.showProgress(bulk);
        bulk.start(outcome -> {
            lastOutcome.set(outcome);
            setMessage(bulk.messageProperty().get());
            afterChange.run();
            if (outcome.deleted() > 0) {
                // Single use: a second click would only report "Restored 0 documents".
                AtomicBoolean offered = new AtomicBoolean(true);
                dialogs.showDeleted(lastMessage.get(), () -> {
                    if (offered.getAndSet(false)) {
                        undo(outcome.batchId(), afterChange);
                    }
                });
            } else {
                dialogs.showInfo(lastMessage.get());
            }
            warnIfCacheNotCleaned(outcome.cacheKeysQueued());
        });
    }

    /** Restores everything the delete with {@code batchId} removed (refusals are reported, the rest comes back). */
    public void undo(String batchId, Runnable afterChange) {
        SafeOperations ops;
        try {
            ops = storage.operations();
        } catch (RuntimeException e) {
            dialogs.showError("Undo failed", FailureMessage.of(e));
            return;
        }
        CacheInvalidations invalidations = ops.cacheInvalidations();
        // One command per undo: undos of different deletes are independent writes, and a write is never replaced.
        new AsyncCommand<Undone>(runner, "Undoing delete " + batchId).execute(() -> {
            long queuedBefore = invalidations.invalidationsQueued();
            RestoreReport report = ops.undo(batchId);
            return new Undone(report, invalidations.invalidationsQueued() - queuedBefore);
        }, (Undone undone) -> {
            RestoreReport report = undone.report();
            setMessage("Undo: " + report.summary());
            afterChange.run();
            if (report.complete()) {
                dialogs.showInfo(lastMessage.get());
            } else {
                dialogs.showError("Undo incomplete", lastMessage.get());
            }
            warnIfCacheNotCleaned(undone.cacheKeysQueued());
        }, e -> {
            FailureMessage failure = FailureMessage.of(e);
            setMessage("Undo failed: " + failure.message());
            dialogs.showError("Undo failed", failure);
        });
    }

    private record Undone(RestoreReport report, long cacheKeysQueued) {
    }

    /** Until Redis deletes the queued keys, Orchestra (another process) may still serve what was deleted. */
    private void warnIfCacheNotCleaned(long cacheKeysQueued) {
        if (cacheKeysQueued > 0) {
            dialogs.showWarning(CacheWarnings.notCleaned(cacheKeysQueued));
        }
    }

    private void report(DeleteRequest request, Throwable e) {
        FailureMessage failure = FailureMessage.of(e);
        setMessage("Not deleted: " + failure.message());
        dialogs.showError(request.describe(), failure);
    }

    private DeletePreview masked(DeletePreview preview, boolean reveal) {
        if (reveal) {
            return preview;
        }
        var masker = secrets.masker();
        return new DeletePreview(preview.count(), preview.sample().stream().map(masker::mask).toList(),
                preview.confirmationPhrase());
    }

    private void setMessage(String text) {
        lastMessage.set(text);
    }

    /** What the last delete or undo did, in words. */
    public ReadOnlyStringProperty lastMessageProperty() {
        return lastMessage.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Outcome> lastOutcomeProperty() {
        return lastOutcome.getReadOnlyProperty();
    }
}
