package dev.orchestra.storage.transfer;

import dev.orchestra.storage.model.StoreCollection;
import java.util.List;
import org.bson.BsonDocument;

/**
 * Extension point: write a batch of validated documents, replacing by {@code _id} (inserting when absent; a document
 * without {@code _id} gets a new one) and invalidating every cache key the batch affects. MongoDB can do it in one
 * {@code bulkWrite} of {@code ReplaceOneModel(upsert=true)}; the tiered manager should delegate and then invalidate
 * the {@code history:}/{@code session:} keys of the (user, session) pairs in the batch; the read-only wrapper refuses
 * it. Imports use it when the manager implements it, else {@link PerDocumentUpsert}.
 */
public interface BulkUpsert {
    /**
     * @return per-batch counts; a document the store refused is reported by its index in {@code documents}, the
     *         others are still written
     * @throws dev.orchestra.storage.StorageConnectionException when the store is unreachable (the import stops)
     */
    UpsertOutcome upsertAll(StoreCollection collection, List<BsonDocument> documents);
}
