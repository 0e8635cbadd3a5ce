package dev.orchestra.bench;

import dev.orchestra.storage.coherence.CoherenceChecker;
import dev.orchestra.storage.coherence.CoherenceLimits;
import dev.orchestra.storage.coherence.CoherenceReport;
import dev.orchestra.storage.coherence.CoherenceScope;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.inmemory.InMemoryMemoryManager;
import dev.orchestra.storage.mapping.MemoryItemMapper;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.Page;
import dev.orchestra.storage.model.PageCursor;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.mongo.MongoMemoryManager;
import dev.orchestra.storage.redis.RedisCache;
import dev.orchestra.storage.redis.RedisCacheSettings;
import dev.orchestra.storage.testsupport.FaultProxy;
import dev.orchestra.storage.testsupport.RedisTestServer;
import dev.orchestra.storage.tiered.CacheTruth;
import dev.orchestra.storage.tiered.TieredMemoryManager;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.BsonBoolean;
import org.bson.BsonInt32;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonString;

/**
 * The coherence check of N cached sessions (each: a history list of {@code -DitemsPerSession} items, default 3, and a
 * session-record hash, so 2N keys),
 * on mongo-java-server and an embedded redis-server: time, Redis round trips per key, MongoDB reads per key, the
 * MongoDB commands the check sends (counted on the wire by {@link MongoWireTap}; none with {@code -Dsource=map}), and the
 * client heap sampled during the check (peak used heap over the baseline), for each size in {@code -Dsizes}
 * (default 1000,10000). Prints one line per size.
 *
 * <pre>java -Xmx512m -Dsizes=1000,10000 -Dsource=map -cp … dev.orchestra.bench.CoherenceBenchmarkMain</pre>
 */
public final class CoherenceBenchmarkMain {
    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    private static final int ITEMS_PER_SESSION = Integer.getInteger("itemsPerSession", 3);
    /** {@code -Dsource=map}: the truth answered from a map and the keys filled directly, so the figure is the
     *  check's and Redis's own cost; mongo-java-server (the default) scans its whole collection for each read. */
    private static final boolean MAP_SOURCE = "map".equals(System.getProperty("source"));
    /** {@code -Dfill=direct}: with MongoDB as the truth, the keys are written with the cache's own fill calls instead
     *  of a read through the tiered manager per session (each a collection scan on mongo-java-server, minutes at
     *  10,000 sessions); the check itself still reads MongoDB. */
    private static final boolean DIRECT_FILL = "direct".equals(System.getProperty("fill"));

    private CoherenceBenchmarkMain() {
    }

    public static void main(String[] args) {
        String sizes = System.getProperty("sizes", "1000,10000");
        for (String size : sizes.split(",")) {
            run(Integer.parseInt(size.trim()));
        }
        System.exit(0);
    }

