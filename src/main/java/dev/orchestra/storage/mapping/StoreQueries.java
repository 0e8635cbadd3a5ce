package dev.orchestra.storage.mapping;

import dev.orchestra.storage.schema.Fields;

import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.PageCursor;
import dev.orchestra.storage.model.CollectionRef;
import dev.orchestra.storage.model.SessionRef;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.validation.Arguments;
import dev.orchestra.storage.validation.QueryOperatorGuard;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import org.bson.BsonArray;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonRegularExpression;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * Translates the inspector's {@link DocumentFilter} and {@link PageCursor} into standard MongoDB filters. Both the
 * MongoDB and the in-memory store use these, so they select the same documents.
 */
public final class StoreQueries {
    /** The most values {@code DocumentStore#distinctTypes} returns. */
    public static final int MAX_DISTINCT_TYPES = 1000;
    /**
     * How many of the newest documents {@code DocumentStore#distinctTypes} reads: the newest by the listing order
     * (an index on a store that has the recommended ones), so the work does not grow with the collection.
     */
    public static final int DISTINCT_TYPES_WINDOW = 5_000;

    private static final String REGEX_METACHARACTERS = "\\^$.|?*+()[]{}";

    private StoreQueries() {
    }

    /**
     * The query of {@code checkDuplicate}: the user's memory items with exactly this text; none when there is no
     * text (nothing can duplicate it). Refuses a blank user either way.
     */
    public static Optional<BsonDocument> duplicateText(String userId, String textContent) {
        Arguments.requireText(userId, Fields.USER_ID);
        return textContent == null ? Optional.empty() : Optional.of(new BsonDocument(Fields.USER_ID,
                new BsonString(userId)).append(Fields.TEXT_CONTENT, new BsonString(textContent)));
    }

    /**
     * The query of {@code getConversationHistory}: the user's (and session's, when not null) memory items narrowed by
     * {@code filters}; refuses a blank user or a limit below 1.
     */
    public static BsonDocument history(String userId, String sessionId, int limit, DocumentFilter filters) {
        Arguments.requireText(userId, Fields.USER_ID);
        if (limit < 1) {
            throw new StorageValidationException(
                    "The history limit must be at least 1, was " + limit);
        }
        DocumentFilter base = (filters == null ? DocumentFilter.none() : filters).withUserId(userId);
        return filter(StoreCollection.MEMORY_ITEMS, sessionId == null ? base : base.withSessionId(sessionId));
    }

    /**
     * The items or records of exactly these sessions (a null session id: all of the user's): one {@code $or} branch
     * per user with its session ids in an {@code $in} (or the user alone), each an index range on
     * {@code (user_id, session_id)}, and fewer branches to test per document on a server without that index. The
     * same criteria as {@link #history} without filters, for many sessions at once.
     */
    public static BsonDocument sessionsOf(Collection<SessionRef> sessions) {
        Map<String, BsonArray> sessionsByUser = new LinkedHashMap<>();
        Set<String> wholeUsers = new HashSet<>();
        for (SessionRef session : sessions) {
            BsonArray ids = sessionsByUser.computeIfAbsent(session.userId(), u -> new BsonArray());
            if (session.sessionId() == null) {
                wholeUsers.add(session.userId());
            } else {
                ids.add(new BsonString(session.sessionId()));
            }
        }
        BsonArray alternatives = new BsonArray();
        sessionsByUser.forEach((user, ids) -> {
            BsonDocument branch = new BsonDocument(Fields.USER_ID, new BsonString(user));
            alternatives.add(wholeUsers.contains(user) ? branch
                    : branch.append(Fields.SESSION_ID, new BsonDocument("$in", ids)));
        });
        if (alternatives.isEmpty()) {
            throw new StorageValidationException("At least one session is needed");
        }
        return alternatives.size() == 1 ? alternatives.get(0).asDocument() : new BsonDocument("$or", alternatives);
    }

    /** The filter for {@code filter} on {@code collection}; refuses criteria that do not apply to it. */
    public static BsonDocument filter(CollectionRef collection, DocumentFilter filter) {
        List<BsonDocument> clauses = new ArrayList<>();
        if (filter == null) {
            return new BsonDocument();
        }
        equal(clauses, Fields.USER_ID, filter.userId());
        equal(clauses, Fields.SESSION_ID, filter.sessionId());
        if (filter.itemType() != null) {
            requireCollection(collection, StoreCollection.MEMORY_ITEMS, "item type");
            equal(clauses, Fields.ITEM_TYPE, filter.itemType());
        }
        if (filter.agentId() != null) {
            requireCollection(collection, StoreCollection.AGENT_DATA, "agent id");
            equal(clauses, Fields.AGENT_ID, filter.agentId());
        }
        if (filter.dataType() != null) {
            requireCollection(collection, StoreCollection.AGENT_DATA, "data type");
            equal(clauses, Fields.DATA_TYPE, filter.dataType());
        }
        timeRange(clauses, collection.timeField(), filter.from(), filter.to());
        if (filter.textContains() != null && !filter.textContains().isEmpty()) {
            // Two clauses: mongo-java-server matches a regex against documents' text and ignores $type beside $regex
            String field = textField(collection);
            clauses.add(new BsonDocument(field, new BsonDocument("$type", new BsonString("string"))));
            clauses.add(new BsonDocument(field,
                    new BsonRegularExpression(literalPattern(filter.textContains()), "i")));
        }
        if (filter.rawFilter() != null && !filter.rawFilter().isEmpty()) {
            QueryOperatorGuard.check(filter.rawFilter());
            clauses.add(filter.rawFilter().clone());
        }
        return and(clauses);
    }

