package dev.orchestra.bench;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.transfer.BulkUpsert;
import dev.orchestra.storage.DocumentChecks;
import dev.orchestra.storage.transfer.UpsertOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.BsonDocument;
import org.bson.BsonArray;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * The raw-driver reference for imports: one unordered {@code bulkWrite} of {@code ReplaceOneModel(upsert=true)} per
 * batch, as {@code MongoMemoryManager.upsertAll} sends it, without validation, the audit entry or the write gate.
 */
final class BulkWriteUpsert implements BulkUpsert {
    private final MongoDatabase database;

    BulkWriteUpsert(MongoDatabase database) {
        this.database = database;
    }

    @Override
    public UpsertOutcome upsertAll(StoreCollection collection, List<BsonDocument> documents, DocumentChecks checks) {
        List<WriteModel<BsonDocument>> writes = new ArrayList<>(documents.size());
        for (BsonDocument document : documents) {
            BsonDocument complete = document;
            if (!document.containsKey("_id")) {
                complete = document.clone();
                complete.put("_id", new BsonString(UUID.randomUUID().toString()));
            }
            writes.add(new ReplaceOneModel<>(new BsonDocument("_id", complete.get("_id")), complete,
                    new ReplaceOptions().upsert(true)));
        }
        Map<Integer, String> failures = new HashMap<>();
        BulkWriteResult result;
        try {
            result = database.getCollection(collection.collectionName(), BsonDocument.class)
                    .bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                failures.put(error.getIndex(), error.getMessage());
            }
            result = e.getWriteResult();
        }
        long inserted = result.getUpserts().size();
        long replaced = result.getModifiedCount();
        long unchanged = result.getMatchedCount() - replaced;
        return new UpsertOutcome(inserted, replaced, unchanged, failures);
    }

    @Override
    public List<BsonDocument> findStored(StoreCollection collection, List<BsonValue> ids) {
        return database.getCollection(collection.collectionName(), BsonDocument.class)
                .find(new BsonDocument("_id", new BsonDocument("$in", new BsonArray(ids)))).into(new ArrayList<>());
    }
}