    private static void run(int sessions) {
        // the server in a process of its own, so that the heap measured here is the check's, not the data's
        MongoWireTap tap = new MongoWireTap();
        try (ForkedJvm mongo = ForkedJvm.start(List.of("-Xmx1g"), BenchMongoServerMain.class);
             FaultProxy proxy = FaultProxy.start("127.0.0.1", Integer.parseInt(mongo.awaitLine("READY")));
             RedisTestServer redis = RedisTestServer.openEmbedded()) {
            proxy.setTap(tap);
            String uri = proxy.mongoConnectionString();
            RedisCache cache = new RedisCache(new RedisCacheSettings(redis.host(), redis.port(), null, false,
                    redis.keyPrefix(), Duration.ofHours(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
                    Duration.ofSeconds(1)));
            MemoryManager source = MAP_SOURCE ? new InMemoryMemoryManager()
                    : new MongoMemoryManager(uri, "bench_" + sessions, Duration.ofSeconds(30));
            try (TieredMemoryManager tiered = new TieredMemoryManager(source, cache)) {
                tiered.initialize();
                long fillStart = System.nanoTime();
                Data data = generate(sessions);
                CacheTruth truth;
                if (MAP_SOURCE) {
                    data.fillDirectly(cache);
                    truth = data.truth(cache);
                } else {
                    data.insertInto(tiered);
                    if (DIRECT_FILL) {
                        Data.readBack(tiered).fillDirectly(cache);
                    } else {
                        readThrough(tiered, sessions);
                    }
                    truth = CacheTruth.of(tiered).orElseThrow();
                }
                double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
                data = null; // only the source (the map, or MongoDB) holds the data now
                measure(sessions, new CoherenceChecker(truth, CoherenceLimits.DEFAULT
                        .withSampleSize(2 * sessions + 10).withTimeLimit(Duration.ofMinutes(30))), fillSeconds, tap);
            }
        }
    }

    /** A fill of each session's keys by the reads that fill them (the tiered manager's misses). */
    private static void readThrough(TieredMemoryManager tiered, int sessions) {
        for (int s = 0; s < sessions; s++) {
            tiered.getConversationHistory(user(s), session(s), 20, null);
            tiered.findPage(StoreCollection.USER_SESSIONS, DocumentFilter.forSession(user(s), session(s)),
                    PageRequest.first(1));
        }
    }

    private static void measure(int sessions, CoherenceChecker checker, double fillSeconds, MongoWireTap tap) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        long[] peak = {baseline};
        tap.start();
        CoherenceReport report = checker.check(CoherenceScope.sample(), (done, planned) ->
                peak[0] = Math.max(peak[0], memory.getHeapMemoryUsage().getUsed()));
        tap.stop();
        System.gc();
        long after = memory.getHeapMemoryUsage().getUsed();
        System.out.printf(Locale.ROOT, "coherence check (%s), %,d cached sessions (%,d keys): %.2f s (%.0f"
                        + " keys/s), %d Redis round trips = %.4f per key, %,d source reads = %.2f per key, %,d MongoDB"
                        + " round trips = %.4f per key (%s), heap"
                        + " peak +%.1f MiB over %.1f MiB baseline, retained after +%.1f MiB (%s; fill %.1f s)%n",
                MAP_SOURCE ? "source of truth: a map" : "MongoDB = mongo-java-server",
                sessions, report.checked(), report.elapsed().toNanos() / 1e9,
                report.checked() / (report.elapsed().toNanos() / 1e9), report.redisRoundTrips(),
                (double) report.redisRoundTrips() / report.checked(), report.sourceReads(),
                (double) report.sourceReads() / report.checked(), tap.commands(),
                (double) tap.commands() / report.checked(), tap.commandNames(), (peak[0] - baseline) / 1048576.0,
                baseline / 1048576.0, (after - baseline) / 1048576.0, report.summary(), fillSeconds);
    }

    private static String user(int s) {
        return "user" + (s % 500);
    }

    private static String session(int s) {
        return "sess_" + s;
    }

    private static Data generate(int sessions) {
        Data data = new Data();
        for (int s = 0; s < sessions; s++) {
            List<BsonDocument> items = new ArrayList<>();
            for (int i = 0; i < ITEMS_PER_SESSION; i++) {
                items.add(new BsonDocument("_id", new BsonString(session(s) + "-" + i))
                        .append("user_id", new BsonString(user(s))).append("session_id", new BsonString(session(s)))
                        .append("timestamp", new BsonDateTime(T0.plusSeconds(s * 10L + i).toEpochMilli()))
                        .append("item_type", new BsonString("conversation"))
                        .append("text_content", new BsonString("message " + i + " of session " + s))
                        .append("metadata", new BsonDocument("role", new BsonString(i % 2 == 0 ? "user" : "assistant"))));
            }
            data.items.put(session(s), items);
            data.records.put(session(s), new BsonDocument("_id", new BsonString(user(s) + ":" + session(s)))
                    .append("user_id", new BsonString(user(s))).append("session_id", new BsonString(session(s)))
                    .append("created_at", new BsonDateTime(T0.toEpochMilli()))
                    .append("updated_at", new BsonDateTime(T0.toEpochMilli())));
        }
        return data;
    }

