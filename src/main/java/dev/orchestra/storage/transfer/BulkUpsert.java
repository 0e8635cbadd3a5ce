package dev.orchestra.storage.transfer;

import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.DocumentChecks;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * How {@link ImportService} writes a batch: replacing by {@code _id} (inserting when absent; a document without
 * {@code _id} gets a new one) and invalidating every cache key the batch affects. The shipped ones go through
 * {@link dev.orchestra.storage.DocumentStore#upsertAll} (one {@code bulkWrite} per batch on MongoDB), directly or
 * through {@code SafeOperations.importBatch}; {@link PerDocumentUpsert} is the slow, per-document alternative.
 */
public interface BulkUpsert {
    /**
     * @return per-batch counts; a document the store refused is reported by its index in {@code documents}, the
     *         others are still written
     * @throws dev.orchestra.storage.error.StorageConnectionException when the store is unreachable (the import stops)
     */
    UpsertOutcome upsertAll(StoreCollection collection, List<BsonDocument> documents, DocumentChecks checks);

    /** The stored documents with these ids: after a batch failed, what of it is stored. */
    List<BsonDocument> findStored(StoreCollection collection, List<BsonValue> ids);
}
