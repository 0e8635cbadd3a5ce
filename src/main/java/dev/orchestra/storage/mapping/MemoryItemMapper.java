package dev.orchestra.storage.mapping;

import static dev.orchestra.storage.schema.Fields.EMBEDDING;
import static dev.orchestra.storage.schema.Fields.EXPIRATION;
import static dev.orchestra.storage.schema.Fields.ID;
import static dev.orchestra.storage.schema.Fields.ITEM_TYPE;
import static dev.orchestra.storage.schema.Fields.METADATA;
import static dev.orchestra.storage.schema.Fields.PERSONA_ACTIVE;
import static dev.orchestra.storage.schema.Fields.SESSION_ID;
import static dev.orchestra.storage.schema.Fields.TEXT_CONTENT;
import static dev.orchestra.storage.schema.Fields.TIMESTAMP;
import static dev.orchestra.storage.schema.Fields.USER_ID;

import dev.orchestra.storage.model.MemoryItem;
import org.bson.BsonDocument;

/**
 * {@code memory_items} document &lt;-&gt; {@link MemoryItem}, losslessly: unknown fields, known fields of another
 * type and explicit nulls travel in {@link MemoryItem#extraFields()} and are written back unchanged. An absent
 * {@code metadata} is written back as {@code {}} (its documented default).
 */
public final class MemoryItemMapper {
    private MemoryItemMapper() {
    }

    public static MemoryItem fromDocument(BsonDocument document) {
        var r = new DocumentReader(document);
        return new MemoryItem(r.any(ID), r.string(USER_ID), r.string(SESSION_ID), r.date(TIMESTAMP),
                r.string(ITEM_TYPE), r.string(PERSONA_ACTIVE), r.string(TEXT_CONTENT), r.doubles(EMBEDDING),
                r.document(METADATA), r.date(EXPIRATION), r.extraFields());
    }

    public static BsonDocument toDocument(MemoryItem item) {
        return new DocumentWriter(item.extraFields())
                .value(ID, item.id())
                .string(USER_ID, item.userId())
                .string(SESSION_ID, item.sessionId())
                .date(TIMESTAMP, item.timestamp())
                .string(ITEM_TYPE, item.itemType())
                .string(PERSONA_ACTIVE, item.personaActive())
                .string(TEXT_CONTENT, item.textContent())
                .doubles(EMBEDDING, item.embedding())
                .document(METADATA, item.metadata())
                .date(EXPIRATION, item.expiration())
                .finish();
    }
}
