package dev.orchestra.storage.mapping;

import java.util.ArrayList;
import java.util.List;
import org.bson.BsonType;
import org.bson.BsonValue;

/**
 * MongoDB's cross-type sort order (MinKey &lt; null &lt; numbers &lt; strings &lt; ... &lt; MaxKey) as $type aliases.
 * The deprecated "undefined" and "symbol" aliases are left out: mongo-java-server rejects them, and no _id has
 * those types in practice.
 */
public final class BsonTypeOrder {
    private static final List<List<String>> BRACKETS = List.of(
            List.of("minKey"),
            List.of("null"),
            List.of("double", "int", "long", "decimal"),
            List.of("string"),
            List.of("object"),
            List.of("array"),
            List.of("binData"),
            List.of("objectId"),
            List.of("bool"),
            List.of("date"),
            List.of("timestamp"),
            List.of("regex"),
            List.of("maxKey"));

    private BsonTypeOrder() {
    }

    /** The position of the value's type in MongoDB's comparison order; equal for types compared by value. */
    public static int bracket(BsonValue value) {
        return bracket(value.getBsonType());
    }

    public static int bracket(BsonType type) {
        return switch (type) {
            case MIN_KEY -> 0;
            case NULL, UNDEFINED -> 1;
            case DOUBLE, INT32, INT64, DECIMAL128 -> 2;
            case SYMBOL, STRING -> 3;
            case DOCUMENT -> 4;
            case ARRAY -> 5;
            case BINARY -> 6;
            case OBJECT_ID -> 7;
            case BOOLEAN -> 8;
            case DATE_TIME -> 9;
            case TIMESTAMP -> 10;
            case REGULAR_EXPRESSION -> 11;
            case MAX_KEY -> 12;
            // JavaScript and DBPointer have no documented place; treat them as the highest ordinary types.
            default -> 11;
        };
    }

    /** $type aliases of every type that sorts strictly below the value's type. */
    public static List<String> typeAliasesBelow(BsonValue value) {
        List<String> aliases = new ArrayList<>();
        int limit = bracket(value);
        for (int i = 0; i < limit; i++) {
            aliases.addAll(BRACKETS.get(i));
        }
        return aliases;
    }
}
