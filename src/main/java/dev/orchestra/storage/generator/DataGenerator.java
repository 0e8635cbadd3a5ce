package dev.orchestra.storage.generator;

import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.StoreCollection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.bson.BsonDocument;

/**
 * Makes up Orchestra-shaped data: {@code items} memory items (users with multi-turn sessions of user/assistant/tool
 * messages, about 5% carrying a 1,536-dimension embedding), one agent data document per ten items and one
 * {@code user_sessions} record per session, handed to a {@link BatchWriter} {@value #BATCH} at a time (the CLI's
 * {@code generate} writes them through the safe import path, the benchmarks with raw {@code insertMany}).
 * Deterministic for a seed: the same seed makes the same documents. Ids, sessions and users depend only on the seed
 * and a document's index, never on {@code items}, so a rerun with another count replaces the documents both runs
 * share instead of clashing with them (session records are unique per user and session id).
 */
public final class DataGenerator {
    public static final int BATCH = 1000;
    /** Every made-up id says so (users, sessions, agents, document ids), so generated data never mixes with real. */
    static final String PREFIX = "generated-";
    /** Items per session on average: long enough for real history, short enough for many sessions. */
    static final int ITEMS_PER_SESSION = 40;
    /** Sessions per made-up user: a few users with several chats each, whatever the item count. */
    static final int SESSIONS_PER_USER = 5;

    /** Where the batches go; it must not keep the list it is given. */
    @FunctionalInterface
    public interface BatchWriter {
        void write(StoreCollection collection, List<BsonDocument> batch);
    }

    private final BatchWriter writer;
    private final long seed;
    private final SampleDocuments samples;

    public DataGenerator(BatchWriter writer, long seed) {
        this.writer = writer;
        this.seed = seed;
        this.samples = new SampleDocuments(new SplittableRandom(seed), seed, SampleDocuments.START);
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
        Batch itemBatch = new Batch(StoreCollection.MEMORY_ITEMS);
        Batch agentBatch = new Batch(StoreCollection.AGENT_DATA);
        long embeddings = 0;
        long agentDocs = 0;
        for (int i = 0; i < items; i++) {
            int session = Math.min(i / ITEMS_PER_SESSION, sessions - 1);
            BsonDocument item = samples.memoryItem(i, items, userOf(session), sessionId(seed, session));
            embeddings += item.containsKey("embedding") ? 1 : 0;
            itemBatch.add(item);
            if (i % 10 == 0) {
                agentBatch.add(samples.agentData(i, items));
                agentDocs++;
            }
        }
        itemBatch.flush();
        agentBatch.flush();
        Batch sessionBatch = new Batch(StoreCollection.USER_SESSIONS);
        for (int s = 0; s < sessions; s++) {
            sessionBatch.add(samples.session(s, sessions, userOf(s), sessionId(seed, s)));
        }
        sessionBatch.flush();
        return new Report(items, agentDocs, sessions, embeddings, Duration.ofNanos(System.nanoTime() - started));
    }

    public static int sessionsFor(int items) {
        return Math.max(1, items / ITEMS_PER_SESSION);
    }

    /** The generated memory items' time range that holds about {@code wanted} of {@code items}. */
    public static DocumentFilter sliceOf(int items, int wanted) {
        long span = SampleDocuments.SPAN.toMillis() * Math.min(items, wanted) / items;
        Instant from = SampleDocuments.START;
        return DocumentFilter.none().withTimeRange(from, from.plusMillis(span));
    }

    /** Generated user ids say so, so that made-up messages never join a real user's or session's history. */
    public static String userOf(int session) {
        return PREFIX + "user-" + session / SESSIONS_PER_USER;
    }

    /** Session ids carry the seed: another seed makes other sessions (session ids are unique per user). */
    public static String sessionId(long seed, int session) {
        return PREFIX + seed + "-session-" + session;
    }

    /** Collects documents and hands them to the writer {@link #BATCH} at a time. */
    private final class Batch {
        private final StoreCollection target;
        private final List<BsonDocument> pending = new ArrayList<>(BATCH);

        Batch(StoreCollection target) {
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
                writer.write(target, List.copyOf(pending));
                pending.clear();
            }
        }
    }

    /** An id as Orchestra's services write it (a UUID string), fixed by the seed, the kind and the index. */
    static String idOf(long seed, String kind, int index) {
        return UUID.nameUUIDFromBytes((PREFIX + seed + "-" + kind + "-" + index)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
