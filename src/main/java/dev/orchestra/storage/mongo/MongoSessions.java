package dev.orchestra.storage.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.EstimatedDocumentCountOptions;
import dev.orchestra.storage.schema.Fields;
import dev.orchestra.storage.mapping.SessionItemStats;
import dev.orchestra.storage.mapping.SessionMerger;
import dev.orchestra.storage.mapping.SessionMerger.ItemStats;
import dev.orchestra.storage.mapping.SessionMerger.Key;
import dev.orchestra.storage.model.BulkProgress;
import dev.orchestra.storage.model.RecordlessSessions;
import dev.orchestra.storage.model.SessionRef;
import dev.orchestra.storage.model.SessionSummary;
import dev.orchestra.storage.mapping.StoreQueries;
import dev.orchestra.storage.model.StoreCollection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;

/**
 * Sessions of a MongoDB store. The list is bounded by its limit, whatever the size of {@code memory_items}: the most
 * recently updated {@code user_sessions} records (the {@code updated_at} listing index), then the item statistics
 * of those sessions only (one aggregation whose {@code $match} names their keys, served by the
 * {@code user_session_time} index). Sessions that have items but no record, and each user's "(no session)" items,
 * can only be found by reading every item: {@link #findWithoutRecord} does that on request, in batches, with
 * progress and a stop, projecting the four fields it groups on.
 */
final class MongoSessions {
    /** Items per reply of a scan, and between two progress reports. */
    static final int SCAN_BATCH = 5_000;
    /** Session keys looked up per query when a scan asks which sessions have a record. */
    private static final int RECORD_LOOKUP_BATCH = 500;

    private final MongoDatabase database;
    private final Duration maxTime;

    MongoSessions(MongoDatabase database, Duration maxTime) {
        this.database = database;
        this.maxTime = maxTime;
    }

    List<SessionSummary> list(String userId, int limit) {
        var merger = new SessionMerger();
        records().find(byUser(userId))
                .sort(new BsonDocument(Fields.UPDATED_AT, new BsonInt32(-1)).append(Fields.ID, new BsonInt32(-1)))
                .limit(limit).maxTime(maxTime.toMillis(), TimeUnit.MILLISECONDS)
                .forEach(merger::addRecord);
        List<Key> keys = merger.keysWithoutStats();
        if (!keys.isEmpty()) {
            itemStats(anyOf(keys), keys.size()).forEach(merger::addStats);
        }
        return merger.summaries(limit);
    }

    RecordlessSessions findWithoutRecord(String userId, int limit, BulkProgress progress) {
        long total = userId == null
                ? items().estimatedDocumentCount(new EstimatedDocumentCountOptions()
                        .maxTime(maxTime.toMillis(), TimeUnit.MILLISECONDS))
                : -1;
        var stats = new SessionItemStats();
        long examined = 0;
        boolean complete = true;
        BsonDocument fields = new BsonDocument(Fields.ID, new BsonInt32(0));
        for (String field : List.of(Fields.USER_ID, Fields.SESSION_ID, Fields.TIMESTAMP, Fields.PERSONA_ACTIVE)) {
            fields.append(field, new BsonInt32(1));
        }
        // no maxTime: a scan outlives any single query's limit; each reply is still bounded by the socket timeout
        try (MongoCursor<BsonDocument> cursor = items().find(byUser(userId)).projection(fields)
                .batchSize(SCAN_BATCH).cursor()) {
            while (cursor.hasNext()) {
                stats.add(cursor.next());
                examined++;
                if (examined % SCAN_BATCH == 0 && !progress.onBatch(examined, Math.max(total, examined))) {
                    complete = false;
                    break;
                }
            }
        }
        if (complete) {
            progress.onBatch(examined, examined);
        }
        var merger = new SessionMerger();
        stats.stats().forEach(merger::addStats);
        List<Key> sessions = merger.keysWithoutRecord();
        for (int from = 0; from < sessions.size(); from += RECORD_LOOKUP_BATCH) {
            List<Key> batch = sessions.subList(from, Math.min(sessions.size(), from + RECORD_LOOKUP_BATCH));
            records().find(anyOf(batch)).projection(new BsonDocument(Fields.USER_ID, new BsonInt32(1))
                            .append(Fields.SESSION_ID, new BsonInt32(1)))
                    .maxTime(maxTime.toMillis(), TimeUnit.MILLISECONDS).forEach(merger::addRecord);
        }
        return new RecordlessSessions(merger.summariesWithoutRecord(limit), examined, complete);
    }

