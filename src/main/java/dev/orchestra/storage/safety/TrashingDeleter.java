package dev.orchestra.storage.safety;

import dev.orchestra.storage.DocumentStore;
import dev.orchestra.storage.error.StorageException;
import dev.orchestra.storage.model.BulkProgress;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.StoreCollection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way documents are deleted here: read the full documents, copy them to the trash, then delete exactly those
 * {@code _id}s. If the copy fails nothing is deleted. Bulk deletes do this per batch with three round trips
 * ({@code findByIds}, trash {@code insertAll}, {@code deleteByIds}) instead of three per document; the count comes
 * from the store's deleted count, so totals are exact.
 */
final class TrashingDeleter {
    private static final Logger LOG = LoggerFactory.getLogger(TrashingDeleter.class);

    /** The outcome of one run over a filter. */
    record Outcome(long deleted, boolean cancelled) {
    }

    private final DocumentStore manager;
    private final TrashService trash;

    TrashingDeleter(DocumentStore manager, TrashService trash) {
        this.manager = manager;
        this.trash = trash;
    }

    /** The deleted original, or empty when there was nothing (left) to delete. */
    Optional<BsonDocument> deleteOne(StoreCollection collection, BsonValue id, String batchId) {
        Optional<BsonDocument> original = manager.findById(collection, id);
        if (original.isEmpty()) {
            return Optional.empty();
        }
        BsonValue trashId = trash.copy(collection, original.get(), batchId);
        if (manager.delete(collection, id)) {
            return original;
        }
        trash.discard(trashId); // someone else deleted it between our read and our delete
        return Optional.empty();
    }

    /**
     * Trash-copies then deletes one batch of ids; returns how many this call deleted. Only ids whose full document was
     * read and copied are deleted. When the delete fails its outcome is unknown: the copies stay (the delete may still
     * land), the batch is read again to count exactly what went, and {@link PartialDeleteException} is thrown.
     */
    private long deleteBatch(StoreCollection collection, List<BsonValue> ids, String batchId, long doneBefore) {
        return deleteRead(collection, manager.findByIds(collection, ids), batchId, doneBefore);
    }

    /** Trash-copies then deletes documents just read in full; returns how many this call deleted. */
    private long deleteRead(StoreCollection collection, List<BsonDocument> originals, String batchId,
                            long doneBefore) {
        if (originals.isEmpty()) {
            return 0;
        }
        List<BsonValue> copied = originals.stream().map(d -> d.get("_id")).toList();
        trash.copyAll(collection, originals, batchId);
        long deleted;
        try {
            deleted = manager.deleteByIds(collection, copied);
        } catch (StorageException e) {
            throw new PartialDeleteException(doneBefore + goneAfterFailure(collection, copied), batchId, e);
        }
        if (deleted < copied.size()) {
            // Someone else deleted some of them between our read and our delete; which ones cannot be told apart
            // now, so their copies stay in the batch (restoring one that is back is refused, never overwritten).
            LOG.warn("{} of {} documents copied to trash batch {} were deleted by someone else meanwhile",
                    copied.size() - deleted, copied.size(), batchId);
        }
        return deleted;
    }

    /** How many of {@code copied} are gone after a failed delete; 0 when that cannot be read either. */
    private long goneAfterFailure(StoreCollection collection, List<BsonValue> copied) {
        try {
            return copied.size() - manager.findByIds(collection, copied).size();
        } catch (StorageException unreadable) {
            return 0;
        }
    }

    /**
     * Deletes the given ids in batches, telling {@code progress} after each (which may stop it).
     *
     * @param doneBefore added to the counts given to {@code progress} (when this is a part of a larger delete)
     * @throws PartialDeleteException on an error, with the count deleted so far (including {@code doneBefore})
     */
    Outcome deleteIds(StoreCollection collection, List<BsonValue> ids, int batchSize, String batchId,
                      long doneBefore, long total, BulkProgress progress) {
        long deleted = 0;
        try {
            for (int start = 0; start < ids.size(); start += batchSize) {
                deleted += deleteBatch(collection, ids.subList(start, Math.min(ids.size(), start + batchSize)),
                        batchId, doneBefore + deleted);
                if (!progress.onBatch(doneBefore + deleted, total)) {
                    return new Outcome(deleted, start + batchSize < ids.size());
                }
            }
            return new Outcome(deleted, false);
        } catch (PartialDeleteException e) {
            throw e;
        } catch (StorageException e) {
            throw new PartialDeleteException(doneBefore + deleted, batchId, e);
        }
    }

    /**
     * Deletes everything matching {@code filter}, {@code batchSize} whole documents at a time, read unsorted with
     * {@link DocumentStore#findMatching} (what was deleted no longer matches, so each read finds the next ones).
     */
    Outcome deleteMatching(StoreCollection collection, DocumentFilter filter, int batchSize, String batchId,
                           long doneBefore, long total, BulkProgress progress) {
        long deleted = 0;
        Set<BsonValue> attempted = new HashSet<>();
        try {
            while (true) {
                List<BsonDocument> read = manager.findMatching(collection, filter, batchSize);
                List<BsonDocument> batch = read.stream().filter(d -> attempted.add(d.get("_id"))).toList();
                if (batch.isEmpty()) {
                    return new Outcome(deleted, false); // done, or only documents we could not delete are left
                }
                deleted += deleteRead(collection, batch, batchId, doneBefore + deleted);
                if (!progress.onBatch(doneBefore + deleted, total)) {
                    // A stop after the last batch is no cancel: a short read was the last one.
                    return new Outcome(deleted, read.size() == batchSize);
                }
            }
        } catch (PartialDeleteException e) {
            throw e;
        } catch (StorageException e) {
            throw new PartialDeleteException(doneBefore + deleted, batchId, e);
        }
    }
}
