package dev.orchestra.inspector.deleting;

import dev.orchestra.inspector.common.AsyncCommand;
import dev.orchestra.inspector.common.BackgroundRunner;
import dev.orchestra.inspector.common.ErrorMessages;
import dev.orchestra.inspector.deleting.DeleteRequest.Outcome;
import dev.orchestra.storage.safety.PartialDeleteException;
import dev.orchestra.storage.safety.SafeOperations;
import dev.orchestra.storage.tiered.CacheInvalidations;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A delete running in the background in batches: progress after each batch, a cancel that takes effect between
 * batches (never in the middle of one), and at the end exactly how many documents were deleted.
 */
public class BulkDeleteViewModel {
    private final BackgroundRunner runner;
    private final SafeOperations ops;
    private final DeleteRequest request;
    private final long expected;
    private final int batchSize;
    private final AsyncCommand<Outcome> delete;
    private final ReadOnlyLongWrapper done = new ReadOnlyLongWrapper(this, "done");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyBooleanWrapper cancelling = new ReadOnlyBooleanWrapper(this, "cancelling");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message");
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome");

    public BulkDeleteViewModel(BackgroundRunner runner, SafeOperations ops, DeleteRequest request, long expected,
                               int batchSize) {
        this.runner = runner;
        this.ops = ops;
        this.request = request;
        this.expected = expected;
        this.batchSize = batchSize;
        this.delete = new AsyncCommand<>(runner, request.describe());
    }

    /** Starts the delete; {@code onFinished} gets what it did (also when cancelled or stopped by an error). */
    public void start(Consumer<Outcome> onFinished) {
        message.set("Deleting " + expected + " document(s)…");
        CacheInvalidations invalidations = ops.cacheInvalidations();
        // A stop request is seen between batches only: a batch that has started always completes.
        delete.execute(run -> {
            long queuedBefore = invalidations.invalidationsQueued();
            Outcome result = request.run(ops, batchSize, (d, total) -> {
                runner.runOnUiThread(() -> reportBatch(d, total));
                return !run.stopRequested();
            });
            return result.withCacheKeysQueued(invalidations.invalidationsQueued() - queuedBefore);
        }, result -> finish(result, describe(result), onFinished), e -> {
            if (e instanceof PartialDeleteException partial) {
                Outcome stopped = new Outcome(partial.batchId(), partial.deleted(), expected, false);
                finish(stopped, "Stopped by an error after deleting exactly " + partial.deleted() + " of " + expected
                        + ": " + ErrorMessages.describe(partial.getCause()), onFinished);
            } else {
                finish(new Outcome(null, 0, expected, false), "Nothing was deleted: " + ErrorMessages.describe(e),
                        onFinished);
            }
        });
    }

    private void reportBatch(long d, long total) {
        done.set(d);
        progress.set(total <= 0 ? -1 : Math.min(1.0, (double) d / total));
        if (!cancelling.get()) {
            message.set("Deleted " + d + " of " + total + "…");
        }
    }

    private void finish(Outcome result, String text, Consumer<Outcome> onFinished) {
        done.set(result.deleted());
        progress.set(1);
        outcome.set(result);
        message.set(text);
        onFinished.accept(result); // the command turns "running" off after this, so its listeners see the outcome
    }

    private String describe(Outcome r) {
        String count = "exactly " + r.deleted() + (r.deleted() == 1 ? " document" : " documents");
        return r.cancelled() ? "Cancelled: deleted " + count + " of " + r.expected() + "; the rest were not touched."
                : "Deleted " + count + ".";
    }

    /** Stops after the batch that is running now. */
    public void cancel() {
        if (delete.requestStop()) {
            cancelling.set(true);
            message.set("Cancelling after the current batch…");
        }
    }

    public String title() {
        return request.describe();
    }

    public ReadOnlyLongProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    /** 0..1, or -1 before the first batch (indeterminate). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return delete.runningProperty();
    }

    public ReadOnlyBooleanProperty cancellingProperty() {
        return cancelling.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }
}
