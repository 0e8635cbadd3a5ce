package dev.orchestra.storage.generator;

import dev.orchestra.storage.schema.Fields;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.SplittableRandom;
import org.bson.BsonArray;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * Realistic single documents for {@link DataGenerator}: message text of 8–70 words, roles and token counts in
 * {@code metadata}, tool calls between user and assistant turns, timestamps spread over a year in session order.
 */
final class SampleDocuments {
    static final int EMBEDDING_DIM = 1536;
    /** One item in twenty carries an embedding (5%). */
    static final int EMBEDDING_EVERY = 20;
    static final Duration SPAN = Duration.ofDays(365);
    static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final String[] WORDS = ("the agent user session memory tool search result plan step answer "
            + "question context summary note file budget flight hotel meeting email calendar report draft review "
            + "order invoice customer ticket priority deadline project task update status error retry timeout cache "
            + "database index query page cursor embedding vector score persona assistant reply message history "
            + "weather travel booking price discount refund policy account password reset login profile setting "
            + "please thanks could would should will can need want check find show list create delete edit send "
            + "today tomorrow yesterday morning evening week month year first last next previous best quick").split(" ");
    private static final String[] PERSONAS = {"assistant", "researcher", "planner", "support", null};
    private static final String[] AGENTS = {"planner", "retriever", "executor", "critic", "summarizer", "router",
        "scheduler", "mailer"};
    private static final String[] DATA_TYPES = {"tool_trace", "plan", "observation", "metrics"};
    private static final String[] TOOLS = {"web_search", "calendar.create", "email.send", "db.query", "calculator"};

    private final SplittableRandom random;
    private final long seed;
    private final Instant start;

    SampleDocuments(SplittableRandom random, long seed, Instant start) {
        this.random = random;
        this.seed = seed;
        this.start = start;
    }

    /** The i-th of n items: its time grows with i, so sessions are contiguous bursts like real chats. */
    BsonDocument memoryItem(int i, int n, String userId, String sessionId) {
        String itemType;
        String role;
        int turn = i % 6;
        if (turn == 2) {
            itemType = "tool_call";
            role = "assistant";
        } else if (turn == 3) {
            itemType = "tool_result";
            role = "tool";
        } else {
            itemType = "conversation";
            role = turn % 2 == 0 ? "user" : "assistant";
        }
        BsonDocument metadata = new BsonDocument("role", new BsonString(role))
                .append("tokens", new BsonInt32(20 + random.nextInt(400)))
                .append("model", new BsonString(role.equals("assistant") ? "gpt-4o" : "n/a"));
        if (itemType.startsWith("tool")) {
            metadata.append("tool", new BsonString(TOOLS[random.nextInt(TOOLS.length)]));
        }
        String persona = PERSONAS[(i / 200) % PERSONAS.length];
        BsonDocument item = new BsonDocument("_id", new BsonString(DataGenerator.idOf(seed, "item", i)))
                .append(Fields.USER_ID, new BsonString(userId))
                .append("session_id", new BsonString(sessionId))
                .append("timestamp", time(i, n))
                .append("item_type", new BsonString(itemType))
                .append("persona_active", persona == null ? BsonNull.VALUE : new BsonString(persona))
                .append("text_content", new BsonString(sentence(8 + random.nextInt(62))))
                .append("metadata", metadata)
                .append("expiration", BsonNull.VALUE);
        if (i % EMBEDDING_EVERY == 7) {
            item.append("embedding", embedding());
        }
        return item;
    }

    BsonDocument agentData(int i, int n) {
        BsonValue content = random.nextBoolean() ? new BsonString(sentence(10 + random.nextInt(30)))
                : new BsonDocument("step", new BsonInt32(random.nextInt(20)))
                        .append("tool", new BsonString(TOOLS[random.nextInt(TOOLS.length)]))
                        .append("output", new BsonString(sentence(6 + random.nextInt(20))));
        return new BsonDocument("_id", new BsonString(DataGenerator.idOf(seed, "agent-data", i)))
                .append("agent_id", new BsonString(DataGenerator.PREFIX + AGENTS[random.nextInt(AGENTS.length)]))
                .append("timestamp", time(i, n))
                .append("data_type", new BsonString(DATA_TYPES[random.nextInt(DATA_TYPES.length)]))
                .append("content", content)
                .append("metadata", new BsonDocument("run", new BsonInt32(i / 100)).append("seed", new BsonInt64(seed)))
                .append("expiration", BsonNull.VALUE);
    }

    BsonDocument session(int s, int sessions, String userId, String sessionId) {
        BsonDateTime created = new BsonDateTime(start.toEpochMilli() + SPAN.toMillis() * s / sessions);
        return new BsonDocument("_id", new BsonString(DataGenerator.idOf(seed, "session", s)))
                .append(Fields.USER_ID, new BsonString(userId))
                .append("session_id", new BsonString(sessionId))
                .append("created_at", created)
                .append("updated_at", new BsonDateTime(created.getValue() + 3_600_000L))
                .append("persona_active", new BsonString(PERSONAS[s % 4]))
                .append("metadata", new BsonDocument("title", new BsonString(sentence(4))));
    }

    private BsonDateTime time(int i, int n) {
        long step = SPAN.toMillis() / Math.max(1, n);
        return new BsonDateTime(start.toEpochMilli() + step * i + random.nextLong(Math.max(1, step / 2)));
    }

    private String sentence(int words) {
        StringBuilder text = new StringBuilder(words * 7);
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                text.append(' ');
            }
            text.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.append('.').toString();
    }

    /** A unit vector, like the output of an embedding model. */
    private BsonArray embedding() {
        double[] values = new double[EMBEDDING_DIM];
        double norm = 0;
        for (int d = 0; d < EMBEDDING_DIM; d++) {
            values[d] = random.nextDouble() * 2 - 1;
            norm += values[d] * values[d];
        }
        double scale = 1 / Math.sqrt(norm);
        BsonArray array = new BsonArray(new ArrayList<>(EMBEDDING_DIM));
        for (double v : values) {
            array.add(new BsonDouble(v * scale));
        }
        return array;
    }
}