    /** The generated sessions: their items (oldest first) and records, by session id. */
    private static final class Data {
        final Map<String, List<BsonDocument>> items = new LinkedHashMap<>();
        final Map<String, BsonDocument> records = new LinkedHashMap<>();

        void insertInto(TieredMemoryManager tiered) {
            List<BsonDocument> batch = new ArrayList<>();
            for (List<BsonDocument> session : items.values()) {
                batch.addAll(session);
                if (batch.size() >= 3000) {
                    tiered.insertAll(StoreCollection.MEMORY_ITEMS, batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                tiered.insertAll(StoreCollection.MEMORY_ITEMS, batch);
            }
            List<BsonDocument> all = new ArrayList<>(records.values());
            for (int from = 0; from < all.size(); from += 1000) {
                tiered.insertAll(StoreCollection.USER_SESSIONS, all.subList(from, Math.min(all.size(), from + 1000)));
            }
        }

        /**
         * The sessions as the store holds them (with the defaults an insert adds), read in pages of 1,000: keys
         * filled from these are fresh.
         */
        static Data readBack(MemoryManager store) {
            Data data = new Data();
            eachRow(store, StoreCollection.MEMORY_ITEMS, row -> data.items.computeIfAbsent(
                    row.getString("session_id").getValue(), k -> new ArrayList<>()).add(0, row)); // oldest first
            eachRow(store, StoreCollection.USER_SESSIONS,
                    row -> data.records.put(row.getString("session_id").getValue(), row));
            return data;
        }

        private static void eachRow(MemoryManager store, StoreCollection collection, Consumer<BsonDocument> action) {
            PageCursor after = null;
            do {
                Page<BsonDocument> page = store.findPage(collection, DocumentFilter.none(),
                        new PageRequest(1000, after));
                page.items().forEach(action);
                after = page.hasMore() ? page.next() : null;
            } while (after != null);
        }

        /** The keys a fill would write, written with the cache's own fill calls (no source reads). */
        void fillDirectly(RedisCache cache) {
            items.forEach((session, documents) -> {
                String user = documents.get(0).getString("user_id").getValue();
                List<BsonDocument> elements = documents.stream().map(MemoryItemMapper::fromDocument)
                        .map(MemoryItemMapper::toDocument).toList();
                cache.fillList(cache.startFill(cache.keys().history(user, session)),
                        new BsonDocument("complete", BsonBoolean.TRUE).append("count", new BsonInt32(elements.size())),
                        elements);
                cache.fillDocumentHash(cache.startFill(cache.keys().session(user, session)), records.get(session),
                        Map.of("user_id", user, "session_id", session));
            });
        }

        /** The source of truth as a map: one lookup per key, so the figure is the check's own cost. */
        CacheTruth truth(RedisCache cache) {
            Map<String, List<MemoryItem>> histories = new HashMap<>();
            items.forEach((session, documents) -> histories.put(session,
                    documents.stream().map(MemoryItemMapper::fromDocument).toList()));
            Map<String, BsonDocument> sessionRecords = new HashMap<>(records);
            return new CacheTruth() {
                @Override
                public RedisCache redisCache() {
                    return cache;
                }

                @Override
                public int cachedItemsPerKey() {
                    return TieredMemoryManager.DEFAULT_CACHED_ITEMS;
                }

                @Override
                public List<MemoryItem> historyFromSource(String userId, String sessionId) {
                    return histories.getOrDefault(sessionId, List.of());
                }

                @Override
                public Optional<BsonDocument> sessionFromSource(String userId, String sessionId) {
                    return Optional.ofNullable(sessionRecords.get(sessionId));
                }
            };
        }
    }
}
