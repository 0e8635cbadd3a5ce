package dev.orchestra.storage.transfer;

import dev.orchestra.storage.error.StorageException;
import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.error.ReadOnlyViolationException;
import dev.orchestra.storage.model.StoreCollection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * An import's second pass: the spooled documents written in batches, in file order. Each document gets its
 * {@code _id} before its batch is sent, so that when the store fails in the middle of a batch the ids tell exactly
 * which of the batch are stored, and the failure names that count and how to resume.
 */
final class ImportWriter {
    private final BulkUpsert upsert;
    private final StoreCollection collection;
    private final ImportOptions options;
    private final TransferProgress progress;
    private final long total;
    private final List<BsonDocument> batch;
    private final List<Long> batchLines;
    long inserted;
    long replaced;
    long unchanged;
    long failed;
    final List<LineError> failures = new ArrayList<>();
    boolean cancelled;
    private long done;

    ImportWriter(BulkUpsert upsert, StoreCollection collection, ImportOptions options, TransferProgress progress,
                 long total) {
        this.upsert = upsert;
        this.collection = collection;
        this.options = options;
        this.progress = progress;
        this.total = total;
        this.batch = new ArrayList<>(options.batchSize());
        this.batchLines = new ArrayList<>(options.batchSize());
    }

    /** Writes everything in the spool unless the progress listener cancels between batches. */
    void writeAll(ValidatedSpool spool) {
        ValidatedSpool.SpooledDocument next;
        while ((next = spool.next()) != null) {
            batch.add(options.checks().complete(collection, next.document(), Instant.now()));
            batchLines.add(next.lineNumber());
            if (batch.size() == options.batchSize() && !flush()) {
                cancelled = true;
                return;
            }
        }
        flush();
    }

    private boolean flush() {
        if (batch.isEmpty()) {
            return true;
        }
        UpsertOutcome outcome;
        try {
            outcome = upsert.upsertAll(collection, List.copyOf(batch), options.checks());
        } catch (StorageValidationException | ReadOnlyViolationException e) {
            throw e; // refused before anything of the batch was sent
        } catch (StorageException e) {
            throw interrupted(e);
        }
        inserted += outcome.inserted();
        replaced += outcome.replaced();
        unchanged += outcome.unchanged();
        for (Map.Entry<Integer, String> failure : new TreeMap<>(outcome.failures()).entrySet()) {
            failed++;
            if (failures.size() < options.maxReportedErrors()) {
                failures.add(new LineError(batchLines.get(failure.getKey()), failure.getValue()));
            }
        }
        done += batch.size();
        batch.clear();
        batchLines.clear();
        return progress.onProgress(TransferPhase.WRITING, done, total);
    }

    /** What is stored after a failed batch: the earlier batches' count, plus the batch's documents found as sent. */
    private ImportInterruptedException interrupted(StorageException cause) {
        long before = inserted + replaced + unchanged;
        String lines = "lines " + batchLines.get(0) + "–" + batchLines.get(batchLines.size() - 1);
        String resume = " To resume, run the same import again: documents already stored as in the file are "
                + "counted as unchanged, not written twice. Every document that may have been written is in the "
                + "audit log (import_started).";
        try {
            long ofBatch = storedAsSent();
            return new ImportInterruptedException(String.format(
                    "The import stopped at %s (%s): %,d documents of the file are stored (%,d of that batch of %,d)"
                            + ", %,d valid documents are not.%s",
                    lines, cause.getMessage(), before + ofBatch, ofBatch, batch.size(), total - before - ofBatch,
                    resume), before + ofBatch, true, cause);
        } catch (StorageException checkFailed) {
            return new ImportInterruptedException(String.format(
                    "The import stopped at %s (%s): %,d documents of the file are stored, and up to %,d more of "
                            + "that batch (the store could not be asked which).%s",
                    lines, cause.getMessage(), before, batch.size(), resume), before, false, cause);
        }
    }

    private long storedAsSent() {
        Map<BsonValue, BsonDocument> sent = new HashMap<>();
        batch.forEach(d -> sent.put(d.get("_id"), d));
        return upsert.findStored(collection, List.copyOf(sent.keySet())).stream()
                .filter(stored -> stored.equals(sent.get(stored.get("_id"))))
                .count();
    }
}
