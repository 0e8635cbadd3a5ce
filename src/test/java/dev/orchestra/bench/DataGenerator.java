package dev.orchestra.bench;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.StoreCollection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.bson.BsonDocument;

/**
 * Fills a database with Orchestra-shaped data through the real driver: {@code items} memory items (users with
 * multi-turn sessions of user/assistant/tool messages, about 5% carrying a 1,536-dimension embedding), one agent
 * data document per ten items and one {@code user_sessions} record per session. Deterministic for a seed, written
 * with unordered {@code insertMany} batches so the figure measures bulk-write throughput, not round trips.
 */
public final class DataGenerator {
    public static final int BATCH = 1000;
    /** Items per session on average: long enough for real history, short enough for many sessions. */
    static final int ITEMS_PER_SESSION = 40;

    private final MongoDatabase database;
    private final SampleDocuments samples;

    public DataGenerator(MongoDatabase database, long seed) {
        this.database = database;
        this.samples = new SampleDocuments(new SplittableRandom(seed), SampleDocuments.START);
    }

    /** What was written and how long it took. */
    public record Report(long items, long agentData, long sessions, long embeddings, Duration elapsed) {
        public long documents() {
            return items + agentData + sessions;
        }

        public double documentsPerSecond() {
            return documents() / Math.max(1e-9, elapsed.toNanos() / 1e9);
        }
    }

    public Report generate(int items) {
        long started = System.nanoTime();
        int sessions = sessionsFor(items);
        int users = usersFor(items);
        MongoCollection<BsonDocument> memory = collection(StoreCollection.MEMORY_ITEMS);
        MongoCollection<BsonDocument> agents = collection(StoreCollection.AGENT_DATA);
        MongoCollection<BsonDocument> sessionRecords = collection(StoreCollection.USER_SESSIONS);
        Batch itemBatch = new Batch(memory);
        Batch agentBatch = new Batch(agents);
        long embeddings = 0;
        long agentDocs = 0;
        for (int i = 0; i < items; i++) {
            int session = (int) ((long) i * sessions / items);
            BsonDocument item = samples.memoryItem(i, items, userOf(session, users), sessionId(session));
            embeddings += item.containsKey("embedding") ? 1 : 0;
            itemBatch.add(item);
            if (i % 10 == 0) {
                agentBatch.add(samples.agentData(i, items));
                agentDocs++;
            }
        }
        itemBatch.flush();
        agentBatch.flush();
        Batch sessionBatch = new Batch(sessionRecords);
        for (int s = 0; s < sessions; s++) {
            sessionBatch.add(samples.session(s, sessions, userOf(s, users), sessionId(s)));
        }
        sessionBatch.flush();
        return new Report(items, agentDocs, sessions, embeddings, Duration.ofNanos(System.nanoTime() - started));
    }

    public static int sessionsFor(int items) {
        return Math.max(1, items / ITEMS_PER_SESSION);
    }

    public static int usersFor(int items) {
        return Math.max(5, sessionsFor(items) / 20);
    }

    /** The generated memory items' time range that holds about {@code wanted} of {@code items}. */
    public static DocumentFilter sliceOf(int items, int wanted) {
        long span = SampleDocuments.SPAN.toMillis() * Math.min(items, wanted) / items;
        Instant from = SampleDocuments.START;
        return DocumentFilter.none().withTimeRange(from, from.plusMillis(span));
    }

    public static String userOf(int session, int users) {
        return "user-" + (session % users);
    }

    public static String sessionId(int session) {
        return "session-" + session;
    }

    private MongoCollection<BsonDocument> collection(StoreCollection c) {
        return database.getCollection(c.collectionName(), BsonDocument.class);
    }

    /** Collects documents and writes them with one insertMany round trip per {@link #BATCH}. */
    private static final class Batch {
        private final MongoCollection<BsonDocument> target;
        private final List<BsonDocument> pending = new ArrayList<>(BATCH);

        Batch(MongoCollection<BsonDocument> target) {
            this.target = target;
        }

        void add(BsonDocument document) {
            pending.add(document);
            if (pending.size() == BATCH) {
                flush();
            }
        }

        void flush() {
            if (!pending.isEmpty()) {
                target.insertMany(pending, new InsertManyOptions().ordered(false));
                pending.clear();
            }
        }
    }

    /** A fresh id as Orchestra's services write it (a UUID string). */
    static String newId(SplittableRandom random) {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
