package dev.orchestra.storage.mapping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Reads known fields of a stored document into Java types. Whatever does not fit — unknown fields, known fields
 * of an unexpected type and explicit nulls — is collected by {@link #extraFields()} in document order, so that
 * writing the model back reproduces the stored document.
 */
final class DocumentReader {
    private final BsonDocument source;
    private final Set<String> taken = new HashSet<>();

    DocumentReader(BsonDocument source) {
        this.source = source;
    }

    BsonValue any(String field) {
        taken.add(field);
        return source.get(field);
    }

    String string(String field) {
        BsonValue value = source.get(field);
        if (value != null && value.isString()) {
            taken.add(field);
            return value.asString().getValue();
        }
        return null;
    }

    Instant date(String field) {
        BsonValue value = source.get(field);
        if (value != null && value.isDateTime()) {
            taken.add(field);
            return Instant.ofEpochMilli(value.asDateTime().getValue());
        }
        return null;
    }

    BsonDocument document(String field) {
        BsonValue value = source.get(field);
        if (value != null && value.isDocument()) {
            taken.add(field);
            return value.asDocument();
        }
        return null;
    }

    /** An array of BSON doubles only: any other element type would not survive the trip through List&lt;Double&gt;. */
    List<Double> doubles(String field) {
        BsonValue value = source.get(field);
        if (value == null || !value.isArray()) {
            return null;
        }
        List<Double> result = new ArrayList<>(value.asArray().size());
        for (BsonValue element : value.asArray()) {
            if (!element.isDouble()) {
                return null;
            }
            result.add(element.asDouble().getValue());
        }
        taken.add(field);
        return result;
    }

    BsonDocument extraFields() {
        BsonDocument extra = new BsonDocument();
        source.forEach((key, value) -> {
            if (!taken.contains(key)) {
                extra.put(key, value);
            }
        });
        return extra;
    }
}
