package dev.orchestra.storage.safety;

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
import org.bson.BsonMaxKey;
import org.bson.BsonMinKey;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/** Test documents for the three Orchestra collections. */
final class Documents {
    static final Instant T0 = Instant.parse("2025-06-01T12:00:00.123Z");

    private Documents() {
    }

    static BsonDocument memoryItem(String id, String userId, String sessionId, String text) {
        return new BsonDocument("_id", new BsonString(id))
                .append("user_id", new BsonString(userId))
                .append("session_id", sessionId == null ? BsonNull.VALUE : new BsonString(sessionId))
                .append("timestamp", new BsonDateTime(T0.toEpochMilli()))
                .append("item_type", new BsonString("conversation"))
                .append("text_content", new BsonString(text))
                .append("metadata", new BsonDocument());
    }

    static BsonDocument session(String id, String userId, String sessionId) {
        return new BsonDocument("_id", new BsonString(id))
                .append("user_id", new BsonString(userId))
                .append("session_id", new BsonString(sessionId))
                .append("created_at", new BsonDateTime(T0.toEpochMilli()))
                .append("updated_at", new BsonDateTime(T0.toEpochMilli()))
                .append("persona_active", new BsonString("helper"))
                .append("metadata", new BsonDocument());
    }

    /**
     * A memory item written by "another service": ObjectId {@code _id}, no {@code metadata}, and a field of every
     * BSON type a repair must not change. (No regular expression: mongo-java-server cannot compare one inside the
     * guarded replace's {@code $expr}; real MongoDB can.)
     */
    static BsonDocument everyType() {
        BsonValue uuid = new BsonBinary(UUID.fromString("3f2a9c01-d4e5-4a6b-8c7d-0e1f2a3b4c5d"));
        return new BsonDocument("_id", new BsonObjectId(new ObjectId("65f1a2b3c4d5e6f708192a3b")))
                .append("user_id", new BsonString("u-types"))
                .append("session_id", new BsonString("s-types"))
                .append("timestamp", new BsonDateTime(T0.toEpochMilli()))
                .append("item_type", new BsonString("conversation"))
                .append("text_content", new BsonString("every type"))
                .append("int32", new BsonInt32(42))
                .append("int64", new BsonInt64(42L))
                .append("big_int64", new BsonInt64(9_007_199_254_740_993L))
                .append("double", new BsonDouble(0.1))
                .append("decimal", new BsonDecimal128(Decimal128.parse("1234567890.123456789012345678901234")))
                .append("object_id", new BsonObjectId(new ObjectId("65f1a2b3c4d5e6f708192a3c")))
                .append("binary", new BsonBinary(new byte[] {0, 1, 2, (byte) 0xff}))
                .append("uuid", uuid)
                .append("user_binary", new BsonBinary(BsonBinarySubType.USER_DEFINED, new byte[] {9, 8, 7}))
                .append("date", new BsonDateTime(-1L))
                .append("nothing", BsonNull.VALUE)
                .append("flag", BsonBoolean.TRUE)
                .append("ts", new BsonTimestamp(1_700_000_000, 7))
                .append("min", new BsonMinKey())
                .append("max", new BsonMaxKey())
                .append("nested", new BsonArray(List.of(
                        new BsonArray(List.of(new BsonInt32(1), new BsonInt64(2L), BsonNull.VALUE)),
                        new BsonDocument("deep", new BsonArray(List.of(new BsonDecimal128(Decimal128.parse("-0.0"))))))))
                .append("embedding", new BsonArray(List.of(new BsonDouble(0.25), new BsonDouble(-1.5))));
    }
}
