package dev.orchestra.storage.testsupport;

import dev.orchestra.storage.model.StoreCollection;
import java.nio.ByteBuffer;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBinarySubType;
import org.bson.BsonDateTime;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonRegularExpression;
import org.bson.BsonString;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/**
 * Documents in the shapes other services store and our validator would refuse: Int64, string and missing
 * timestamps, ObjectId ids, Decimal128, binary, a non-document metadata, a numeric user_id, unknown fields in an
 * odd order. Each is a (collection, document) pair with an {@code _id}.
 */
public final class ForeignDocuments {
    /** One foreign document and where it lives. */
    public record Shape(String name, StoreCollection collection, BsonDocument document) {
        @Override
        public String toString() {
            return name;
        }
    }

    private ForeignDocuments() {
    }

    public static List<Shape> all() {
        long past = 1_704_067_200_000L; // 2024-01-01T00:00:00Z
        return List.of(
                new Shape("int64 timestamp, ObjectId _id", StoreCollection.MEMORY_ITEMS,
                        new BsonDocument("_id", new BsonObjectId(new ObjectId("65f1a2b3c4d5e6f708192a01")))
                                .append("user_id", new BsonString("bob"))
                                .append("timestamp", new BsonInt64(past))
                                .append("item_type", new BsonString("note"))
                                .append("text_content", BsonNull.VALUE)),
                new Shape("string timestamp", StoreCollection.MEMORY_ITEMS,
                        new BsonDocument("_id", new BsonString("string-time"))
                                .append("timestamp", new BsonString("2024-05-01 10:00:00"))
                                .append("user_id", new BsonString("bob"))
                                .append("item_type", new BsonString("summary"))
                                .append("embedding", new BsonArray(List.of(new BsonDouble(0.5), new BsonInt32(-1))))),
                new Shape("missing timestamp and item_type", StoreCollection.MEMORY_ITEMS,
                        new BsonDocument("_id", new BsonObjectId(new ObjectId("65f1a2b3c4d5e6f708192a02")))
                                .append("user_id", new BsonString("carol"))
                                .append("python_only", new BsonDecimal128(Decimal128.parse("1.10")))),
                new Shape("decimal, binary, odd types", StoreCollection.MEMORY_ITEMS,
                        new BsonDocument("zz_first", new BsonInt32(1))
                                .append("_id", new BsonBinary(BsonBinarySubType.UUID_STANDARD, new byte[16]))
                                .append("user_id", new BsonInt32(7))
                                .append("timestamp", new BsonDecimal128(Decimal128.parse("1704067200.5")))
                                .append("item_type", new BsonString("conversation"))
                                .append("metadata", new BsonString("not a document"))
                                .append("embedding", new BsonBinary(new byte[] {1, 2, 3, 4}))
                                .append("pattern", new BsonRegularExpression("^a.*", "i"))),
                new Shape("agent data with string timestamp", StoreCollection.AGENT_DATA,
                        new BsonDocument("_id", new BsonObjectId(new ObjectId("65f1a2b3c4d5e6f708192a03")))
                                .append("agent_id", new BsonString("planner"))
                                .append("data_type", new BsonString("plan"))
                                .append("timestamp", new BsonString("yesterday"))
                                .append("content", new BsonBinary(new byte[] {9, 8, 7}))),
                new Shape("session record with Int64 times", StoreCollection.USER_SESSIONS,
                        new BsonDocument("_id", new BsonObjectId(new ObjectId("65f1a2b3c4d5e6f708192a04")))
                                .append("user_id", new BsonString("alice"))
                                .append("session_id", new BsonString("s-foreign"))
                                .append("created_at", new BsonInt64(past))
                                .append("updated_at", new BsonDateTime(past))
                                .append("turns", new BsonInt32(3))));
    }

    /** The document as the BSON bytes a server stores (types and field order included). */
    public static ByteBuffer bytes(BsonDocument document) {
        if (document instanceof RawBsonDocument raw) {
            return raw.getByteBuffer().asNIO();
        }
        return new RawBsonDocument(document, new BsonDocumentCodec()).getByteBuffer().asNIO();
    }
}
