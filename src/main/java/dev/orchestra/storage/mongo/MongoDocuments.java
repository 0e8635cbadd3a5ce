package dev.orchestra.storage.mongo;

import static dev.orchestra.storage.validation.Arguments.requireArgument;
import static dev.orchestra.storage.validation.Arguments.requireRestorableId;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.ReadPreference;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.EstimatedDocumentCountOptions;
import dev.orchestra.storage.StoreParts;
import dev.orchestra.storage.error.StorageConflictException;
import dev.orchestra.storage.error.StorageOperationException;
import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.mapping.InsertDefaults;
import dev.orchestra.storage.mapping.StoreQueries;
import dev.orchestra.storage.model.BulkProgress;
import dev.orchestra.storage.model.CollectionRef;
import dev.orchestra.storage.model.CountEstimate;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.Page;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.schema.Fields;
import dev.orchestra.storage.validation.DocumentValidator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;

/**
 * The document operations of the inspector and the CLI on MongoDB, one document or one query at a time: pages,
 * counts, reads, inserts, the guarded replace, deletes and the types a collection holds. Every query carries the
 * time limit.
 */
final class MongoDocuments implements StoreParts.Documents {
    /** When a filtered count hits its time limit, at most this many are counted to report a lower bound. */
    static final int COUNT_FALLBACK_LIMIT = 10_000;

    private final MongoDatabase database;
    private final MongoErrors errors;
    private final Duration timeout;
    private final MongoPager pager;
    private final MongoOwnIndexes ownIndexes;
    private final ReadPreference listReads;

    MongoDocuments(MongoDatabase database, MongoErrors errors, Duration timeout, MongoOwnIndexes ownIndexes) {
        this(database, errors, timeout, ownIndexes, ReadPreference.primary());
    }

    /** @param listReads where list pages and counts read (may be a secondary); everything else reads the primary */
    MongoDocuments(MongoDatabase database, MongoErrors errors, Duration timeout, MongoOwnIndexes ownIndexes,
                   ReadPreference listReads) {
        this.listReads = listReads;
        this.database = database;
        this.errors = errors;
        this.timeout = timeout;
        this.pager = new MongoPager(timeout);
        this.ownIndexes = ownIndexes;
    }

    static MongoCollection<BsonDocument> collection(MongoDatabase database, CollectionRef c) {
        return database.getCollection(c.collectionName(), BsonDocument.class);
    }

    static BsonDocument newestFirst(CollectionRef c) {
        return new BsonDocument(c.timeField(), new BsonInt32(-1)).append(Fields.ID, new BsonInt32(-1));
    }

    ReadPreference listReads() {
        return listReads;
    }

    MongoCollection<BsonDocument> collection(CollectionRef c) {
        return collection(database, c);
    }

    @Override
    public Page<BsonDocument> findPage(CollectionRef collection, DocumentFilter filter, PageRequest page) {
        requireArgument(page, "page request");
        BsonDocument query = StoreQueries.filter(collection, filter);
        return errors.call("list " + collection.collectionName(),
                () -> pager.page(collection(collection).withReadPreference(listReads), collection, query, page));
    }

    @Override
    public CountEstimate count(CollectionRef collection, DocumentFilter filter) {
        BsonDocument query = StoreQueries.filter(collection, filter);
        MongoCollection<BsonDocument> docs = collection(collection).withReadPreference(listReads);
        long maxTime = timeout.toMillis();
        if (query.isEmpty()) {
            return errors.call("count " + collection.collectionName(), () -> new CountEstimate(
                    docs.estimatedDocumentCount(new EstimatedDocumentCountOptions().maxTime(maxTime,
                            TimeUnit.MILLISECONDS)), true));
        }
        return errors.call("count " + collection.collectionName(), () -> {
            try {
                return new CountEstimate(docs.countDocuments(query,
                        new CountOptions().maxTime(maxTime, TimeUnit.MILLISECONDS)), true);
            } catch (MongoExecutionTimeoutException e) {
                // the full count used up the timeout: a bounded "at least" gets only a quarter more
                long atLeast = docs.countDocuments(query, new CountOptions().limit(COUNT_FALLBACK_LIMIT)
                        .maxTime(Math.max(1, maxTime / 4), TimeUnit.MILLISECONDS));
                return new CountEstimate(atLeast, false);
            }
        });
    }

    @Override
    public Optional<BsonDocument> findById(CollectionRef collection, BsonValue id) {
        requireArgument(id, "_id");
        return errors.call("read " + collection.collectionName(), () -> Optional.ofNullable(
                collection(collection).find(new BsonDocument(Fields.ID, id))
                        .maxTime(timeout.toMillis(), TimeUnit.MILLISECONDS).first()));
    }

    @Override
    public BsonValue insert(CollectionRef collection, BsonDocument document) {
        requireArgument(document, "document");
        BsonDocument complete = InsertDefaults.apply(collection, document, Instant.now());
        DocumentValidator.validate(collection, complete);
        refuseSecondSessionRecord(collection, complete);
        ownIndexes.ensureBeforeWriting(collection);
        errors.run("insert into " + collection.collectionName(), () -> collection(collection).insertOne(complete));
        return complete.get(Fields.ID);
    }

