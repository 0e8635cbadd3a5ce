package dev.orchestra.storage.mapping;

import static dev.orchestra.storage.schema.Fields.CREATED_AT;
import static dev.orchestra.storage.schema.Fields.ID;
import static dev.orchestra.storage.schema.Fields.METADATA;
import static dev.orchestra.storage.schema.Fields.PERSONA_ACTIVE;
import static dev.orchestra.storage.schema.Fields.SESSION_ID;
import static dev.orchestra.storage.schema.Fields.UPDATED_AT;
import static dev.orchestra.storage.schema.Fields.USER_ID;

import dev.orchestra.storage.model.UserSession;
import org.bson.BsonDocument;

/** {@code user_sessions} document &lt;-&gt; {@link UserSession}, losslessly (see {@link MemoryItemMapper}). */
public final class UserSessionMapper {
    private UserSessionMapper() {
    }

    public static UserSession fromDocument(BsonDocument document) {
        var r = new DocumentReader(document);
        return new UserSession(r.any(ID), r.string(USER_ID), r.string(SESSION_ID), r.date(CREATED_AT),
                r.date(UPDATED_AT), r.string(PERSONA_ACTIVE), r.document(METADATA), r.extraFields());
    }

    public static BsonDocument toDocument(UserSession session) {
        return new DocumentWriter(session.extraFields())
                .value(ID, session.id())
                .string(USER_ID, session.userId())
                .string(SESSION_ID, session.sessionId())
                .date(CREATED_AT, session.createdAt())
                .date(UPDATED_AT, session.updatedAt())
                .string(PERSONA_ACTIVE, session.personaActive())
                .document(METADATA, session.metadata())
                .finish();
    }
}
