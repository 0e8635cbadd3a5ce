package dev.orchestra.storage.mongo;

import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.schema.Fields;
import dev.orchestra.storage.mapping.RawDocumentAccess;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.mongo.SampleConversations.Topic;
import dev.orchestra.storage.mongo.SampleConversations.Turn;
import dev.orchestra.storage.validation.DocumentValidator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.bson.BsonArray;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills an empty development store once with realistic data: four users, ten sessions of multi-turn conversations
 * (user/assistant messages, tool calls and results, notes, summaries, some with 1,536-dim embeddings), agent data
 * of several content types, session records (one without items; one session's items have no record) and a few
 * documents shaped the way other systems write them. A marker in {@code inspector_meta} makes sure it never seeds
 * again, even after the user deleted everything.
 */
public final class SampleDataSeeder {
    private static final Logger LOG = LoggerFactory.getLogger(SampleDataSeeder.class);
    static final String MARKER = "sample_data";
    static final int EMBEDDING_DIMENSION = 1536;

    private record SessionPlan(String user, int topic, String sessionId, int daysAgo, boolean hasRecord) {
    }

    private final Random random = new Random(20240501L);
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final List<BsonDocument> items = new ArrayList<>();
    private final List<BsonDocument> agentData = new ArrayList<>();
    private final List<BsonDocument> sessions = new ArrayList<>();
    private final List<BsonDocument> foreignItems = new ArrayList<>();
    private final List<BsonDocument> foreignAgentData = new ArrayList<>();

    private SampleDataSeeder() {
    }

    /**
     * Seeds when the store was never seeded and holds no memory items. Returns whether it seeded. Without
     * {@link RawDocumentAccess} (e.g. a cache in front), only the documents valid for {@code insert} are written.
     */
    public static boolean seedIfNeeded(MemoryManager manager) {
        RawDocumentAccess raw = manager.capability(RawDocumentAccess.class).orElse(null);
        if (raw != null && raw.readMeta(MARKER).isPresent()) {
            return false;
        }
        if (manager.count(StoreCollection.MEMORY_ITEMS, DocumentFilter.none()).value() > 0) {
            markSeeded(raw, "existing data found; not seeded");
            return false;
        }
        var seeder = new SampleDataSeeder();
        seeder.generate();
        seeder.write(manager, raw);
        markSeeded(raw, "seeded");
        LOG.info("Seeded sample data: {} memory items, {} agent data, {} session records",
                seeder.items.size() + seeder.foreignItems.size(), seeder.agentData.size()
                        + seeder.foreignAgentData.size(), seeder.sessions.size());
        return true;
    }

    private static void markSeeded(RawDocumentAccess raw, String outcome) {
        if (raw != null) {
            raw.writeMeta(MARKER, new BsonDocument("outcome", new BsonString(outcome))
                    .append("at", new BsonDateTime(System.currentTimeMillis())).append("version", new BsonInt32(1)));
        }
    }

    private void write(MemoryManager manager, RawDocumentAccess raw) {
        if (raw != null) {
            items.forEach(d -> DocumentValidator.validate(StoreCollection.MEMORY_ITEMS, d));
            agentData.forEach(d -> DocumentValidator.validate(StoreCollection.AGENT_DATA, d));
            raw.insertAllUnchecked(StoreCollection.MEMORY_ITEMS, items);
            raw.insertAllUnchecked(StoreCollection.MEMORY_ITEMS, foreignItems);
            raw.insertAllUnchecked(StoreCollection.AGENT_DATA, agentData);
            raw.insertAllUnchecked(StoreCollection.AGENT_DATA, foreignAgentData);
            raw.insertAllUnchecked(StoreCollection.USER_SESSIONS, sessions);
            return;
        }
        items.forEach(d -> manager.insert(StoreCollection.MEMORY_ITEMS, d));
        agentData.forEach(d -> manager.insert(StoreCollection.AGENT_DATA, d));
        sessions.forEach(d -> manager.insert(StoreCollection.USER_SESSIONS, d));
        foreignItems.stream().filter(d -> d.isDateTime("timestamp"))
                .forEach(d -> manager.insert(StoreCollection.MEMORY_ITEMS, d));
        foreignAgentData.forEach(d -> manager.insert(StoreCollection.AGENT_DATA, d));
    }

    // ---- generation -----------------------------------------------------------------------------------------------

    private void generate() {
        List<SessionPlan> plans = List.of(
                plan("alice", 0, 13, true), plan("alice", 3, 9, true), plan("alice", 1, 2, true),
                plan("bob", 1, 12, true), plan("bob", 2, 6, true),
                plan("carol", 2, 11, true), plan("carol", 0, 5, true), plan("carol", 3, 1, true),
                plan("dave", 1, 8, true), plan("dave", 3, 3, false));
        for (int i = 0; i < plans.size(); i++) {
            conversation(plans.get(i), i % 3 == 0 ? 3 : 2);
        }
        // a session record with no items at all
        sessions.add(sessionRecord("dave", sessionId(), "fitness_coach", now.minus(4, ChronoUnit.DAYS),
                now.minus(4, ChronoUnit.DAYS)));
        foreignDocuments(plans.get(3), plans.get(6));
    }

    private SessionPlan plan(String user, int topic, int daysAgo, boolean hasRecord) {
        return new SessionPlan(user, topic, sessionId(), daysAgo, hasRecord);
    }

    private String sessionId() {
        return "sess_" + Long.toHexString(random.nextLong() & 0xffffffffL);
    }

    private void conversation(SessionPlan plan, int rounds) {
        Topic topic = SampleConversations.TOPICS.get(plan.topic());
        Instant start = now.minus(plan.daysAgo(), ChronoUnit.DAYS).minus(random.nextInt(600), ChronoUnit.MINUTES);
        Instant t = start;
        for (int round = 0; round < rounds; round++) {
            t = t.plus(round == 0 ? 0 : 20 + random.nextInt(8), ChronoUnit.HOURS);
            for (int i = 0; i < topic.turns().size(); i++) {
                Turn turn = topic.turns().get(i);
                String prefix = round == 0 ? "" : "(Follow-up, day " + (round + 1) + ") ";
                t = next(t);
                items.add(item(plan, topic, t, "conversation", prefix + turn.user(), role("user")));
                if (i % 2 == 0) {
                    t = next(t);
                    items.add(item(plan, topic, t, "tool", "call " + topic.tool() + "(" + (i + 1) + ")",
                            new BsonDocument("tool_name", new BsonString(topic.tool()))
                                    .append("phase", new BsonString("call"))));
                    t = next(t);
                    items.add(item(plan, topic, t, "tool", topic.tool() + " returned " + (3 + random.nextInt(9))
                            + " results", new BsonDocument("tool_name", new BsonString(topic.tool()))
                            .append("phase", new BsonString("result"))
                            .append("duration_ms", new BsonInt32(80 + random.nextInt(900)))));
                    agentData.add(agentRecord(topic, t, i));
                }
                t = next(t);
                items.add(item(plan, topic, t, "conversation", prefix + turn.assistant(), role("assistant")
                        .append("model", new BsonString("gpt-4o"))
                        .append("tokens", new BsonInt32(40 + random.nextInt(400)))));
            }
        }
        t = next(t);
        items.add(item(plan, topic, t, "note", topic.note(), new BsonDocument("source", new BsonString("agent")))
                .append("embedding", embedding(plan.topic())));
        t = next(t);
        BsonDocument summary = item(plan, topic, t, "summary", topic.summary(),
                new BsonDocument("covers_items", new BsonInt32(items.size())))
                .append("embedding", embedding(plan.topic()));
        if (plan.daysAgo() > 10) {
            summary.put("expiration", new BsonDateTime(now.minus(1, ChronoUnit.DAYS).toEpochMilli()));
        }
        items.add(summary);
        if (plan.hasRecord()) {
            sessions.add(sessionRecord(plan.user(), plan.sessionId(), topic.persona(), start, t));
        }
    }

    private Instant next(Instant t) {
        return t.plusSeconds(20 + random.nextInt(160));
    }

    private static BsonDocument role(String role) {
        return new BsonDocument("role", new BsonString(role));
    }

    private BsonDocument item(SessionPlan plan, Topic topic, Instant time, String type, String text,
                              BsonDocument metadata) {
        return new BsonDocument("_id", new BsonString(UUID.nameUUIDFromBytes(
                (plan.sessionId() + items.size()).getBytes(StandardCharsets.UTF_8)).toString()))
                .append(Fields.USER_ID, new BsonString(plan.user()))
                .append("session_id", new BsonString(plan.sessionId()))
                .append("timestamp", new BsonDateTime(time.toEpochMilli()))
                .append("item_type", new BsonString(type))
                .append("persona_active", new BsonString(topic.persona()))
                .append("text_content", new BsonString(text))
                .append("metadata", metadata);
    }

    private BsonDocument agentRecord(Topic topic, Instant time, int turn) {
        BsonDocument record = new BsonDocument("_id", new BsonString("agent-" + agentData.size() + "-"
                + Long.toHexString(random.nextLong() & 0xffffffL)))
                .append("agent_id", new BsonString(topic.persona() + "_agent"))
                .append("timestamp", new BsonDateTime(time.toEpochMilli()));
        switch (agentData.size() % 3) {
            case 0 -> record.append("data_type", new BsonString("plan")).append("content", new BsonDocument(
                    "goal", new BsonString(topic.title())).append("steps", new BsonArray(List.of(
                    new BsonString("gather context"), new BsonString("call " + topic.tool()),
                    new BsonString("answer")))).append("turn", new BsonInt32(turn)));
            case 1 -> record.append("data_type", new BsonString("tool_output")).append("content",
                    new BsonString(topic.tool() + ": OK, " + (2 + random.nextInt(20)) + " rows in "
                            + (50 + random.nextInt(500)) + " ms"));
            default -> record.append("data_type", new BsonString("search_results")).append("content",
                    new BsonArray(List.of(
                            new BsonDocument("rank", new BsonInt32(1)).append("score", new BsonDouble(0.91)),
                            new BsonDocument("rank", new BsonInt32(2)).append("score", new BsonDouble(0.77)))));
        }
        return record.append("metadata", new BsonDocument("tool", new BsonString(topic.tool())))
                .append("expiration", BsonNull.VALUE);
    }

    private static BsonDocument sessionRecord(String user, String sessionId, String persona, Instant created,
                                              Instant updated) {
        return new BsonDocument("_id", new BsonString(user + ":" + sessionId))
                .append(Fields.USER_ID, new BsonString(user))
                .append("session_id", new BsonString(sessionId))
                .append("created_at", new BsonDateTime(created.toEpochMilli()))
                .append("updated_at", new BsonDateTime(updated.toEpochMilli()))
                .append("persona_active", new BsonString(persona))
                .append("metadata", new BsonDocument("client", new BsonString("web")));
    }

    /** Unit vectors clustered by topic, so that semantic search ranks same-topic items first. */
    private BsonArray embedding(int topic) {
        Random topicBase = new Random(1000L + topic);
        double[] v = new double[EMBEDDING_DIMENSION];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = topicBase.nextGaussian() + 0.35 * random.nextGaussian();
            norm += v[i] * v[i];
        }
        BsonArray array = new BsonArray(new ArrayList<>(v.length));
        for (double d : v) {
            array.add(new BsonDouble(d / Math.sqrt(norm)));
        }
        return array;
    }

    /** Documents as other services write them: ObjectId ids, a string timestamp, unknown fields, a secret. */
    private void foreignDocuments(SessionPlan bobs, SessionPlan carols) {
        foreignItems.add(new BsonDocument("_id", new BsonObjectId(new ObjectId("65f1c0ffee0000000000a001")))
                .append(Fields.USER_ID, new BsonString("bob"))
                .append("session_id", new BsonString(bobs.sessionId()))
                .append("timestamp", new BsonDateTime(now.minus(12, ChronoUnit.DAYS).toEpochMilli()))
                .append("item_type", new BsonString("conversation"))
                .append("persona_active", new BsonString("coding_tutor"))
                .append("text_content", new BsonString("Written by the Python service: what is a record class?"))
                .append("embedding", BsonNull.VALUE)
                .append("metadata", new BsonDocument("role", new BsonString("user"))
                        .append("client", new BsonString("orchestra-py 0.9")))
                .append("expiration", BsonNull.VALUE));
        foreignItems.add(new BsonDocument("_id", new BsonString("legacy-note-0001"))
                .append(Fields.USER_ID, new BsonString("carol"))
                .append("session_id", new BsonString(carols.sessionId()))
                .append("timestamp", new BsonString("2024-03-18T09:12:44Z"))
                .append("item_type", new BsonString("note"))
                .append("text_content", new BsonString("Imported from the old notes service (timestamp kept as text)"))
                .append("metadata", new BsonDocument("source", new BsonString("legacy-importer"))));
        foreignItems.add(new BsonDocument("_id", new BsonString("ext-sentiment-0001"))
                .append(Fields.USER_ID, new BsonString("alice"))
                .append("session_id", BsonNull.VALUE)
                .append("timestamp", new BsonDateTime(now.minus(7, ChronoUnit.DAYS).toEpochMilli()))
                .append("item_type", new BsonString("analysis"))
                .append("text_content", new BsonString("Overall sentiment of the week: positive"))
                .append("metadata", new BsonDocument())
                .append("sentiment_score", new BsonDouble(0.82))
                .append("model_version", new BsonString("sentiment-2024-05")));
        foreignItems.add(new BsonDocument("_id", new BsonString("tool-weather-0001"))
                .append(Fields.USER_ID, new BsonString("carol"))
                .append("session_id", new BsonString(carols.sessionId()))
                .append("timestamp", new BsonDateTime(now.minus(5, ChronoUnit.DAYS).toEpochMilli()))
                .append("item_type", new BsonString("tool"))
                .append("text_content", new BsonString("weather_api: Lisbon 24 °C, sunny"))
                .append("metadata", new BsonDocument("tool_name", new BsonString("weather_api"))
                        .append("api_key", new BsonString("sk-demo-0000-not-a-real-key"))
                        .append("endpoint", new BsonString("https://api.example.com/v1/weather"))));
        foreignAgentData.add(new BsonDocument("_id", new BsonObjectId(new ObjectId("65f1c0ffee0000000000b001")))
                .append("agent_id", new BsonString("billing_agent"))
                .append("data_type", new BsonString("usage_counter"))
                .append("content", new BsonInt64(1_234_567_890_123L))
                .append("metadata", new BsonDocument("unit", new BsonString("tokens"))));
    }
}
