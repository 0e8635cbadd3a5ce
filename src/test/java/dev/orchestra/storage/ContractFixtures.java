package dev.orchestra.storage;

import dev.orchestra.storage.model.MemoryItem;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonBinary;
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

/** Documents and values the storage contract suites build their tests from; subclasses use them too. */
public final class ContractFixtures {
    /** A fixed instant a little in the past, so that generated "now" timestamps sort after test data. */
    public static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(10, ChronoUnit.DAYS);

    private ContractFixtures() {
    }

    public static BsonDocument memoryDoc(String id, String user, String session, Instant time, String type,
                                            String text) {
        BsonDocument d = new BsonDocument("_id", new BsonString(id))
                .append("user_id", new BsonString(user))
                .append("session_id", session == null ? BsonNull.VALUE : new BsonString(session));
        if (time != null) {
            d.append("timestamp", new BsonDateTime(time.toEpochMilli()));
        }
        return d.append("item_type", new BsonString(type))
                .append("text_content", text == null ? BsonNull.VALUE : new BsonString(text))
                .append("metadata", new BsonDocument());
    }

    public static MemoryItem item(String user, String session, String type, String text, Instant time) {
        return MemoryItem.of(user, session, type, text).withTimestamp(time);
    }

    public static List<Double> vector(double... values) {
        List<Double> list = new ArrayList<>();
        for (double v : values) {
            list.add(v);
        }
        return list;
    }

    public static BsonDocument sessionDoc(String user, String session, Instant created, Instant updated) {
        return new BsonDocument("user_id", new BsonString(user))
                .append("session_id", new BsonString(session))
                .append("created_at", new BsonDateTime(created.toEpochMilli()))
                .append("updated_at", new BsonDateTime(updated.toEpochMilli()));
    }

    /** Every BSON type a foreign writer may use, in fields this library knows and in fields it does not. */
    public static BsonDocument everyTypeDocument(BsonValue id) {
        return new BsonDocument("_id", id)
                .append("user_id", new BsonString("typed"))
                .append("session_id", BsonNull.VALUE)
                .append("timestamp", new BsonDateTime(T0.toEpochMilli()))
                .append("item_type", new BsonString("note"))
                .append("text_content", new BsonString("types ✓ ünïcode"))
                .append("metadata", new BsonDocument("int32", new BsonInt32(7))
                        .append("int64", new BsonInt64(1L << 40))
                        .append("double", new BsonDouble(2.5))
                        .append("decimal", new BsonDecimal128(new Decimal128(new BigDecimal("12.3400"))))
                        .append("oid", new BsonObjectId(new ObjectId()))
                        .append("date", new BsonDateTime(T0.toEpochMilli() + 1))
                        .append("bin", new BsonBinary(new byte[] {0, 1, 2, (byte) 255}))
                        .append("nested", new BsonArray(List.of(new BsonArray(List.of(new BsonInt32(1),
                                new BsonString("two"))), new BsonDocument("deep", BsonNull.VALUE))))
                        .append("null", BsonNull.VALUE)
                        .append("bool", BsonBoolean.FALSE))
                .append("expiration", BsonNull.VALUE)
                .append("unknown_field", new BsonInt64(42))
                .append("embedding", new BsonArray(List.of(new BsonInt32(1), new BsonDouble(0.5))));
    }
}
