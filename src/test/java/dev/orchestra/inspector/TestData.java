package dev.orchestra.inspector;

import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.mapping.RawDocumentAccess;
import dev.orchestra.storage.model.StoreCollection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.types.ObjectId;

/** Documents the inspector tests read: a known conversation, many items for paging, and other systems' oddities. */
public final class TestData {
    public static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    private TestData() {
    }

    /** {@code count} conversation items of user {@code bulk}, one minute apart, text "bulk message N". */
    public static void bulkItems(MemoryManager m, int count) {
        for (int i = 0; i < count; i++) {
            m.insert(StoreCollection.MEMORY_ITEMS, item("bulk-" + i, "bulk", "s-bulk", "conversation",
                    "bulk message " + i, T0.plusSeconds(60L * i), i % 2 == 0 ? "user" : "assistant"));
        }
    }

    /** Session alice/s-chat: user, assistant, tool, user, assistant — in this time order. */
    public static List<String> conversation(MemoryManager m) {
        List<String> texts = List.of("Hello, can you plan my trip?", "Sure! Where to?", "call search_flights(LIS)",
                "Lisbon, in June.", "Here are three options for Lisbon in June.");
        String[] roles = {"user", "assistant", null, "user", "assistant"};
        for (int i = 0; i < texts.size(); i++) {
            BsonDocument d = item("chat-" + i, "alice", "s-chat", roles[i] == null ? "tool" : "conversation",
                    texts.get(i), T0.plusSeconds(10L * i), roles[i]);
            if (roles[i] == null) {
                d.put("metadata", new BsonDocument("tool_name", new BsonString("search_flights")));
            }
            m.insert(StoreCollection.MEMORY_ITEMS, d);
        }
        return texts;
    }

    public static BsonDocument item(String id, String user, String session, String type, String text, Instant time,
                                    String role) {
        BsonDocument metadata = new BsonDocument();
        if (role != null) {
            metadata.put("role", new BsonString(role));
        }
        return new BsonDocument("_id", new BsonString(id))
                .append("user_id", new BsonString(user))
                .append("session_id", new BsonString(session))
                .append("timestamp", new BsonDateTime(time.toEpochMilli()))
                .append("item_type", new BsonString(type))
                .append("persona_active", new BsonString("travel_agent"))
                .append("text_content", new BsonString(text))
                .append("metadata", metadata);
    }

    /** An item with a 4-dim embedding and a secret in its metadata. */
    public static void itemWithSecretAndEmbedding(MemoryManager m) {
        BsonArray embedding = new BsonArray();
        for (double v : new double[] {0.1, 0.2, 0.3, 0.4}) {
            embedding.add(new BsonDouble(v));
        }
        BsonDocument d = item("secret-1", "dave", "s-secret", "tool", "weather_api: Lisbon 24 °C", T0, null);
        d.put("embedding", embedding);
        d.put("metadata", new BsonDocument("tool_name", new BsonString("weather_api"))
                .append("api_key", new BsonString("sk-live-SECRET-1234")));
        m.insert(StoreCollection.MEMORY_ITEMS, d);
    }

    /** Written as other systems do: ObjectId _id, a string timestamp, an extra field, a missing item type. */
    public static List<BsonDocument> foreignItems(MemoryManager m) {
        List<BsonDocument> docs = new ArrayList<>();
        docs.add(new BsonDocument("_id", new BsonObjectId(new ObjectId()))
                .append("user_id", new BsonString("erin")).append("session_id", new BsonString("s-foreign"))
                .append("timestamp", new BsonDateTime(T0.toEpochMilli()))
                .append("item_type", new BsonString("conversation"))
                .append("text_content", new BsonString("written by the Python service"))
                .append("sentiment", new BsonInt32(3)));
        docs.add(new BsonDocument("_id", new BsonString("legacy-1"))
                .append("user_id", new BsonString("erin")).append("session_id", new BsonString("s-foreign"))
                .append("timestamp", new BsonString("2024-03-18T09:12:44Z"))
                .append("item_type", new BsonString("note"))
                .append("text_content", new BsonString("legacy note with a string timestamp")));
        for (BsonDocument d : docs) {
            ((RawDocumentAccess) m).insertUnchecked(StoreCollection.MEMORY_ITEMS, d);
        }
        return docs;
    }

    public static void agentData(MemoryManager m, int count) {
        for (int i = 0; i < count; i++) {
            m.insert(StoreCollection.AGENT_DATA, new BsonDocument("_id", new BsonString("agent-" + i))
                    .append("agent_id", new BsonString(i % 3 == 0 ? "planner" : "researcher"))
                    .append("data_type", new BsonString(i % 2 == 0 ? "plan" : "tool_output"))
                    .append("timestamp", new BsonDateTime(T0.plusSeconds(i).toEpochMilli()))
                    .append("content", i % 2 == 0 ? new BsonString("step " + i)
                            : new BsonDocument("rows", new BsonInt32(i)))
                    .append("metadata", new BsonDocument()));
        }
    }
}
