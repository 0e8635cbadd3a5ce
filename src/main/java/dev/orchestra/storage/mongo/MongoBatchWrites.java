package dev.orchestra.storage.mongo;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import dev.orchestra.storage.StorageValidationException;
import dev.orchestra.storage.mapping.Fields;
import dev.orchestra.storage.mapping.InsertDefaults;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.model.UpsertResult;
import dev.orchestra.storage.validation.DocumentValidator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The batch operations of {@link MongoMemoryManager}: one round trip per batch ({@code bulkWrite},
 * {@code find} with {@code $in}, {@code insertMany}, {@code deleteMany} with {@code $in}) instead of one or more per
 * document. Validation happens before anything is sent.
 */
final class MongoBatchWrites {
    private final MongoErrors errors;
    private final Duration timeout;

    MongoBatchWrites(MongoErrors errors, Duration timeout) {
        this.errors = errors;
        this.timeout = timeout;
    }

    /** One unordered {@code bulkWrite} of {@code ReplaceOneModel(upsert=true)}; invalid documents are left out. */
    UpsertResult upsertAll(MongoCollection<BsonDocument> target, StoreCollection collection,
                           List<BsonDocument> documents) {
        Map<Integer, String> failures = new HashMap<>();
        List<WriteModel<BsonDocument>> writes = new ArrayList<>(documents.size());
        List<Integer> batchIndex = new ArrayList<>(documents.size()); // write index → index in documents
        List<BsonValue> ids = new ArrayList<>(documents.size());
        Instant now = Instant.now();
        for (int i = 0; i < documents.size(); i++) {
            BsonDocument document = documents.get(i);
            try {
                if (document == null) {
                    throw new StorageValidationException("The document is missing");
                }
                // Only a new document gets the insert defaults; one with an _id replaces the stored one as it is.
                BsonDocument complete = document.containsKey(Fields.ID) ? document
                        : InsertDefaults.apply(collection, document, now);
                DocumentValidator.validate(collection, complete);
                writes.add(new ReplaceOneModel<>(new BsonDocument(Fields.ID, complete.get(Fields.ID)), complete,
                        new ReplaceOptions().upsert(true)));
                batchIndex.add(i);
                ids.add(complete.get(Fields.ID));
            } catch (StorageValidationException e) {
                failures.put(i, e.getMessage());
            }
        }
        if (writes.isEmpty()) {
            return new UpsertResult(0, 0, 0, failures, List.of());
        }
        BulkWriteResult result = errors.call("import into " + collection.collectionName(), () -> {
            try {
                return target.bulkWrite(writes, new BulkWriteOptions().ordered(false));
            } catch (MongoBulkWriteException e) {
                Set<Integer> refused = new HashSet<>();
                for (BulkWriteError error : e.getWriteErrors()) {
                    failures.put(batchIndex.get(error.getIndex()), error.getMessage());
                    refused.add(error.getIndex());
                }
                if (e.getWriteConcernError() != null) {
                    throw e; // the outcome of the whole batch is unknown
                }
                List<BsonValue> kept = new ArrayList<>();
                for (int w = 0; w < ids.size(); w++) {
                    if (!refused.contains(w)) {
                        kept.add(ids.get(w));
                    }
                }
                ids.retainAll(kept);
                return e.getWriteResult();
            }
        });
        long inserted = result.getUpserts().size();
        long replaced = result.getModifiedCount();
        long unchanged = Math.max(0, result.getMatchedCount() - replaced);
        return new UpsertResult(inserted, replaced, unchanged, failures, ids);
    }

    List<BsonDocument> findByIds(MongoCollection<BsonDocument> target, StoreCollection collection,
                                 List<BsonValue> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return errors.call("read " + collection.collectionName(), () -> target.find(byIds(ids))
                .maxTime(timeout.toMillis(), TimeUnit.MILLISECONDS).into(new ArrayList<>()));
    }

    /** Validates all first (nothing written when one is invalid), then one ordered {@code insertMany}. */
    List<BsonValue> insertAll(MongoCollection<BsonDocument> target, StoreCollection collection,
                              List<BsonDocument> documents) {
        Instant now = Instant.now();
        List<BsonDocument> complete = new ArrayList<>(documents.size());
        for (BsonDocument document : documents) {
            if (document == null) {
                throw new StorageValidationException("The document is missing");
            }
            BsonDocument filled = InsertDefaults.apply(collection, document, now);
            DocumentValidator.validate(collection, filled);
            complete.add(filled);
        }
        if (!complete.isEmpty()) {
            errors.run("insert into " + collection.collectionName(),
                    () -> target.insertMany(complete, new InsertManyOptions().ordered(true)));
        }
        return complete.stream().map(d -> d.get(Fields.ID)).toList();
    }

    long deleteByIds(MongoCollection<BsonDocument> target, StoreCollection collection, List<BsonValue> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return errors.call("delete from " + collection.collectionName(),
                () -> target.deleteMany(byIds(ids)).getDeletedCount());
    }

    private static BsonDocument byIds(List<BsonValue> ids) {
        for (BsonValue id : ids) {
            if (id == null) {
                throw new StorageValidationException("An _id is missing");
            }
        }
        return new BsonDocument(Fields.ID, new BsonDocument("$in", new BsonArray(ids)));
    }
}
