package dev.orchestra.storage.mapping;

import dev.orchestra.storage.schema.Fields;

import dev.orchestra.storage.model.SessionSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Merges what {@code memory_items} says about sessions (counts and activity per user and session) with the
 * {@code user_sessions} records: a record without items and items without a record both appear.
 */
public final class SessionMerger {
    /** Items of one (user, session), as aggregated from {@code memory_items}; a null session: items without one. */
    public record ItemStats(String userId, String sessionId, long count, Instant first, Instant last,
                            String persona) {
    }

    public record Key(String userId, String sessionId) {
    }

    private final Map<Key, ItemStats> stats = new LinkedHashMap<>();
    private final Map<Key, BsonDocument> records = new LinkedHashMap<>();

    public void addStats(ItemStats s) {
        stats.put(new Key(s.userId(), s.sessionId()), s);
    }

    /** A {@code user_sessions} document; records whose user or session id is not a string are ignored. */
    public void addRecord(BsonDocument record) {
        String user = string(record.get(Fields.USER_ID));
        String session = string(record.get(Fields.SESSION_ID));
        if (user != null && session != null) {
            records.putIfAbsent(new Key(user, session), record);
        }
    }

    public boolean hasStats(Key key) {
        return stats.containsKey(key);
    }

    public boolean hasRecord(Key key) {
        return records.containsKey(key);
    }

    public List<Key> keysWithoutStats() {
        return records.keySet().stream().filter(k -> !stats.containsKey(k)).toList();
    }

    /** Sessions known from items only; the "(no session)" groups never have a record and are not listed. */
    public List<Key> keysWithoutRecord() {
        return stats.keySet().stream().filter(k -> k.sessionId() != null && !records.containsKey(k)).toList();
    }

    /** Most recent activity first (sessions with no dates last), at most {@code limit}. */
    public List<SessionSummary> summaries(int limit) {
        var keys = new LinkedHashSet<Key>();
        keys.addAll(stats.keySet());
        keys.addAll(records.keySet());
        return sorted(keys, limit);
    }

    /**
     * The item groups that have no record (sessions known only from items and the "(no session)" groups), most
     * recent activity first, at most {@code limit}; the records added are only used to tell which have one.
     */
    public List<SessionSummary> summariesWithoutRecord(int limit) {
        return sorted(stats.keySet().stream().filter(k -> !records.containsKey(k)).toList(), limit);
    }

    private List<SessionSummary> sorted(Collection<Key> keys, int limit) {
        List<SessionSummary> result = new ArrayList<>();
        for (Key key : keys) {
            result.add(summary(key, stats.get(key), records.get(key)));
        }
        result.sort(Comparator.comparing(SessionSummary::lastActivity, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(SessionSummary::userId)
                .thenComparing(SessionSummary::sessionId, Comparator.nullsFirst(Comparator.naturalOrder())));
        return result.size() > limit ? List.copyOf(result.subList(0, limit)) : result;
    }

    private static SessionSummary summary(Key key, ItemStats s, BsonDocument record) {
        Instant recordCreated = record == null ? null : date(record.get(Fields.CREATED_AT));
        Instant recordUpdated = record == null ? null : date(record.get(Fields.UPDATED_AT));
        Instant first = earliest(s == null ? null : s.first(), recordCreated);
        Instant last = latest(latest(s == null ? null : s.last(), recordUpdated), recordCreated);
        String recordPersona = record == null ? null : string(record.get(Fields.PERSONA_ACTIVE));
        String persona = recordPersona != null ? recordPersona : s == null ? null : s.persona();
        return new SessionSummary(key.userId(), key.sessionId(), s == null ? 0 : s.count(), first, last, persona,
                record != null);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static String string(BsonValue v) {
        return v != null && v.isString() ? v.asString().getValue() : null;
    }

    private static Instant date(BsonValue v) {
        return v != null && v.isDateTime() ? Instant.ofEpochMilli(v.asDateTime().getValue()) : null;
    }
}
