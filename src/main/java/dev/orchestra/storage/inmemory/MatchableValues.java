package dev.orchestra.storage.inmemory;

import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.BsonBinary;
import org.bson.BsonBinarySubType;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * BSON values in the Java representation mongo-java-server's matcher works on (the one its wire decoder produces:
 * Instant for dates, its own ObjectId and Decimal128, byte[] or UUID for binary, null for null).
 */
final class MatchableValues {
    private MatchableValues() {
    }

    static Document document(BsonDocument source) {
        Document result = new Document();
        source.forEach((key, value) -> result.put(key, value(value)));
        return result;
    }

    static Object value(BsonValue v) {
        return switch (v.getBsonType()) {
            case DOUBLE -> v.asDouble().getValue();
            case STRING -> v.asString().getValue();
            case DOCUMENT -> document(v.asDocument());
            case ARRAY -> array(v);
            case BINARY -> binary(v.asBinary());
            case UNDEFINED, NULL -> null;
            case OBJECT_ID -> new ObjectId(v.asObjectId().getValue().toByteArray());
            case BOOLEAN -> v.asBoolean().getValue();
            case DATE_TIME -> Instant.ofEpochMilli(v.asDateTime().getValue());
            case REGULAR_EXPRESSION -> new BsonRegularExpression(v.asRegularExpression().getPattern(),
                    v.asRegularExpression().getOptions());
            case INT32 -> v.asInt32().getValue();
            case TIMESTAMP -> new BsonTimestamp(v.asTimestamp().getValue());
            case INT64 -> v.asInt64().getValue();
            case DECIMAL128 -> new Decimal128(v.asDecimal128().getValue().getLow(),
                    v.asDecimal128().getValue().getHigh());
            case MAX_KEY -> MaxKey.getInstance();
            case MIN_KEY -> MinKey.getInstance();
            case JAVASCRIPT -> new BsonJavaScript(v.asJavaScript().getCode());
            case SYMBOL -> v.asSymbol().getSymbol();
            case JAVASCRIPT_WITH_SCOPE -> new BsonJavaScript(v.asJavaScriptWithScope().getCode());
            case DB_POINTER -> v.asDBPointer().getNamespace() + "/" + v.asDBPointer().getId().toHexString();
            default -> v.toString();
        };
    }

    private static List<Object> array(BsonValue v) {
        List<Object> result = new ArrayList<>(v.asArray().size());
        v.asArray().forEach(element -> result.add(value(element)));
        return result;
    }

    private static Object binary(BsonBinary binary) {
        byte type = binary.getType();
        byte[] data = binary.getData();
        if ((type == BsonBinarySubType.UUID_STANDARD.getValue() || type == BsonBinarySubType.UUID_LEGACY.getValue())
                && data.length == 16) {
            ByteBuffer buffer = ByteBuffer.wrap(data);
            return new UUID(buffer.getLong(), buffer.getLong());
        }
        return data;
    }
}
