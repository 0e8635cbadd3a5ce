package dev.orchestra.inspector.deleting;

import dev.orchestra.storage.model.BulkProgress;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.safety.DeletePreview;
import dev.orchestra.storage.safety.DeleteResult;
import dev.orchestra.storage.safety.SafeOperations;
import java.util.List;
import org.bson.BsonValue;

/** What the user asked to delete; each kind knows how to preview and run itself through {@link SafeOperations}. */
public sealed interface DeleteRequest {
    int SAMPLE_SIZE = 10;

    /** For the dialog title, e.g. "Delete 3 selected memory_items". */
    String describe();

    DeletePreview preview(SafeOperations ops);

    /** Runs the delete; {@code progress} is told after each batch and may stop it. */
    Outcome run(SafeOperations ops, int batchSize, BulkProgress progress);

    /**
     * What a delete did, whatever its kind.
     *
     * @param cacheKeysQueued how many affected Redis keys Redis did not delete (queued until it answers)
     */
    record Outcome(String batchId, long deleted, long expected, boolean cancelled, long cacheKeysQueued) {
        Outcome(String batchId, long deleted, long expected, boolean cancelled) {
            this(batchId, deleted, expected, cancelled, 0);
        }

        static Outcome of(DeleteResult r) {
            return new Outcome(r.batchId(), r.deleted(), r.expected(), r.cancelled());
        }

        Outcome withCacheKeysQueued(long queued) {
            return new Outcome(batchId, deleted, expected, cancelled, queued);
        }
    }

    record Selection(StoreCollection collection, List<BsonValue> ids) implements DeleteRequest {
        public Selection {
            ids = List.copyOf(ids);
        }

        @Override
        public String describe() {
            return ids.size() == 1 ? "Delete this " + singular(collection)
                    : "Delete " + ids.size() + " selected " + collection.collectionName();
        }

        @Override
        public DeletePreview preview(SafeOperations ops) {
            return ops.previewDeleteMany(collection, ids, SAMPLE_SIZE);
        }

        @Override
        public Outcome run(SafeOperations ops, int batchSize, BulkProgress progress) {
            if (ids.size() == 1) {
                DeleteResult r = ops.delete(collection, ids.get(0));
                progress.onBatch(r.deleted(), 1);
                return Outcome.of(r);
            }
            return Outcome.of(ops.deleteMany(collection, ids, batchSize, progress));
        }
    }

    record Matching(StoreCollection collection, DocumentFilter filter) implements DeleteRequest {
        @Override
        public String describe() {
            return filter.isEmpty() ? "Delete ALL of " + collection.collectionName()
                    : "Delete every " + collection.collectionName() + " document matching the filter";
        }

        @Override
        public DeletePreview preview(SafeOperations ops) {
            return ops.previewDelete(collection, filter, SAMPLE_SIZE);
        }

        @Override
        public Outcome run(SafeOperations ops, int batchSize, BulkProgress progress) {
            return Outcome.of(ops.deleteMatching(collection, filter, batchSize, progress));
        }
    }

    record Session(String userId, String sessionId) implements DeleteRequest {
        @Override
        public String describe() {
            return "Delete session " + sessionId + " of " + userId
                    + " (its memory items, its user_sessions record and its cached keys)";
        }

        @Override
        public DeletePreview preview(SafeOperations ops) {
            return ops.previewSessionDelete(userId, sessionId, SAMPLE_SIZE);
        }

        @Override
        public Outcome run(SafeOperations ops, int batchSize, BulkProgress progress) {
            var r = ops.deleteSession(userId, sessionId, batchSize, progress);
            return new Outcome(r.batchId(), r.totalDeleted(), r.totalDeleted(), r.cancelled());
        }
    }

    private static String singular(StoreCollection c) {
        return switch (c) {
            case MEMORY_ITEMS -> "memory item";
            case AGENT_DATA -> "agent data record";
            case USER_SESSIONS -> "session record";
            default -> "document";
        };
    }
}
