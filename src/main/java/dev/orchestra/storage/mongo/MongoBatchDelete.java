package dev.orchestra.storage.mongo;

import com.mongodb.client.MongoCollection;
import dev.orchestra.storage.schema.Fields;
import dev.orchestra.storage.mapping.StoreQueries;
import dev.orchestra.storage.model.BulkProgress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;

/**
 * Deletes what matches a filter one batch of ids at a time: each batch's ids are read, then deleted with the filter
 * still applied (a document changed meanwhile so that it no longer matches is spared). The sum of the server's
 * deleted counts is exact; progress may stop the run between batches.
 */
final class MongoBatchDelete {
    private final MongoCollection<BsonDocument> collection;
    private final Duration timeout;

    MongoBatchDelete(MongoCollection<BsonDocument> collection, Duration timeout) {
        this.collection = collection;
        this.timeout = timeout;
    }

    long run(BsonDocument filter, int batchSize, long total, BulkProgress progress) {
        long deleted = 0;
        while (true) {
            BsonArray ids = new BsonArray();
            collection.find(filter).projection(new BsonDocument(Fields.ID, new BsonInt32(1))).limit(batchSize)
                    .maxTime(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .forEach(d -> ids.add(d.get(Fields.ID)));
            if (ids.isEmpty()) {
                return deleted;
            }
            BsonDocument batch = StoreQueries.and(filter, new BsonDocument(Fields.ID, new BsonDocument("$in", ids)));
            long removed = collection.deleteMany(batch).getDeletedCount();
            if (removed == 0) {
                return deleted; // the whole batch vanished meanwhile (deleted elsewhere): stop rather than spin
            }
            deleted += removed;
            if (!progress.onBatch(deleted, total)) {
                return deleted;
            }
        }
    }
}
