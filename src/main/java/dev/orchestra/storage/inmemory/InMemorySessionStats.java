package dev.orchestra.storage.inmemory;

import dev.orchestra.storage.mapping.Fields;
import dev.orchestra.storage.mapping.SessionMerger.ItemStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/** Groups memory items by (user, session) like the MongoDB store's aggregation does. */
final class InMemorySessionStats {
    private InMemorySessionStats() {
    }

    static List<ItemStats> of(List<BsonDocument> items) {
        Map<List<String>, ItemStats> groups = new LinkedHashMap<>();
        for (BsonDocument item : items) {
            String user = string(item.get(Fields.USER_ID));
            String session = string(item.get(Fields.SESSION_ID));
            if (user == null || session == null) {
                continue;
            }
            Instant time = date(item.get(Fields.TIMESTAMP));
            String persona = string(item.get(Fields.PERSONA_ACTIVE));
            groups.merge(List.of(user, session), new ItemStats(user, session, 1, time, time, persona),
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
