package dev.orchestra.storage.inmemory;

import dev.orchestra.storage.schema.Fields;
import dev.orchestra.storage.mapping.SessionMerger.ItemStats;
import dev.orchestra.storage.mapping.SessionMerger.Key;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Groups memory items by (user, session) like the MongoDB store's aggregation does; items whose session id is
 * missing or null form the user's group with a null session.
 */
final class InMemorySessionStats {
    private InMemorySessionStats() {
    }

    static List<ItemStats> of(List<BsonDocument> items) {
        Map<Key, ItemStats> groups = new LinkedHashMap<>();
        for (BsonDocument item : items) {
            String user = string(item.get(Fields.USER_ID));
            BsonValue sessionValue = item.get(Fields.SESSION_ID);
            String session = string(sessionValue);
            if (user == null || session == null && sessionValue != null && !sessionValue.isNull()) {
                continue;
            }
            Instant time = date(item.get(Fields.TIMESTAMP));
            String persona = string(item.get(Fields.PERSONA_ACTIVE));
            groups.merge(new Key(user, session), new ItemStats(user, session, 1, time, time, persona),
                    InMemorySessionStats::combine);
        }
        return new ArrayList<>(groups.values());
    }

    private static ItemStats combine(ItemStats a, ItemStats b) {
        Instant first = a.first() == null ? b.first()
                : b.first() == null || a.first().isBefore(b.first()) ? a.first() : b.first();
        boolean bIsLater = a.last() == null || b.last() != null && b.last().isAfter(a.last());
        Instant last = bIsLater ? b.last() : a.last();
        String persona = bIsLater ? b.persona() : a.persona(); // the latest item's, like MongoDB's $last
        return new ItemStats(a.userId(), a.sessionId(), a.count() + b.count(), first, last, persona);
    }

    private static String string(BsonValue v) {
        return v != null && v.isString() ? v.asString().getValue() : null;
    }

    private static Instant date(BsonValue v) {
        return v != null && v.isDateTime() ? Instant.ofEpochMilli(v.asDateTime().getValue()) : null;
    }
}
