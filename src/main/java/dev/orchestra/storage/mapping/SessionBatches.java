package dev.orchestra.storage.mapping;

import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.SessionRef;
import dev.orchestra.storage.schema.Fields;
import dev.orchestra.storage.validation.Arguments;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The reads a cache fill makes, for many sessions at once: each session's newest items (what
 * {@code getConversationHistory(user, session, limit, null)} returns) and its {@code user_sessions} records, in a
 * bounded number of queries (the coherence check compares a page of cache keys with them). Both stores run these
 * with their own find; the query is {@link StoreQueries#sessionsOf}, the single-session filter's criteria per user.
 *
 * <p>Bounded without per-group operators ({@code $topN}, {@code $setWindowFields} need MongoDB 5 and are missing from
 * mongo-java-server; {@code $push} + {@code $slice} holds a whole session in one group): one query per chunk of
 * sessions, sorted as a single history is, with a total limit of sessions × per-session limit. A session that got
 * its full limit holds its newest items (the reply is a prefix of the sorted union, and the session's items are a
 * subset of it); so does every session when the reply came back under its limit. A session that got fewer while
 * the reply was cut by the limit (busier sessions filled it) is asked again with the other unsettled ones only, up
 * to {@link #ROUNDS} queries, then read on its own; so the result always equals the per-session reads, and a
 * query never returns more than {@link #ITEMS_PER_QUERY} items.
 */
public final class SessionBatches {
    /** The most items one history query returns: bounds each reply and the client memory it takes. */
    public static final int ITEMS_PER_QUERY = 2_000;
    /** The most sessions one query names. */
    public static final int SESSIONS_PER_QUERY = 200;
    /** Records read per session: enough to tell one record (the truth) from several (none is). */
    public static final int RECORDS_PER_SESSION = 2;
    /** Queries per chunk of sessions at most, before the sessions still crowded out are read one by one. */
    public static final int ROUNDS = 3;

    private SessionBatches() {
    }

    /** A store's read: the documents matching {@code query}, at most {@code limit}. */
    @FunctionalInterface
    public interface Finder {
        List<BsonDocument> find(BsonDocument query, int limit);
    }

    /** Sessions per history query at this per-session limit. */
    public static int sessionsPerHistoryQuery(int limit) {
        return Math.max(1, Math.min(SESSIONS_PER_QUERY, ITEMS_PER_QUERY / limit));
    }

    /**
     * The newest {@code limit} items of each session, oldest first. {@code newestFirst} must sort as
     * {@code getConversationHistory} does; {@code oneByOne} is that per-session read. User-level sessions (no
     * session id) are read in queries of their own, so that a user's whole history does not crowd out its sessions.
     */
    public static Map<SessionRef, List<MemoryItem>> histories(List<SessionRef> sessions, int limit,
                                                              Finder newestFirst,
                                                              Function<SessionRef, List<MemoryItem>> oneByOne) {
        if (limit < 1) {
            throw new StorageValidationException("The history limit must be at least 1, was " + limit);
        }
        Set<SessionRef> distinct = new LinkedHashSet<>(requireAll(sessions));
        List<SessionRef> ofSessions = distinct.stream().filter(s -> s.sessionId() != null).toList();
        List<SessionRef> ofUsers = distinct.stream().filter(s -> s.sessionId() == null).toList();
        Map<SessionRef, List<MemoryItem>> result = new HashMap<>();
        int chunk = sessionsPerHistoryQuery(limit);
        for (List<SessionRef> group : List.of(ofSessions, ofUsers)) {
            for (int from = 0; from < group.size(); from += chunk) {
                List<SessionRef> part = group.subList(from, Math.min(group.size(), from + chunk));
                Map<SessionRef, List<BsonDocument>> found = read(part, limit, newestFirst);
                for (SessionRef session : part) {
                    List<BsonDocument> newest = found.get(session);
                    if (newest == null) {
                        result.put(session, oneByOne.apply(session));
                    } else {
                        List<MemoryItem> items = new ArrayList<>(newest.size());
                        newest.forEach(d -> items.add(MemoryItemMapper.fromDocument(d)));
                        Collections.reverse(items);
                        result.put(session, items);
                    }
                }
            }
        }
        return ordered(sessions, result);
    }

    /**
     * The {@code user_sessions} records of each session, at most {@link #RECORDS_PER_SESSION}: exactly one when it
     * has exactly one. {@code rows} reads them as the store lists them; {@code oneByOne} is the per-session read.
     */
    public static Map<SessionRef, List<BsonDocument>> records(List<SessionRef> sessions, Finder rows,
                                                              Function<SessionRef, List<BsonDocument>> oneByOne) {
        Set<SessionRef> distinct = new LinkedHashSet<>(requireAll(sessions));
        for (SessionRef session : distinct) {
            Arguments.requireText(session.sessionId(), Fields.SESSION_ID);
        }
        List<SessionRef> all = List.copyOf(distinct);
        Map<SessionRef, List<BsonDocument>> result = new HashMap<>();
        for (int from = 0; from < all.size(); from += SESSIONS_PER_QUERY) {
            List<SessionRef> part = all.subList(from, Math.min(all.size(), from + SESSIONS_PER_QUERY));
            Map<SessionRef, List<BsonDocument>> found = read(part, RECORDS_PER_SESSION, rows);
            part.forEach(session -> result.put(session, found.containsKey(session) ? found.get(session)
                    : oneByOne.apply(session)));
        }
        return ordered(sessions, result);
    }

    /**
     * Up to {@link #ROUNDS} queries over the sessions still open, each limited to {@code perSession} documents per
     * open session: a session is settled when it got {@code perSession} documents, or when the reply came back
     * under its limit (then it got all it has). The sessions settled, with their documents; the others (crowded
     * out {@link #ROUNDS} times by busier ones) are left for the per-session read.
     */
    private static Map<SessionRef, List<BsonDocument>> read(List<SessionRef> part, int perSession, Finder finder) {
        Map<SessionRef, List<BsonDocument>> settled = new HashMap<>();
        List<SessionRef> open = part;
        for (int round = 0; round < ROUNDS && !open.isEmpty(); round++) {
            int total = open.size() * perSession;
            List<BsonDocument> reply = finder.find(StoreQueries.sessionsOf(open), total);
            Map<SessionRef, List<BsonDocument>> found = assign(open, reply, perSession);
            List<SessionRef> stillOpen = new ArrayList<>();
            for (SessionRef session : open) {
                List<BsonDocument> documents = found.get(session);
                if (reply.size() < total || documents.size() == perSession) {
                    settled.put(session, documents);
                } else {
                    stillOpen.add(session);
                }
            }
            open = stillOpen;
        }
        return settled;
    }

    /**
     * Each document under every session it matches (as the query's equality does: the field's string value, or
     * one in an array), keeping the first {@code perSession}.
     */
    private static Map<SessionRef, List<BsonDocument>> assign(List<SessionRef> part, List<BsonDocument> reply,
                                                              int perSession) {
        Map<SessionRef, List<BsonDocument>> found = new HashMap<>();
        part.forEach(s -> found.put(s, new ArrayList<>()));
        Set<SessionRef> wanted = found.keySet();
        for (BsonDocument document : reply) {
            Set<SessionRef> owners = new LinkedHashSet<>();
            for (String user : strings(document.get(Fields.USER_ID))) {
                owners.add(new SessionRef(user, null));
                for (String session : strings(document.get(Fields.SESSION_ID))) {
                    owners.add(new SessionRef(user, session));
                }
            }
            for (SessionRef owner : owners) {
                List<BsonDocument> list = wanted.contains(owner) ? found.get(owner) : null;
                if (list != null && list.size() < perSession) {
                    list.add(document);
                }
            }
        }
        return found;
    }

    private static List<String> strings(BsonValue value) {
        List<String> strings = new ArrayList<>();
        if (value != null && value.isString()) {
            strings.add(value.asString().getValue());
        } else if (value != null && value.isArray()) {
            value.asArray().forEach(v -> {
                if (v.isString() && !v.asString().getValue().isBlank()) {
                    strings.add(v.asString().getValue());
                }
            });
        }
        strings.removeIf(String::isBlank);
        return strings;
    }

    private static List<SessionRef> requireAll(List<SessionRef> sessions) {
        if (sessions == null || sessions.stream().anyMatch(java.util.Objects::isNull)) {
            throw new StorageValidationException("The sessions must be given, none null");
        }
        return sessions;
    }

    private static <T> Map<SessionRef, T> ordered(List<SessionRef> sessions, Map<SessionRef, T> result) {
        Map<SessionRef, T> inOrder = new LinkedHashMap<>();
        sessions.forEach(s -> inOrder.put(s, result.get(s)));
        return inOrder;
    }
}
