package dev.orchestra.storage.mongo;

import com.mongodb.client.MongoDatabase;
import dev.orchestra.storage.schema.Fields;
import dev.orchestra.storage.mapping.SessionMerger;
import dev.orchestra.storage.mapping.SessionMerger.ItemStats;
import dev.orchestra.storage.mapping.SessionMerger.Key;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.SessionSummary;
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
 * Lists sessions: the top item groups of {@code memory_items} (one aggregation), the most recent
 * {@code user_sessions} records, then the missing halves of both looked up by key, merged by {@link SessionMerger}.
 * A session in the true top {@code limit} has either its items or its record among the fetched ones, so the result
 * is exact while each query stays bounded by {@code limit}. Items whose {@code session_id} is missing or null are
 * grouped per user as that user's "(no session)" entry (a null session id).
 */
final class MongoSessions {
    private final MongoDatabase database;
    private final Duration maxTime;

    MongoSessions(MongoDatabase database, Duration maxTime) {
        this.database = database;
        this.maxTime = maxTime;
    }

    List<SessionSummary> list(String userId, int limit) {
        BsonDocument byUser = new BsonDocument(Fields.SESSION_ID, new BsonDocument("$type", new BsonString("string")));
        if (userId != null) {
            byUser.put(Fields.USER_ID, new BsonString(userId));
        }
        var merger = new SessionMerger();
        itemStats(byUser, true, limit).forEach(merger::addStats);
        BsonDocument withoutSession = DocumentFilter.sessionMissingOrNull();
        if (userId != null) {
            withoutSession.put(Fields.USER_ID, new BsonString(userId));
        }
        // grouped by user alone: a missing session_id and a null one would otherwise be two groups
        itemStats(withoutSession, false, limit).forEach(merger::addStats);
        BsonDocument recordFilter = userId == null ? new BsonDocument()
                : new BsonDocument(Fields.USER_ID, new BsonString(userId));
        database.getCollection(StoreCollection.USER_SESSIONS.collectionName(), BsonDocument.class)
                .find(recordFilter).sort(new BsonDocument(Fields.UPDATED_AT, new BsonInt32(-1)))
                .limit(limit).maxTime(maxTime.toMillis(), TimeUnit.MILLISECONDS)
                .forEach(merger::addRecord);
        List<Key> withoutStats = merger.keysWithoutStats();
        if (!withoutStats.isEmpty()) {
            itemStats(anyOf(withoutStats), true, withoutStats.size()).forEach(merger::addStats);
        }
        List<Key> withoutRecord = merger.keysWithoutRecord();
        if (!withoutRecord.isEmpty()) {
            database.getCollection(StoreCollection.USER_SESSIONS.collectionName(), BsonDocument.class)
                    .find(anyOf(withoutRecord)).maxTime(maxTime.toMillis(), TimeUnit.MILLISECONDS)
                    .forEach(merger::addRecord);
        }
        return merger.summaries(limit);
    }

    private List<ItemStats> itemStats(BsonDocument match, boolean bySession, int limit) {
        BsonDocument key = new BsonDocument("u", new BsonString("$" + Fields.USER_ID));
        if (bySession) {
            key.append("s", new BsonString("$" + Fields.SESSION_ID));
        }
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
        database.getCollection(StoreCollection.MEMORY_ITEMS.collectionName(), BsonDocument.class)
                .aggregate(pipeline).allowDiskUse(true).maxTime(maxTime.toMillis(), TimeUnit.MILLISECONDS)
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

    private static BsonDocument anyOf(List<Key> keys) {
        BsonArray alternatives = new BsonArray();
        for (Key key : keys) {
            alternatives.add(new BsonDocument(Fields.USER_ID, new BsonString(key.userId()))
                    .append(Fields.SESSION_ID, new BsonString(key.sessionId())));
        }
        return new BsonDocument("$or", alternatives);
    }

    private static Instant date(BsonValue value) {
        return value != null && value.isDateTime() ? Instant.ofEpochMilli(value.asDateTime().getValue()) : null;
    }
}
