package dev.orchestra.inspector.editing;

import dev.orchestra.storage.transfer.EveryBsonType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBinarySubType;
import org.bson.BsonBinaryWriter;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDbPointer;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonJavaScript;
import org.bson.BsonJavaScriptWithScope;
import org.bson.BsonMaxKey;
import org.bson.BsonMinKey;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonRegularExpression;
import org.bson.BsonString;
import org.bson.BsonSymbol;
import org.bson.BsonTimestamp;
import org.bson.BsonUndefined;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/**
 * A valid memory item ({@link EveryBsonType#memoryItem}) plus every other BSON type and the awkward values of each:
 * what a lossless text notation has to carry through unchanged.
 */
public final class EveryBsonValue {
    private EveryBsonValue() {
    }

    public static BsonDocument memoryItem(String id) {
        BsonDocument doc = EveryBsonType.memoryItem(new BsonString(id), "alice", "s1", 3);
        doc.put("every_type", everyType());
        return doc;
    }

    public static BsonDocument everyType() {
        return new BsonDocument()
                .append("double_one", new BsonDouble(1.0))
                .append("double_minus_zero", new BsonDouble(-0.0))
                .append("double_nan", new BsonDouble(Double.NaN))
                .append("double_infinity", new BsonDouble(Double.POSITIVE_INFINITY))
                .append("double_minus_infinity", new BsonDouble(Double.NEGATIVE_INFINITY))
                .append("double_huge", new BsonDouble(1e300))
                .append("double_tiny", new BsonDouble(Double.MIN_VALUE))
                .append("double_third", new BsonDouble(1.0 / 3))
                .append("double_whole_big", new BsonDouble(1e15))
                .append("string_emoji", new BsonString("launch 🚀 family 👨‍👩‍👧 ✓ ünï"))
                .append("string_controls", new BsonString("nul\u0000 bell\u0007 tab\t cr\r lf\n sep\u2028 "
                        + "quote\" backslash\\ lone\ud800 zwsp\u200b"))
                .append("string_empty", new BsonString(""))
                .append("document", new BsonDocument("nested", new BsonDocument("deep", new BsonInt32(1))))
                .append("empty_document", new BsonDocument())
                .append("array", new BsonArray(List.of(new BsonInt32(1), new BsonInt64(1), new BsonDouble(1.0),
                        new BsonDecimal128(Decimal128.parse("1")), new BsonString("1"))))
                .append("number_array", new BsonArray(List.of(new BsonDouble(0.5), new BsonDouble(-2.0),
                        new BsonDouble(1e-7), new BsonDouble(3.0))))
                .append("binary_0", new BsonBinary(new byte[] {0, 1, 2, (byte) 0xff}))
                .append("binary_0_empty", new BsonBinary(new byte[0]))
                .append("binary_3", new BsonBinary(BsonBinarySubType.UUID_LEGACY, new byte[] {
                        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}))
                .append("binary_4", new BsonBinary(UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e")))
                .append("binary_4_short", new BsonBinary(BsonBinarySubType.UUID_STANDARD, new byte[] {1, 2, 3}))
                .append("binary_5", new BsonBinary(BsonBinarySubType.MD5, new byte[16]))
                .append("binary_128", new BsonBinary((byte) 0x80, new byte[] {9}))
                .append("undefined", new BsonUndefined())
                .append("object_id", new BsonObjectId(new ObjectId("65a1b2c3d4e5f60718293a4b")))
                .append("true", BsonBoolean.TRUE)
                .append("false", BsonBoolean.FALSE)
                .append("date", new BsonDateTime(Instant.parse("2024-06-01T12:00:00Z").toEpochMilli()))
                .append("date_millis", new BsonDateTime(Instant.parse("2024-06-01T12:00:00.123Z").toEpochMilli()))
                .append("date_pre_1970", new BsonDateTime(Instant.parse("1969-07-20T20:17:40Z").toEpochMilli()))
                .append("date_epoch", new BsonDateTime(0))
                .append("date_year_1", new BsonDateTime(Instant.parse("0001-01-01T00:00:00Z").toEpochMilli()))
                .append("date_far_future", new BsonDateTime(Instant.parse("+12000-01-01T00:00:00Z").toEpochMilli()))
                .append("date_max", new BsonDateTime(Long.MAX_VALUE))
                .append("date_min", new BsonDateTime(Long.MIN_VALUE))
                .append("null", BsonNull.VALUE)
                .append("regex", new BsonRegularExpression("^ab+c\\d", "imsx"))
                .append("regex_slash", new BsonRegularExpression("a/b", "i"))
                .append("regex_unicode_option", new BsonRegularExpression("x", "u"))
                .append("regex_trailing_backslash", new BsonRegularExpression("a\\", ""))
                .append("regex_empty", new BsonRegularExpression(""))
                .append("db_pointer", new BsonDbPointer("orchestra.memory_items",
                        new ObjectId("65a1b2c3d4e5f60718293a4c")))
                .append("javascript", new BsonJavaScript("function () { return \"x\"; }"))
                .append("symbol", new BsonSymbol("a_symbol"))
                .append("javascript_with_scope", new BsonJavaScriptWithScope("x + y",
                        new BsonDocument("x", new BsonInt32(1)).append("y", new BsonInt64(2))))
                .append("int32", new BsonInt32(42))
                .append("int32_min", new BsonInt32(Integer.MIN_VALUE))
                .append("timestamp", new BsonTimestamp(1_700_000_000, 7))
                .append("timestamp_unsigned_max", new BsonTimestamp(-1L))
                .append("int64", new BsonInt64(42))
                .append("int64_max", new BsonInt64(Long.MAX_VALUE))
                .append("int64_min", new BsonInt64(Long.MIN_VALUE))
                .append("decimal", new BsonDecimal128(Decimal128.parse("12.50")))
                .append("decimal_minus_zero", new BsonDecimal128(Decimal128.NEGATIVE_ZERO))
                .append("decimal_nan", new BsonDecimal128(Decimal128.NaN))
                .append("decimal_infinity", new BsonDecimal128(Decimal128.NEGATIVE_INFINITY))
                .append("decimal_exponent", new BsonDecimal128(Decimal128.parse("1.000E-6100")))
                .append("min_key", new BsonMinKey())
                .append("max_key", new BsonMaxKey());
    }

    /** The document's BSON encoding: what "byte-identical" compares. */
    public static byte[] bytes(BsonDocument document) {
        BasicOutputBuffer buffer = new BasicOutputBuffer();
        new BsonDocumentCodec().encode(new BsonBinaryWriter(buffer), document, EncoderContext.builder().build());
        return buffer.toByteArray();
    }
}
