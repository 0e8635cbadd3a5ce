package dev.orchestra.inspector.common;

import dev.orchestra.storage.schema.Fields;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.schema.CollectionSchema;
import dev.orchestra.storage.schema.FieldSpec;
import dev.orchestra.storage.schema.FieldType;
import dev.orchestra.storage.schema.Schemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Says how a stored document differs from the documented schema ({@link Schemas}). Used to flag rows written by
 * other systems; never to hide or reject them.
 */
public final class SchemaCheck {
    private SchemaCheck() {
    }

    public static List<String> issues(StoreCollection collection, BsonDocument document) {
        List<String> issues = new ArrayList<>();
        CollectionSchema schema = Schemas.of(collection);
        if (!schema.editable()) {
            return issues; // the inspector's own collections: written only by the inspector
        }
        BsonValue id = document.get(Fields.ID);
        if (id == null) {
            issues.add("no _id");
        } else if (!id.isString()) {
            issues.add("_id is " + FieldType.typeName(id) + " (written by another system)");
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
            Optional<FieldSpec> spec = schema.field(field);
            if (spec.isEmpty()) {
                if (!field.equals(Fields.ID) && !field.equals(Fields.EMBEDDING_DIM)) {
                    issues.add("extra field '" + field + "'");
                }
            } else if (!value.isNull() && !spec.get().type().fits(value)) {
                issues.add("'" + field + "' is " + FieldType.typeName(value) + ", not " + spec.get().type().expected());
            }
        }
        return issues;
    }
}
