package dev.orchestra.storage.testsupport;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Instant;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonDateTime;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/**
 * A database as another system fills it: Orchestra's three collections with documents in shapes our own code does
 * not write (ObjectId ids, Int64 and string timestamps, expired items, unknown fields), a collection of its own and
 * a few indexes of its own, and none of the inspector's collections or recommended indexes.
 */
public final class ForeignDatabase {
    private ForeignDatabase() {
    }

    public static void fill(String connectionString, String databaseName) {
        try (MongoClient client = MongoClients.create(connectionString)) {
            MongoDatabase db = client.getDatabase(databaseName);
            long past = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
            var items = db.getCollection("memory_items", BsonDocument.class);
            for (int n = 0; n < 30; n++) {
                items.insertOne(new BsonDocument("_id", new BsonObjectId(new ObjectId()))
                        .append("user_id", new BsonString("alice"))
                        .append("session_id", new BsonString("s" + (n % 3)))
                        .append("timestamp", new BsonDateTime(past + n * 60_000L))
                        .append("item_type", new BsonString("conversation"))
                        .append("text_content", new BsonString("message " + n))
                        .append("metadata", new BsonDocument("role", new BsonString(n % 2 == 0 ? "user" : "assistant")))
                        .append("expiration", new BsonDateTime(past)) // expired long ago: a TTL index would delete it
                        .append("python_only", new BsonDecimal128(Decimal128.parse("1.10"))));
            }
            items.insertOne(new BsonDocument("_id", new BsonString("int64-time"))
                    .append("user_id", new BsonString("bob")).append("timestamp", new BsonInt64(past))
                    .append("item_type", new BsonString("note")).append("text_content", BsonNull.VALUE));
            items.insertOne(new BsonDocument("_id", new BsonString("string-time"))
                    .append("user_id", new BsonString("bob")).append("timestamp", new BsonString("2024-01-01"))
                    .append("item_type", new BsonString("summary"))
                    .append("embedding", new BsonArray(List.of(new BsonDouble(0.5), new BsonDouble(-0.25)))));
            var agents = db.getCollection("agent_data", BsonDocument.class);
            for (int n = 0; n < 5; n++) {
                agents.insertOne(new BsonDocument("agent_id", new BsonString("planner"))
                        .append("data_type", new BsonString("plan")).append("timestamp", new BsonDateTime(past + n))
                        .append("content", new BsonBinary(new byte[] {1, 2, (byte) n})));
            }
            var sessions = db.getCollection("user_sessions", BsonDocument.class);
            for (int n = 0; n < 3; n++) {
                sessions.insertOne(new BsonDocument("user_id", new BsonString("alice"))
                        .append("session_id", new BsonString("s" + n)).append("turns", new BsonInt32(n))
                        .append("updated_at", new BsonDateTime(past + n)));
            }
            db.getCollection("their_own_collection", BsonDocument.class)
                    .insertOne(new BsonDocument("kept", new BsonInt32(1)));
            items.createIndex(Indexes.ascending("user_id"), new IndexOptions().name("their_user_index"));
            agents.createIndex(Indexes.ascending("agent_id", "timestamp"), new IndexOptions().name("their_agent_index"));
        }
    }
}
