package dev.orchestra.inspector.common;

import dev.orchestra.storage.model.StoreCollection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.BsonType;
import org.bson.BsonValue;

/**
 * Says how a stored document differs from the documented schema (ARCHITECTURE.md, Collections). Used to flag rows
 * written by other systems; never to hide or reject them.
 */
public final class SchemaCheck {
    private static final Set<String> LIST_ONLY_FIELDS = Set.of("embedding_dim");
    private static final Map<StoreCollection, Set<String>> KNOWN_FIELDS = Map.of(
            StoreCollection.MEMORY_ITEMS, Set.of("_id", "user_id", "session_id", "timestamp", "item_type",
                    "persona_active", "text_content", "embedding", "metadata", "expiration"),
            StoreCollection.AGENT_DATA, Set.of("_id", "agent_id", "timestamp", "data_type", "content", "metadata",
                    "expiration"),
            StoreCollection.USER_SESSIONS, Set.of("_id", "user_id", "session_id", "created_at", "updated_at",
                    "persona_active", "metadata"));
    private static final Set<String> DATE_FIELDS = Set.of("timestamp", "expiration", "created_at", "updated_at");
    private static final Set<String> STRING_FIELDS = Set.of("user_id", "session_id", "item_type", "persona_active",
            "text_content", "agent_id", "data_type");

    private SchemaCheck() {
    }

    public static List<String> issues(StoreCollection collection, BsonDocument document) {
        List<String> issues = new ArrayList<>();
        Set<String> known = KNOWN_FIELDS.get(collection);
        if (known == null) {
            return issues;
        }
        BsonValue id = document.get("_id");
        if (id == null) {
            issues.add("no _id");
        } else if (!id.isString()) {
            issues.add("_id is " + typeName(id.getBsonType()) + " (written by another system)");
        }
        for (String required : collection.requiredFields()) {
            BsonValue v = document.get(required);
            if (v == null || v.isNull()) {
                issues.add("missing required field '" + required + "'");
            }
        }
        for (Map.Entry<String, BsonValue> e : document.entrySet()) {
            String field = e.getKey();
            BsonValue value = e.getValue();
            if (!known.contains(field)) {
                if (!LIST_ONLY_FIELDS.contains(field)) {
                    issues.add("extra field '" + field + "'");
                }
            } else if (value.isNull()) {
                continue;
            } else if (DATE_FIELDS.contains(field) && !value.isDateTime()) {
                issues.add("'" + field + "' is " + typeName(value.getBsonType()) + ", not a date");
            } else if (STRING_FIELDS.contains(field) && !value.isString()) {
                issues.add("'" + field + "' is " + typeName(value.getBsonType()) + ", not a string");
            } else if ("metadata".equals(field) && !value.isDocument()) {
                issues.add("'metadata' is " + typeName(value.getBsonType()) + ", not a document");
            }
        }
        return issues;
    }

    public static String typeName(BsonType type) {
        return switch (type) {
            case DATE_TIME -> "a date";
            case STRING -> "a string";
            case DOCUMENT -> "a document";
            case ARRAY -> "an array";
            case INT32 -> "an Int32";
            case INT64 -> "an Int64";
            case DOUBLE -> "a Double";
            case DECIMAL128 -> "a Decimal128";
            case OBJECT_ID -> "an ObjectId";
            case BOOLEAN -> "a boolean";
            case BINARY -> "binary data";
            case NULL -> "null";
            default -> type.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
