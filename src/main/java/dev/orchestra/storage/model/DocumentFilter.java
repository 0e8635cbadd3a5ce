package dev.orchestra.storage.model;

import java.time.Instant;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonNull;

/**
 * Filters for the inspector's paged queries. Null fields do not filter. Which fields apply depends on the
 * collection: {@code agentId}/{@code dataType} only to {@code agent_data}, {@code itemType} only to
 * {@code memory_items}; using one on another collection is a validation error, not silently ignored.
 *
 * @param from         inclusive lower bound on the collection's time field
 * @param to           exclusive upper bound on the collection's time field
 * @param textContains case-insensitive substring of {@code text_content} (memory items) or a string
 *                     {@code content} (agent data); matched literally, not as a regex
 * @param rawFilter    an extra MongoDB filter typed by the user; checked for forbidden operators
 *                     ({@code $where}, {@code $function}, {@code $accumulator}) before it is sent
 */
public record DocumentFilter(
        String userId,
        String sessionId,
        String itemType,
        String agentId,
        String dataType,
        Instant from,
        Instant to,
        String textContains,
        BsonDocument rawFilter) {

    public static final DocumentFilter NONE = new DocumentFilter(null, null, null, null, null, null, null, null, null);

    public static DocumentFilter none() {
        return NONE;
    }

    public static DocumentFilter forUser(String userId) {
        return NONE.withUserId(userId);
    }

    public static DocumentFilter forSession(String userId, String sessionId) {
        return NONE.withUserId(userId).withSessionId(sessionId);
    }

    /**
     * A user's items without a session: {@code session_id} missing or null (the "(no session)" conversation). The
     * condition travels as {@link #rawFilter} so every store applies it.
     */
    public static DocumentFilter withoutSession(String userId) {
        return forUser(userId).withRawFilter(sessionMissingOrNull());
    }

    /**
     * {@code session_id} missing or null, spelled out: MongoDB's {@code {session_id: null}} matches both, but
     * mongo-java-server's matches only one of them.
     */
    public static BsonDocument sessionMissingOrNull() {
        return new BsonDocument("$or", new BsonArray(List.of(
                new BsonDocument("session_id", BsonNull.VALUE),
                new BsonDocument("session_id", new BsonDocument("$exists", BsonBoolean.FALSE)))));
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    public DocumentFilter withUserId(String v) {
        return new DocumentFilter(v, sessionId, itemType, agentId, dataType, from, to, textContains, rawFilter);
    }

    public DocumentFilter withSessionId(String v) {
        return new DocumentFilter(userId, v, itemType, agentId, dataType, from, to, textContains, rawFilter);
    }

    public DocumentFilter withItemType(String v) {
        return new DocumentFilter(userId, sessionId, v, agentId, dataType, from, to, textContains, rawFilter);
    }

    public DocumentFilter withAgentId(String v) {
        return new DocumentFilter(userId, sessionId, itemType, v, dataType, from, to, textContains, rawFilter);
    }

    public DocumentFilter withDataType(String v) {
        return new DocumentFilter(userId, sessionId, itemType, agentId, v, from, to, textContains, rawFilter);
    }

    public DocumentFilter withTimeRange(Instant fromInclusive, Instant toExclusive) {
        return new DocumentFilter(userId, sessionId, itemType, agentId, dataType, fromInclusive, toExclusive,
                textContains, rawFilter);
    }

    public DocumentFilter withTextContains(String v) {
        return new DocumentFilter(userId, sessionId, itemType, agentId, dataType, from, to, v, rawFilter);
    }

    public DocumentFilter withRawFilter(BsonDocument v) {
        return new DocumentFilter(userId, sessionId, itemType, agentId, dataType, from, to, textContains, v);
    }
}
