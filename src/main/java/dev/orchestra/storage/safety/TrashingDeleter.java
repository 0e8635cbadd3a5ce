package dev.orchestra.storage.safety;

import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.StorageException;
import dev.orchestra.storage.model.BulkProgress;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.Page;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.StoreCollection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The one way documents are deleted here: read the full document, copy it to the trash, then delete it by
 * {@code _id}. If the copy fails nothing is deleted. Counting is per document, so totals are exact.
 */
final class TrashingDeleter {
    /** The outcome of one run over a filter. */
    record Outcome(long deleted, boolean cancelled) {
    }

    private final MemoryManager manager;
    private final TrashService trash;

    TrashingDeleter(MemoryManager manager, TrashService trash) {
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
                for (BsonValue id : ids.subList(start, Math.min(ids.size(), start + batchSize))) {
                    deleted += deleteOne(collection, id, batchId).isPresent() ? 1 : 0;
                }
                if (!progress.onBatch(doneBefore + deleted, total)) {
                    return new Outcome(deleted, start + batchSize < ids.size());
                }
            }
            return new Outcome(deleted, false);
        } catch (StorageException e) {
            throw new PartialDeleteException(doneBefore + deleted, batchId, e);
        }
    }

    /**
     * Deletes everything matching {@code filter}, one page of {@code batchSize} at a time (always the first page:
     * what was deleted no longer matches).
     */
    Outcome deleteMatching(StoreCollection collection, DocumentFilter filter, int batchSize, String batchId,
                           long doneBefore, long total, BulkProgress progress) {
        long deleted = 0;
        Set<BsonValue> attempted = new HashSet<>();
        try {
            while (true) {
                Page<BsonDocument> page = manager.findPage(collection, filter, PageRequest.first(batchSize));
                List<BsonValue> ids = page.items().stream().map(d -> d.get("_id")).filter(attempted::add).toList();
                if (ids.isEmpty()) {
                    return new Outcome(deleted, false); // done, or only documents we could not delete are left
                }
                for (BsonValue id : ids) {
                    deleted += deleteOne(collection, id, batchId).isPresent() ? 1 : 0;
                }
                if (!progress.onBatch(doneBefore + deleted, total)) {
                    return new Outcome(deleted, page.hasMore()); // a stop after the last batch is no cancel
                }
            }
        } catch (StorageException e) {
            throw new PartialDeleteException(doneBefore + deleted, batchId, e);
        }
    }
}
