package dev.orchestra.storage.mongo;

import dev.orchestra.storage.DocumentChecks;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.schema.Fields;
import dev.orchestra.storage.mapping.InsertDefaults;
import dev.orchestra.storage.model.CollectionRef;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.model.UpsertResult;
import dev.orchestra.storage.validation.DocumentValidator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The batch operations of {@link MongoMemoryManager}: one or two round trips per batch ({@code find} with
 * {@code $in}, {@code insertMany}, {@code deleteMany} with {@code $in}, the upsert of {@link MongoBatchUpsert})
 * instead of one or more per document. Validation happens before anything is sent.
 */
final class MongoBatchWrites {
    private final MongoErrors errors;
    private final Duration timeout;

    MongoBatchWrites(MongoErrors errors, Duration timeout) {
        this.errors = errors;
        this.timeout = timeout;
    }

    /** Upsert by {@code _id}: new documents inserted, stored ones replaced; invalid ones left out. */
    UpsertResult upsertAll(MongoCollection<BsonDocument> target, StoreCollection collection,
                           List<BsonDocument> documents, DocumentChecks checks) {
        return new MongoBatchUpsert(errors, timeout, target, collection, checks).run(documents);
    }

    List<BsonDocument> findByIds(MongoCollection<BsonDocument> target, CollectionRef collection,
                                 List<BsonValue> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return errors.call("read " + collection.collectionName(), () -> target.find(byIds(ids))
                .maxTime(timeout.toMillis(), TimeUnit.MILLISECONDS).into(new ArrayList<>()));
    }

    /** Validates all first (nothing written when one is invalid), then one ordered {@code insertMany}. */
    List<BsonValue> insertAll(MongoCollection<BsonDocument> target, CollectionRef collection,
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

    long deleteByIds(MongoCollection<BsonDocument> target, CollectionRef collection, List<BsonValue> ids) {
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