    /** Documents whose time field is a BSON date: the part of a listing paged by (time, _id). */
    public static BsonDocument dated(CollectionRef collection) {
        return new BsonDocument(collection.timeField(), new BsonDocument("$type", new BsonString("date")));
    }

    /** Documents whose time field is missing, null or not a date: the tail of a listing, paged by offset. */
    public static BsonDocument undated(CollectionRef collection) {
        return new BsonDocument(collection.timeField(),
                new BsonDocument("$not", new BsonDocument("$type", new BsonString("date"))));
    }

    /**
     * The dated rows that sort after {@code cursor} in (time desc, _id desc) order. Comparison operators only match
     * values of the same BSON type bracket, so ids of a lower-ordered type (e.g. strings after ObjectIds) are
     * added explicitly: mixed id types at equal timestamps are neither skipped nor repeated.
     */
    public static BsonDocument datedAfter(CollectionRef collection, PageCursor cursor) {
        String time = collection.timeField();
        BsonValue lastTime = cursor.lastTime();
        BsonArray branches = new BsonArray();
        branches.add(new BsonDocument(time, new BsonDocument("$lt", lastTime)));
        branches.add(new BsonDocument(time, lastTime).append(Fields.ID, new BsonDocument("$lt", cursor.lastId())));
        List<String> lowerTypes = BsonTypeOrder.typeAliasesBelow(cursor.lastId());
        if (!lowerTypes.isEmpty()) {
            BsonArray aliases = new BsonArray();
            lowerTypes.forEach(alias -> aliases.add(new BsonString(alias)));
            branches.add(new BsonDocument(time, lastTime).append(Fields.ID, new BsonDocument("$type", aliases)));
        }
        return new BsonDocument("$or", branches);
    }

    /** Combines clauses with {@code $and}, flattening the trivial cases. */
    public static BsonDocument and(List<BsonDocument> clauses) {
        List<BsonDocument> nonEmpty = clauses.stream().filter(c -> !c.isEmpty()).toList();
        if (nonEmpty.isEmpty()) {
            return new BsonDocument();
        }
        if (nonEmpty.size() == 1) {
            return nonEmpty.get(0);
        }
        return new BsonDocument("$and", new BsonArray(nonEmpty));
    }

    public static BsonDocument and(BsonDocument... clauses) {
        return and(List.of(clauses));
    }

    /** The bound of {@code DocumentStore#distinctTypes}: 1 to {@link #MAX_DISTINCT_TYPES}. */
    public static void requireDistinctLimit(int limit) {
        if (limit < 1 || limit > MAX_DISTINCT_TYPES) {
            throw new StorageValidationException("The type limit must be 1–" + MAX_DISTINCT_TYPES + ", was " + limit);
        }
    }

    /** A regex matching {@code text} literally: every metacharacter is escaped (valid in PCRE and Java). */
    public static String literalPattern(String text) {
        StringBuilder pattern = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (REGEX_METACHARACTERS.indexOf(c) >= 0) {
                pattern.append('\\');
            }
            pattern.append(c);
        }
        return pattern.toString();
    }

    private static String textField(CollectionRef collection) {
        if (collection == StoreCollection.MEMORY_ITEMS) {
            return Fields.TEXT_CONTENT;
        }
        if (collection == StoreCollection.AGENT_DATA) {
            return Fields.CONTENT;
        }
        throw new StorageValidationException("Text search applies to memory_items and agent_data, not "
                + collection.collectionName());
    }

    private static void requireCollection(CollectionRef actual, StoreCollection expected, String criterion) {
        if (actual != expected) {
            throw new StorageValidationException("The " + criterion + " filter applies to " + expected.collectionName()
                    + " only, not " + actual.collectionName());
        }
    }

    private static void equal(List<BsonDocument> clauses, String field, String value) {
        if (value != null) {
            clauses.add(new BsonDocument(field, new BsonString(value)));
        }
    }

    private static void timeRange(List<BsonDocument> clauses, String field, Instant from, Instant to) {
        if (from == null && to == null) {
            return;
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new StorageValidationException("The time range is empty: 'from' (" + from + ") must be before 'to' ("
                    + to + ")");
        }
        BsonDocument range = new BsonDocument();
        if (from != null) {
            range.append("$gte", new BsonDateTime(from.toEpochMilli()));
        }
        if (to != null) {
            range.append("$lt", new BsonDateTime(to.toEpochMilli()));
        }
        clauses.add(new BsonDocument(field, range));
    }
}