    private MongoCollection<BsonDocument> items() {
        return database.getCollection(StoreCollection.MEMORY_ITEMS.collectionName(), BsonDocument.class);
    }

    private MongoCollection<BsonDocument> records() {
        return database.getCollection(StoreCollection.USER_SESSIONS.collectionName(), BsonDocument.class);
    }

    private static BsonDocument byUser(String userId) {
        return userId == null ? new BsonDocument() : new BsonDocument(Fields.USER_ID, new BsonString(userId));
    }

    private List<ItemStats> itemStats(BsonDocument match, int limit) {
        BsonDocument key = new BsonDocument("u", new BsonString("$" + Fields.USER_ID))
                .append("s", new BsonString("$" + Fields.SESSION_ID));
        BsonDocument group = new BsonDocument("_id", key)
                .append("count", new BsonDocument("$sum", new BsonInt32(1)))
                .append("first", new BsonDocument("$min", datedTimestamp()))
                .append("last", new BsonDocument("$max", datedTimestamp()))
                // the latest item's persona without sorting the collection: documents compare field by field
                .append("latest", new BsonDocument("$max", new BsonDocument("t", new BsonString("$" + Fields.TIMESTAMP))
                        .append("p", new BsonString("$" + Fields.PERSONA_ACTIVE))));
        List<BsonDocument> pipeline = List.of(
                new BsonDocument("$match", match),
                new BsonDocument("$group", group),
                new BsonDocument("$sort", new BsonDocument("last", new BsonInt32(-1))),
                new BsonDocument("$limit", new BsonInt32(limit)));
        List<ItemStats> stats = new ArrayList<>();
        items().aggregate(pipeline).allowDiskUse(true).maxTime(maxTime.toMillis(), TimeUnit.MILLISECONDS)
                .forEach(d -> {
                    BsonDocument id = d.getDocument("_id");
                    if (id.isString("u")) {
                        String session = id.isString("s") ? id.getString("s").getValue() : null;
                        stats.add(new ItemStats(id.getString("u").getValue(), session,
                                d.getNumber("count").longValue(), date(d.get("first")), date(d.get("last")),
                                persona(d.get("latest"))));
                    }
                });
        return stats;
    }

    /**
     * The timestamp when it is a BSON date, else null (ignored by $min/$max). Dates are exactly the values above
     * every boolean and below every BSON timestamp in MongoDB's cross-type order; this comparison form is used
     * because mongo-java-server has no {@code $type} aggregation expression.
     */
    private static BsonDocument datedTimestamp() {
        BsonString field = new BsonString("$" + Fields.TIMESTAMP);
        BsonDocument isDate = new BsonDocument("$and", new BsonArray(List.of(
                new BsonDocument("$gt", new BsonArray(List.of(field, BsonBoolean.TRUE))),
                new BsonDocument("$lt", new BsonArray(List.of(field,
                        new BsonDocument("$literal", new BsonTimestamp(0, 0))))))));
        return new BsonDocument("$cond", new BsonArray(List.of(isDate, field, BsonNull.VALUE)));
    }

    private static String persona(BsonValue latest) {
        return latest != null && latest.isDocument() && latest.asDocument().isString("p")
                ? latest.asDocument().getString("p").getValue() : null;
    }

    /** The items or records of exactly these sessions: {@link StoreQueries#sessionsOf}, shared with the batches. */
    private static BsonDocument anyOf(List<Key> keys) {
        return StoreQueries.sessionsOf(keys.stream().map(k -> new SessionRef(k.userId(), k.sessionId())).toList());
    }

    private static Instant date(BsonValue value) {
        return value != null && value.isDateTime() ? Instant.ofEpochMilli(value.asDateTime().getValue()) : null;
    }
}
