package dev.orchestra.storage.mongo;

import static dev.orchestra.storage.mapping.RawDocumentAccess.META_COLLECTION;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.schema.Fields;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;
import org.bson.BsonString;

/** Unchecked inserts and meta entries on MongoDB, for sample data and tests ({@code RawDocumentAccess}). */
final class MongoRawAccess {
    /** Documents per insertMany when the caller gives no batch size. */
    static final int WRITE_BATCH = 500;

    private final MongoDatabase database;
    private final MongoErrors errors;
    private final Duration timeout;

    MongoRawAccess(MongoDatabase database, MongoErrors errors, Duration timeout) {
        this.database = database;
        this.errors = errors;
        this.timeout = timeout;
    }

    /** Inserts in batches of {@value #WRITE_BATCH} with one {@code insertMany} round trip each. */
    void insertAllUnchecked(StoreCollection collection, List<BsonDocument> documents) {
        for (BsonDocument d : documents) {
            if (!d.containsKey(Fields.ID)) {
                throw new StorageValidationException("An unchecked insert needs an _id");
            }
        }
        MongoCollection<BsonDocument> target = MongoDocuments.collection(database, collection);
        for (int from = 0; from < documents.size(); from += WRITE_BATCH) {
            List<BsonDocument> batch = documents.subList(from, Math.min(documents.size(), from + WRITE_BATCH));
            errors.run("insert into " + collection.collectionName(), () -> target
                    .insertMany(batch, new InsertManyOptions().ordered(true)));
        }
    }

    Optional<BsonDocument> readMeta(String key) {
        return errors.call("read " + META_COLLECTION, () -> Optional.ofNullable(meta()
                .find(new BsonDocument(Fields.ID, new BsonString(key)))
                .maxTime(timeout.toMillis(), TimeUnit.MILLISECONDS).first()));
    }

    void writeMeta(String key, BsonDocument value) {
        BsonDocument document = value.clone();
        document.put(Fields.ID, new BsonString(key));
        errors.run("write " + META_COLLECTION, () -> meta()
                .replaceOne(new BsonDocument(Fields.ID, new BsonString(key)), document,
                        new ReplaceOptions().upsert(true)));
    }

    private MongoCollection<BsonDocument> meta() {
        return database.getCollection(META_COLLECTION, BsonDocument.class);
    }
}
