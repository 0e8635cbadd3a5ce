package dev.orchestra.bench;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.BsonArray;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonString;

/**
 * The raw-driver reference for bulk deletes: what {@code TrashingDeleter} does per batch — read the batch's full
 * documents unsorted (1 round trip), copy them to the trash with one {@code insertMany} (1), then delete exactly
 * those ids with one {@code deleteMany} (1) — without the write gate, validation or audit entry. The trash documents have the shipped shape
 * ({@code source_collection, document, deleted_at, deleted_by, origin, batch_id}).
 */
final class BatchedTrashDelete {
    private final MongoCollection<BsonDocument> source;
    private final MongoCollection<BsonDocument> trash;

    BatchedTrashDelete(MongoDatabase database, String sourceCollection, String trashCollection) {
        this.source = database.getCollection(sourceCollection, BsonDocument.class);
        this.trash = database.getCollection(trashCollection, BsonDocument.class);
    }

    long deleteMatching(BsonDocument filter, int batchSize) {
        String batchId = UUID.randomUUID().toString();
        long deleted = 0;
        while (true) {
            List<BsonDocument> batch = source.find(filter).limit(batchSize).into(new ArrayList<>());
            if (batch.isEmpty()) {
                return deleted;
            }
            List<BsonDocument> copies = new ArrayList<>(batch.size());
            BsonArray ids = new BsonArray();
            long now = System.currentTimeMillis();
            for (BsonDocument document : batch) {
                ids.add(document.get("_id"));
                copies.add(new BsonDocument("_id", new BsonString(UUID.randomUUID().toString()))
                        .append("source_collection", new BsonString(source.getNamespace().getCollectionName()))
                        .append("document", document)
                        .append("deleted_at", new BsonDateTime(now))
                        .append("deleted_by", new BsonString("bench"))
                        .append("origin", new BsonString("cli"))
                        .append("batch_id", new BsonString(batchId)));
            }
            trash.insertMany(copies, new InsertManyOptions().ordered(true));
            deleted += source.deleteMany(new BsonDocument("_id", new BsonDocument("$in", ids))).getDeletedCount();
        }
    }
}
