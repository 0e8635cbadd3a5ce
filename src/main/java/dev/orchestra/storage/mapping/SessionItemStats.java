package dev.orchestra.storage.mapping;

import dev.orchestra.storage.mapping.SessionMerger.ItemStats;
import dev.orchestra.storage.mapping.SessionMerger.Key;
import dev.orchestra.storage.schema.Fields;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Groups memory items by (user, session) one item at a time, as a store's aggregation would: items whose session
 * id is missing or null form the user's group with a null session; items whose user or session id is some other
 * type are skipped. Used where the items are read one by one (the in-memory store, a scan of a MongoDB store).
 */
public final class SessionItemStats {
    private final Map<Key, ItemStats> groups = new LinkedHashMap<>();

    /** Reads {@code user_id}, {@code session_id}, {@code timestamp} and {@code persona_active} of one item. */
    public void add(BsonDocument item) {
        String user = string(item.get(Fields.USER_ID));
        BsonValue sessionValue = item.get(Fields.SESSION_ID);
        String session = string(sessionValue);
        if (user == null || session == null && sessionValue != null && !sessionValue.isNull()) {
            return;
        }
        Instant time = date(item.get(Fields.TIMESTAMP));
        String persona = string(item.get(Fields.PERSONA_ACTIVE));
        groups.merge(new Key(user, session), new ItemStats(user, session, 1, time, time, persona),
                SessionItemStats::combine);
    }

    public List<ItemStats> stats() {
        return new ArrayList<>(groups.values());
    }

    private static ItemStats combine(ItemStats a, ItemStats b) {
        Instant first = a.first() == null ? b.first()
                : b.first() == null || a.first().isBefore(b.first()) ? a.first() : b.first();
        boolean bIsLater = a.last() == null || b.last() != null && b.last().isAfter(a.last());
        Instant last = bIsLater ? b.last() : a.last();
        String persona = bIsLater ? b.persona() : a.persona(); // the latest item's, like MongoDB's $max on (t, p)
        return new ItemStats(a.userId(), a.sessionId(), a.count() + b.count(), first, last, persona);
    }

    private static String string(BsonValue v) {
        return v != null && v.isString() ? v.asString().getValue() : null;
    }

    private static Instant date(BsonValue v) {
        return v != null && v.isDateTime() ? Instant.ofEpochMilli(v.asDateTime().getValue()) : null;
    }
}
