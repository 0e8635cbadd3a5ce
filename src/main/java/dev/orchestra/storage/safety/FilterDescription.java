package dev.orchestra.storage.safety;

import dev.orchestra.storage.schema.Fields;
import dev.orchestra.storage.model.DocumentFilter;
import java.time.Instant;
import java.util.Collection;
import org.bson.BsonArray;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * What a bulk operation matched, as a document for the audit log. Not an executable query: nested
 * {@code $}-operators would be refused as stored field names by some servers, so a raw filter is kept as
 * canonical Extended JSON text.
 */
final class FilterDescription {
    private static final JsonWriterSettings CANONICAL = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    private FilterDescription() {
    }

    static BsonDocument of(DocumentFilter filter) {
        var doc = new BsonDocument();
        putString(doc, Fields.USER_ID, filter.userId());
        putString(doc, "session_id", filter.sessionId());
        putString(doc, "item_type", filter.itemType());
        putString(doc, "agent_id", filter.agentId());
        putString(doc, "data_type", filter.dataType());
        putDate(doc, "from", filter.from());
        putDate(doc, "to", filter.to());
        putString(doc, "text_contains", filter.textContains());
        if (filter.rawFilter() != null) {
            doc.append("raw_filter_json", new BsonString(filter.rawFilter().toJson(CANONICAL)));
        }
        return doc;
    }

    static BsonDocument ofIds(Collection<BsonValue> ids) {
        return new BsonDocument("_ids", new BsonArray(ids.stream().toList()));
    }

    private static void putString(BsonDocument doc, String field, String value) {
        if (value != null) {
            doc.append(field, new BsonString(value));
        }
    }

    private static void putDate(BsonDocument doc, String field, Instant value) {
        if (value != null) {
            doc.append(field, new BsonDateTime(value.toEpochMilli()));
        }
    }
}
