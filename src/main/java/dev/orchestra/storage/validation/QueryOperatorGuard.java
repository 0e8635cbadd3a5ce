package dev.orchestra.storage.validation;

import dev.orchestra.storage.error.StorageValidationException;
import java.util.Set;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Refuses filters that would run server-side JavaScript. Checked recursively, because {@code $where} is just as
 * dangerous inside an {@code $or} or an {@code $elemMatch}.
 */
public final class QueryOperatorGuard {
    private static final Set<String> FORBIDDEN = Set.of("$where", "$function", "$accumulator");

    private QueryOperatorGuard() {
    }

    public static void check(BsonDocument filter) {
        if (filter != null) {
            checkValue(filter, "");
        }
    }

    private static void checkValue(BsonValue value, String path) {
        if (value instanceof BsonDocument document) {
            for (var entry : document.entrySet()) {
                String key = entry.getKey();
                if (FORBIDDEN.contains(key)) {
                    throw new StorageValidationException("The filter operator " + key + " is not allowed"
                            + (path.isEmpty() ? "" : " (at " + path + ")")
                            + ": it runs JavaScript on the server.");
                }
                checkValue(entry.getValue(), path.isEmpty() ? key : path + "." + key);
            }
        } else if (value instanceof BsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                checkValue(array.get(i), path + "[" + i + "]");
            }
        }
    }
}
