package dev.orchestra.storage.model;

import java.time.Instant;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/** A {@code user_sessions} record; (userId, sessionId) is unique. */
public record UserSession(
        BsonValue id,
        String userId,
        String sessionId,
        Instant createdAt,
        Instant updatedAt,
        String personaActive,
        BsonDocument metadata,
        BsonDocument extraFields) {

    public UserSession {
        metadata = metadata == null ? new BsonDocument() : metadata.clone();
        extraFields = extraFields == null ? new BsonDocument() : extraFields.clone();
    }

    public static UserSession of(String userId, String sessionId, String personaActive) {
        return new UserSession(null, userId, sessionId, null, null, personaActive, null, null);
    }
}
