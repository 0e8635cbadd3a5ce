package dev.orchestra.storage.mapping;

import java.time.Instant;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * Writes a model back to a document: a model value wins; when the model has none, the value kept in the extra
 * fields (an unexpected type or an explicit null) is written in its place; remaining extra fields follow.
 */
final class DocumentWriter {
    private final BsonDocument out = new BsonDocument();
    private final BsonDocument extra;

    DocumentWriter(BsonDocument extraFields) {
        this.extra = extraFields;
    }

    DocumentWriter value(String field, BsonValue value) {
        if (value != null) {
            out.put(field, value);
        } else if (extra.containsKey(field)) {
            out.put(field, extra.get(field));
        }
        return this;
    }

    DocumentWriter string(String field, String value) {
        return value(field, value == null ? null : new BsonString(value));
    }

    DocumentWriter date(String field, Instant value) {
        return value(field, value == null ? null : new BsonDateTime(value.toEpochMilli()));
    }

    DocumentWriter doubles(String field, List<Double> values) {
        if (values == null) {
            return value(field, null);
        }
        BsonArray array = new BsonArray(values.size());
        values.forEach(v -> array.add(new BsonDouble(v)));
        return value(field, array);
    }

    /** An empty model document defers to a non-document value kept in the extra fields. */
    DocumentWriter document(String field, BsonDocument value) {
        if (value.isEmpty() && extra.containsKey(field)) {
            return value(field, null);
        }
        return value(field, value.clone());
    }

    BsonDocument finish() {
        extra.forEach((key, value) -> {
            if (!out.containsKey(key)) {
                out.put(key, value);
            }
        });
        return out;
    }
}
