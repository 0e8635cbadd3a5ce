package dev.orchestra.inspector.common;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBinarySubType;
import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;

/**
 * Short, single-line renderings of BSON values for table cells and tree nodes, in the notation the shell uses:
 * {@code UUID("…")}, {@code Timestamp(t, i)}, {@code /pattern/flags}; dates as local date-times (before 1970 too);
 * strings as they are (emoji included).
 */
public final class BsonText {
    private static final int INLINE_BINARY_BYTES = 48;

    private BsonText() {
    }

    public static String inline(BsonValue value, int maxChars) {
        return shorten(raw(value), maxChars);
    }

    /** A UUID for a 16-byte binary of subtype 4, else null. */
    public static UUID uuid(BsonValue value) {
        if (value instanceof BsonBinary binary && binary.getType() == BsonBinarySubType.UUID_STANDARD.getValue()
                && binary.getData().length == 16) {
            ByteBuffer bytes = ByteBuffer.wrap(binary.getData());
            return new UUID(bytes.getLong(), bytes.getLong());
        }
        return null;
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
            case BINARY -> binaryText(value.asBinary());
            case DOCUMENT -> ExtendedJson.compact(value.asDocument());
            case ARRAY -> arrayText(value.asArray());
            case TIMESTAMP -> timestampText(value.asTimestamp());
            case REGULAR_EXPRESSION -> "/" + value.asRegularExpression().getPattern() + "/"
                    + value.asRegularExpression().getOptions();
            case SYMBOL -> value.asSymbol().getSymbol();
            case JAVASCRIPT -> value.asJavaScript().getCode();
            case JAVASCRIPT_WITH_SCOPE -> value.asJavaScriptWithScope().getCode() + "  scope "
                    + ExtendedJson.compact(value.asJavaScriptWithScope().getScope());
            case DB_POINTER -> "DBPointer(" + value.asDBPointer().getNamespace() + ", "
                    + value.asDBPointer().getId().toHexString() + ")";
            case UNDEFINED -> "undefined";
            case MIN_KEY -> "MinKey";
            case MAX_KEY -> "MaxKey";
            case END_OF_DOCUMENT -> "";
        };
    }

    private static String binaryText(BsonBinary binary) {
        UUID uuid = uuid(binary);
        if (uuid != null) {
            return uuid.toString();
        }
        int subtype = binary.getType() & 0xff;
        byte[] data = binary.getData();
        return data.length <= INLINE_BINARY_BYTES
                ? "BinData(" + subtype + ", " + Base64.getEncoder().encodeToString(data) + ")"
                : "Binary(subtype " + subtype + ", " + data.length + " bytes)";
    }

    private static String timestampText(BsonTimestamp timestamp) {
        return "Timestamp(" + Integer.toUnsignedString(timestamp.getTime()) + ", "
                + Integer.toUnsignedString(timestamp.getInc()) + ")";
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
        if (oneLine.length() <= maxChars) {
            return oneLine;
        }
        int cut = maxChars - 1;
        // Never split an emoji (a surrogate pair) in two.
        if (Character.isHighSurrogate(oneLine.charAt(cut - 1))) {
            cut--;
        }
        return oneLine.substring(0, cut) + "…";
    }
}
