package dev.orchestra.bench;

import dev.orchestra.storage.generator.DataGenerator;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.redis.RedisCache;
import dev.orchestra.storage.tiered.TieredMemoryManager;
import java.util.List;
import java.util.SplittableRandom;
import redis.clients.jedis.UnifiedJedis;

/**
 * Conversation history through {@link TieredMemoryManager}: the latency of a miss (key deleted first, so MongoDB is
 * read and the key filled) against a hit (the same call again), and the hit ratio on a replayed workload where a
 * few sessions are hot (Zipf-like) and one call in ten adds a message (which invalidates that session's key).
 */
final class CacheBenchmark {
    static final int HISTORY_LIMIT = 20;

    private final TieredMemoryManager tiered;
    private final RedisCache cache;
    private final UnifiedJedis redis;
    private final int items;

    CacheBenchmark(TieredMemoryManager tiered, UnifiedJedis redis, int items) {
        this.tiered = tiered;
        this.cache = tiered.cache().orElseThrow();
        this.redis = redis;
        this.items = items;
    }

    record Figures(Samples miss, Samples hit, long replayReads, long replayWrites, double hitRatio) {
        double speedup() {
            return miss.medianMs() / hit.medianMs();
        }
    }

    /** The data was generated with the item count as its seed (as {@code BenchmarkMain} does). */
    Figures run(int probes, int replayOperations) {
        Samples miss = new Samples();
        Samples hit = new Samples();
        for (int p = 0; p < probes; p++) {
            probe(p, probes, miss, hit);
        }
        return replay(miss, hit, DataGenerator.sessionsFor(items), replayOperations);
    }

    /** Probe {@code p} of {@code probes}: one session's history read after deleting its key (miss), then again. */
    void probe(int p, int probes, Samples miss, Samples hit) {
        int sessions = DataGenerator.sessionsFor(items);
        int session = (int) ((long) p * sessions / probes);
        String user = DataGenerator.userOf(session);
        String sessionId = DataGenerator.sessionId(items, session);
        redis.del(cache.keys().historyForReading(user, sessionId).orElseThrow());
        List<MemoryItem> fromMongo = miss.time(() -> history(user, sessionId));
        List<MemoryItem> fromRedis = hit.time(() -> history(user, sessionId));
        if (fromMongo.isEmpty() || !fromMongo.equals(fromRedis)) {
            throw new IllegalStateException("The cached history differs from MongoDB's for " + sessionId);
        }
    }

    /** The replay alone, after probes measured elsewhere. */
    Figures replay(Samples miss, Samples hit, int operations) {
        return replay(miss, hit, DataGenerator.sessionsFor(items), operations);
    }

    private Figures replay(Samples miss, Samples hit, int sessions, int operations) {
        SplittableRandom random = new SplittableRandom(42);
        int hotSet = Math.min(sessions, 300);
        long hitsBefore = cache.statistics().hits();
        long missesBefore = cache.statistics().misses();
        long reads = 0;
        long writes = 0;
        for (int op = 0; op < operations; op++) {
            int session = zipf(random, hotSet) * (sessions / hotSet);
            String user = DataGenerator.userOf(session);
            String sessionId = DataGenerator.sessionId(items, session);
            if (random.nextInt(10) == 0) {
                tiered.addMemoryItem(MemoryItem.of(user, sessionId, MemoryItem.CONVERSATION, "replayed message " + op));
                writes++;
            } else {
                history(user, sessionId);
                reads++;
            }
        }
        long hits = cache.statistics().hits() - hitsBefore;
        long misses = cache.statistics().misses() - missesBefore;
        return new Figures(miss, hit, reads, writes, (double) hits / Math.max(1, hits + misses));
    }

    private List<MemoryItem> history(String user, String sessionId) {
        return tiered.getConversationHistory(user, sessionId, HISTORY_LIMIT, null);
    }

    /** Rank 0 is the most likely: P(rank k) ~ 1/(k+1), by inverse transform on the harmonic weights. */
    private static int zipf(SplittableRandom random, int n) {
        double total = 0;
        for (int k = 1; k <= n; k++) {
            total += 1.0 / k;
        }
        double target = random.nextDouble() * total;
        double sum = 0;
        for (int k = 1; k <= n; k++) {
            sum += 1.0 / k;
            if (sum >= target) {
                return k - 1;
            }
        }
        return n - 1;
    }
}
