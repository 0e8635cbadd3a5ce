package dev.orchestra.storage.transfer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBinarySubType;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/** Test documents holding every BSON type Orchestra's collections may contain. */
public final class EveryBsonType {
    private EveryBsonType() {
    }

    /** A memory item whose fields cover date, ObjectId, Int32, Int64, Double, Decimal128, binary, nested arrays, null. */
    public static BsonDocument memoryItem(BsonValue id, String userId, String sessionId, int n) {
        BsonArray embedding = new BsonArray();
        for (int i = 0; i < 8; i++) {
            embedding.add(new BsonDouble(i == 0 ? 1.0 / 3 : i == 1 ? -1e-300 : i * 0.125 + n));
        }
        BsonDocument metadata = new BsonDocument()
                .append("object_id", new BsonObjectId(new ObjectId("65f0c0ffee0000000000" + String.format("%04x", n & 0xffff))))
                .append("int32", new BsonInt32(Integer.MIN_VALUE + n))
                .append("int64", new BsonInt64(Long.MAX_VALUE - n))
                .append("int64_small", new BsonInt64(7))
                .append("double", new BsonDouble(0.1 + n))
                .append("double_whole", new BsonDouble(2.0))
                .append("decimal", new BsonDecimal128(Decimal128.parse("1234567890.123456789012345678" + n)))
                .append("binary", new BsonBinary(new byte[] {0, 1, 2, (byte) 0xff, (byte) n}))
                .append("uuid", new BsonBinary(UUID.nameUUIDFromBytes(new byte[] {(byte) n})))
                .append("binary_2", new BsonBinary(BsonBinarySubType.BINARY, new byte[] {42}))
                // no MD5 subtype (5): mongo-java-server 1.47 drops the connection on it ("Unknown subtype: 5")
                .append("nested", new BsonArray(List.of(
                        new BsonArray(List.of(new BsonInt32(1), new BsonArray(List.of(
                                new BsonString("deep"), BsonNull.VALUE)))),
                        new BsonArray(),
                        new BsonDocument("in_array", new BsonDateTime(-86_400_000L)))))
                .append("nothing", BsonNull.VALUE)
                .append("flag", BsonBoolean.TRUE)
                .append("when", new BsonDateTime(Instant.parse("1969-07-20T20:17:40Z").toEpochMilli()));
        return new BsonDocument()
                .append("_id", id)
                .append("user_id", new BsonString(userId))
                .append("session_id", sessionId == null ? BsonNull.VALUE : new BsonString(sessionId))
                .append("timestamp", new BsonDateTime(Instant.parse("2024-05-01T12:00:00.123Z").toEpochMilli() + n))
                .append("item_type", new BsonString("conversation"))
                .append("persona_active", BsonNull.VALUE)
                .append("text_content", new BsonString("line one\nline \"two\", ünïcödé ✓ " + n))
                .append("embedding", n % 3 == 2 ? BsonNull.VALUE : embedding)
                .append("metadata", metadata)
                .append("expiration", BsonNull.VALUE)
                .append("written_by_python", new BsonString("unknown fields survive"));
    }
}