    /**
     * The unique session index does the same where it exists; this check keeps a database without it (no index is
     * created implicitly) from getting a second record for one session through us. Not atomic: the index is.
     */
    private void refuseSecondSessionRecord(CollectionRef collection, BsonDocument record) {
        if (collection != StoreCollection.USER_SESSIONS) {
            return;
        }
        BsonDocument same = new BsonDocument(Fields.USER_ID, record.get(Fields.USER_ID))
                .append(Fields.SESSION_ID, record.get(Fields.SESSION_ID));
        boolean exists = errors.call("read " + collection.collectionName(), () -> collection(collection).find(same)
                .projection(new BsonDocument(Fields.ID, new BsonInt32(1))).limit(1)
                .maxTime(timeout.toMillis(), TimeUnit.MILLISECONDS).first() != null);
        if (exists) {
            throw new StorageOperationException("Duplicate key on insert into " + collection.collectionName()
                    + ": a session record for user_id " + record.get(Fields.USER_ID) + " and session_id "
                    + record.get(Fields.SESSION_ID) + " already exists");
        }
    }

    /**
     * The server's unique {@code _id} index is the check: no window between looking and inserting. Sent as raw bytes
     * because the driver would otherwise move {@code _id} to the front.
     */
    @Override
    public void restoreExactly(StoreCollection collection, BsonDocument document) {
        BsonValue id = requireRestorableId(document);
        errors.run("restore into " + collection.collectionName(), () -> {
            try {
                database.getCollection(collection.collectionName(), RawBsonDocument.class)
                        .insertOne(new RawBsonDocument(document, new BsonDocumentCodec()));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    Optional<BsonDocument> taken = findById(collection, id);
                    if (taken.isPresent()) {
                        throw new StorageConflictException("A document with _id " + id + " already exists in "
                                + collection.collectionName(), taken.get());
                    }
                }
                throw e;
            }
        });
    }

    /**
     * Guarded by a filter on {@code _id} plus {@code $expr: {$eq: ["$$ROOT", {$literal: expected}]}}: the server
     * replaces only if the whole stored document (field order included) still equals what the caller read.
     */
    @Override
    public void replace(StoreCollection collection, BsonDocument expected, BsonDocument replacement) {
        BsonValue id = DocumentValidator.validateReplacement(collection, expected, replacement);
        BsonDocument unchanged = new BsonDocument(Fields.ID, id).append("$expr", new BsonDocument("$eq",
                new BsonArray(List.of(new BsonString("$$ROOT"), new BsonDocument("$literal", expected)))));
        long matched = errors.call("update " + collection.collectionName(),
                () -> collection(collection).replaceOne(unchanged, replacement).getMatchedCount());
        if (matched == 0) {
            BsonDocument current = findById(collection, id).orElse(null);
            throw new StorageConflictException(current == null
                    ? "The document " + id + " was deleted since it was read"
                    : "The document " + id + " was changed since it was read", current);
        }
    }

    @Override
    public boolean delete(CollectionRef collection, BsonValue id) {
        requireArgument(id, "_id");
        return errors.call("delete from " + collection.collectionName(),
                () -> collection(collection).deleteOne(new BsonDocument(Fields.ID, id)).getDeletedCount() > 0);
    }

    long deleteMatching(StoreCollection collection, DocumentFilter filter, int batchSize, BulkProgress progress) {
        if (batchSize < 1) {
            throw new StorageValidationException("The batch size must be at least 1, was " + batchSize);
        }
        BsonDocument query = StoreQueries.filter(collection, filter);
        long total = count(collection, filter).value();
        return errors.call("delete from " + collection.collectionName(), () -> new MongoBatchDelete(
                collection(collection), timeout).run(query, batchSize, total,
                progress == null ? BulkProgress.IGNORE : progress));
    }

    List<BsonDocument> findMatching(StoreCollection collection, DocumentFilter filter, int limit) {
        PageRequest.first(limit); // the same bounds as a page
        BsonDocument query = StoreQueries.filter(collection, filter);
        return errors.call("read " + collection.collectionName(), () -> collection(collection).find(query)
                .limit(limit).maxTime(timeout.toMillis(), TimeUnit.MILLISECONDS).into(new ArrayList<>()));
    }

    @Override
    public List<String> distinctTypes(StoreCollection collection, int limit) {
        String field = Fields.typeField(collection);
        StoreQueries.requireDistinctLimit(limit);
        // the newest documents only (the listing index), then $group + $limit rather than the distinct command:
        // the server reads at most the window and sends at most `limit` values
        List<BsonDocument> pipeline = List.of(
                new BsonDocument("$sort", newestFirst(collection)),
                new BsonDocument("$limit", new BsonInt32(StoreQueries.DISTINCT_TYPES_WINDOW)),
                new BsonDocument("$match", new BsonDocument(field, new BsonDocument("$type", new BsonString("string")))),
                new BsonDocument("$group", new BsonDocument(Fields.ID, new BsonString("$" + field))),
                new BsonDocument("$sort", new BsonDocument(Fields.ID, new BsonInt32(1))),
                new BsonDocument("$limit", new BsonInt32(limit)));
        return errors.call("list the types of " + collection.collectionName(), () -> {
            List<String> types = new ArrayList<>();
            collection(collection).aggregate(pipeline).allowDiskUse(true)
                    .maxTime(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .forEach(d -> types.add(d.getString(Fields.ID).getValue()));
            return types;
        });
    }
}
