package dev.orchestra.storage.mongo;

import static dev.orchestra.storage.validation.Arguments.requireArgument;

import dev.orchestra.storage.DocumentByDocument;
import dev.orchestra.storage.DocumentChecks;
import dev.orchestra.storage.DocumentStore;
import dev.orchestra.storage.StoreParts;
import com.mongodb.client.model.InsertManyOptions;
import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.schema.Fields;
import dev.orchestra.storage.model.BulkProgress;
import dev.orchestra.storage.model.CollectionRef;
import dev.orchestra.storage.mapping.SessionBatches;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.SessionRef;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.model.UpsertResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonValue;

/**
 * The batch operations of {@link MongoMemoryManager}: one or two round trips per batch ({@code find} with
 * {@code $in}, {@code insertMany}, {@code deleteMany} with {@code $in}, the upsert of {@link MongoBatchUpsert}, the
 * batched delete of {@link MongoDocuments#deleteMatching}) instead of one or more per document. Validation happens
 * before anything is sent.
 */
final class MongoBatchWrites implements StoreParts.Batches {
    private final MongoErrors errors;
    private final Duration timeout;
    private final MongoDocuments documents;
    private final MongoOwnIndexes ownIndexes;

    MongoBatchWrites(MongoErrors errors, Duration timeout, MongoDocuments documents, MongoOwnIndexes ownIndexes) {
        this.errors = errors;
        this.timeout = timeout;
        this.documents = documents;
        this.ownIndexes = ownIndexes;
    }

    /** Upsert by {@code _id}: new documents inserted, stored ones replaced; invalid ones left out. */
    @Override
    public UpsertResult upsertAll(StoreCollection collection, List<BsonDocument> batch, DocumentChecks checks) {
        requireArgument(batch, "documents");
        return new MongoBatchUpsert(errors, timeout, documents.collection(collection), collection, checks).run(batch);
    }

    @Override
    public long deleteMatching(StoreCollection collection, DocumentFilter filter, int batchSize,
                               BulkProgress progress) {
        return documents.deleteMatching(collection, filter, batchSize, progress);
    }

    @Override
    public List<BsonDocument> findMatching(StoreCollection collection, DocumentFilter filter, int limit) {
        return documents.findMatching(collection, filter, limit);
    }

    @Override
    public List<BsonDocument> findByIds(CollectionRef collection, List<BsonValue> ids) {
        requireArgument(ids, "ids");
        if (ids.isEmpty()) {
            return List.of();
        }
        return errors.call("read " + collection.collectionName(), () -> documents.collection(collection)
                .find(byIds(ids)).maxTime(timeout.toMillis(), TimeUnit.MILLISECONDS).into(new ArrayList<>()));
    }

    /**
     * Many sessions per aggregation: their records, limited to {@value SessionBatches#RECORDS_PER_SESSION} a session
     * in total, as list rows ({@link MongoPager#listRowStages}), read where list pages read.
     */
    @Override
    public Map<SessionRef, List<BsonDocument>> findSessionRecords(List<SessionRef> sessions) {
        return SessionBatches.records(sessions, (query, total) -> errors.call("read session records", () -> {
            List<BsonDocument> pipeline = new ArrayList<>(List.of(new BsonDocument("$match", query),
                    new BsonDocument("$limit", new BsonInt32(total))));
            pipeline.addAll(MongoPager.listRowStages());
            List<BsonDocument> rows = documents.collection(StoreCollection.USER_SESSIONS)
                    .withReadPreference(documents.listReads()).aggregate(pipeline).batchSize(total)
                    .maxTime(timeout.toMillis(), TimeUnit.MILLISECONDS).into(new ArrayList<>());
            rows.forEach(MongoPager::dropNullDimension);
            return rows;
        }), s -> DocumentStore.sessionRecordsOf(documents, s));
    }

    /** Validates all first (nothing written when one is invalid), then one ordered {@code insertMany}. */
    @Override
    public List<BsonValue> insertAll(CollectionRef collection, List<BsonDocument> batch) {
        requireArgument(batch, "documents");
        if (!batch.isEmpty()) {
            ownIndexes.ensureBeforeWriting(collection);
        }
        List<BsonDocument> complete = DocumentByDocument.completeAll(collection, batch);
        if (!complete.isEmpty()) {
            errors.run("insert into " + collection.collectionName(), () -> documents.collection(collection)
                    .insertMany(complete, new InsertManyOptions().ordered(true)));
        }
        return complete.stream().map(d -> d.get(Fields.ID)).toList();
    }

    @Override
    public long deleteByIds(CollectionRef collection, List<BsonValue> ids) {
        requireArgument(ids, "ids");
        if (ids.isEmpty()) {
            return 0;
        }
        return errors.call("delete from " + collection.collectionName(),
                () -> documents.collection(collection).deleteMany(byIds(ids)).getDeletedCount());
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
