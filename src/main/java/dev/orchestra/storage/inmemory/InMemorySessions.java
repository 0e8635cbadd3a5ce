package dev.orchestra.storage.inmemory;

import dev.orchestra.storage.StoreParts;
import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.mapping.SessionItemStats;
import dev.orchestra.storage.mapping.SessionMerger;
import dev.orchestra.storage.mapping.SessionMerger.Key;
import dev.orchestra.storage.model.BulkProgress;
import dev.orchestra.storage.model.RecordlessSessions;
import dev.orchestra.storage.model.SessionSummary;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.schema.Fields;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * Sessions in memory, the way the MongoDB store finds them: the list reads the most recently updated records and
 * only their sessions' items; the items of sessions without a record are found by an explicit scan in batches.
 */
final class InMemorySessions implements StoreParts.Sessions {
    /** Items read between two progress reports of a scan. */
    static final int SCAN_BATCH = 1_000;

    private final InMemoryCollections collections;

    InMemorySessions(InMemoryCollections collections) {
        this.collections = collections;
    }

    @Override
    public List<SessionSummary> listSessions(String userId, int limit) {
        requireLimit(limit);
        return collections.read(() -> {
            var merger = new SessionMerger();
            List<BsonDocument> records = collections.get(StoreCollection.USER_SESSIONS).find(byUser(userId)).stream()
                    .sorted(Comparator.comparing((BsonDocument d) -> updatedAt(d.get(Fields.UPDATED_AT)),
                            Comparator.nullsLast(Comparator.reverseOrder())))
                    .limit(limit).toList();
            records.forEach(merger::addRecord);
            Set<Key> keys = new HashSet<>(merger.keysWithoutStats());
            var stats = new SessionItemStats();
            for (BsonDocument item : collections.get(StoreCollection.MEMORY_ITEMS).find(byUser(userId))) {
                if (keys.contains(key(item))) {
                    stats.add(item);
                }
            }
            stats.stats().forEach(merger::addStats);
            return merger.summaries(limit);
        });
    }

    @Override
    public RecordlessSessions findSessionsWithoutRecord(String userId, int limit, BulkProgress progress) {
        requireLimit(limit);
        List<BsonDocument> items = collections.read(() ->
                collections.get(StoreCollection.MEMORY_ITEMS).find(byUser(userId)));
        var stats = new SessionItemStats();
        long examined = 0;
        boolean complete = true;
        for (BsonDocument item : items) {
            stats.add(item);
            examined++;
            if ((examined % SCAN_BATCH == 0 || examined == items.size())
                    && !progress.onBatch(examined, items.size()) && examined < items.size()) {
                complete = false;
                break;
            }
        }
        var merger = new SessionMerger();
        stats.stats().forEach(merger::addStats);
        collections.read(() -> {
            collections.get(StoreCollection.USER_SESSIONS).find(byUser(userId)).forEach(merger::addRecord);
            return null;
        });
        return new RecordlessSessions(merger.summariesWithoutRecord(limit), examined, complete);
    }

    private static void requireLimit(int limit) {
        if (limit < 1) {
            throw new StorageValidationException("The session limit must be at least 1, was " + limit);
        }
    }

    private static BsonDocument byUser(String userId) {
        return userId == null ? new BsonDocument() : new BsonDocument(Fields.USER_ID, new BsonString(userId));
    }

    private static Key key(BsonDocument item) {
        BsonValue user = item.get(Fields.USER_ID);
        BsonValue session = item.get(Fields.SESSION_ID);
        return user != null && user.isString() && session != null && session.isString()
                ? new Key(user.asString().getValue(), session.asString().getValue()) : null;
    }

    private static Long updatedAt(BsonValue value) {
        return value != null && value.isDateTime() ? value.asDateTime().getValue() : null;
    }
}
