package dev.orchestra.inspector.common;

import java.time.Instant;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/** Short, single-line renderings of BSON values for table cells and tree nodes. */
public final class BsonText {
    private BsonText() {
    }

    public static String inline(BsonValue value, int maxChars) {
        return shorten(raw(value), maxChars);
    }

    private static String raw(BsonValue value) {
        return switch (value.getBsonType()) {
            case STRING -> value.asString().getValue();
            case DATE_TIME -> TimeFormat.dateTime(Instant.ofEpochMilli(value.asDateTime().getValue()));
            case OBJECT_ID -> "ObjectId(" + value.asObjectId().getValue().toHexString() + ")";
            case INT32 -> Integer.toString(value.asInt32().getValue());
            case INT64 -> Long.toString(value.asInt64().getValue());
            case DOUBLE -> Double.toString(value.asDouble().getValue());
            case DECIMAL128 -> value.asDecimal128().getValue().toString();
            case BOOLEAN -> Boolean.toString(value.asBoolean().getValue());
            case NULL -> "null";
            case BINARY -> "Binary(" + value.asBinary().getData().length + " bytes)";
            case DOCUMENT -> ExtendedJson.compact(value.asDocument());
            case ARRAY -> arrayText(value.asArray());
            default -> new BsonDocument("v", value).toJson().replaceFirst("^\\{\\s*\"v\"\\s*:\\s*", "")
                    .replaceFirst("\\s*}$", "");
        };
    }

    private static String arrayText(BsonArray array) {
        if (array.size() > 20) {
            return "[" + array.size() + " elements]";
        }
        return ExtendedJson.compact(new BsonDocument("a", array)).replaceFirst("^\\{\"a\": ", "")
                .replaceFirst("}$", "");
    }

    private static String shorten(String text, int maxChars) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= maxChars ? oneLine : oneLine.substring(0, maxChars - 1) + "…";
    }
}
