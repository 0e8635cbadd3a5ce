package dev.orchestra.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.orchestra.storage.generator.DataGenerator;
import dev.orchestra.storage.mongo.MongoMemoryManager;
import dev.orchestra.storage.redis.RedisCache;
import dev.orchestra.storage.testsupport.redis.RedisFixture;
import dev.orchestra.storage.testsupport.redis.RedisFixture.Shape;
import dev.orchestra.storage.testsupport.redis.RedisProcess;
import dev.orchestra.storage.tiered.TieredMemoryManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.awaitility.Awaitility;

/**
 * Cache figures per Redis deployment shape, in one run on one data set: history hit vs miss through the tiered
 * manager on one node, through Sentinel (1 master, 1 replica, 3 sentinels) and on a 3-master cluster; the Redis
 * round trips and time of a session delete's invalidation (and of a delete-by-user's prefix scan); and the Sentinel
 * failover time from a master kill to the first cache hit on the promoted master. Prints a Markdown table and writes
 * it to {@code bench.redis.out} (default {@code target/bench-redis.md}).
 *
 * <p>Run: {@code mvn -B -q -Pbench verify -Dbench.skipCore=true -Dbench.skipGui=true} (the {@code bench-redis}
 * execution); {@code -Dbench.redis.items=N}, {@code -Dbench.redis.probes=N}, {@code -Dbench.redis.failovers=N}.
 */
public final class RedisShapesBenchmarkMain {
    private final List<String> rows = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        new RedisShapesBenchmarkMain().run();
    }

    private void run() throws Exception {
        int items = Integer.getInteger("bench.redis.items", 10_000);
        int probes = Integer.getInteger("bench.redis.probes", 60);
        int failovers = Integer.getInteger("bench.redis.failovers", 3);
        String version = new String(new ProcessBuilder("redis-server", "--version").start().getInputStream()
                .readAllBytes()).trim();
        String machine = Machine.describe() + "; load average " + Machine.loadAverage();
        try (ForkedJvm server = ForkedJvm.start(List.of("-Xmx1g", "-Xms1g"), BenchMongoServerMain.class)) {
            String uri = "mongodb://127.0.0.1:" + server.awaitLine("READY");
            try (MongoClient client = MongoClients.create(uri)) {
                try (MongoMemoryManager manager = new MongoMemoryManager(uri, "bench_redis", Duration.ofSeconds(60))) {
                    manager.initialize();
                }
                new DataGenerator(BenchmarkMain.rawInsertMany(client.getDatabase("bench_redis")), items)
                        .generate(items);
            }
            List<RedisFixture> fixtures = new ArrayList<>();
            try {
                for (Shape shape : Shape.values()) {
                    fixtures.add(RedisFixture.start(shape));
                }
                measure(fixtures, uri, items, probes);
                failover(fixtures.get(Shape.SENTINEL.ordinal()), uri, items, failovers);
            } finally {
                fixtures.forEach(RedisFixture::close);
            }
        }
        String table = "| shape | what | figure |\n|---|---|---|\n" + String.join("\n", rows) + "\n";
        String report = "Redis deployments — " + version + "; MongoDB: " + BenchmarkMain.MONGO + ", " + items
                + " items; " + machine + "\n\n" + table;
        System.out.println(report);
        Path out = Path.of(System.getProperty("bench.redis.out", "target/bench-redis.md"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
        System.out.println("Wrote " + out.toAbsolutePath());
    }

    /**
     * The shapes take turns probe by probe (one miss and one hit each), so that the load of this shared machine
     * falls on all of them alike and their ratios compare within one run.
     */
    private void measure(List<RedisFixture> fixtures, String uri, int items, int probes) {
        List<TieredMemoryManager> managers = new ArrayList<>();
        try {
            List<CacheBenchmark> benchmarks = new ArrayList<>();
            for (RedisFixture redis : fixtures) {
                TieredMemoryManager tiered = new TieredMemoryManager(
                        new MongoMemoryManager(uri, "bench_redis", Duration.ofSeconds(30)),
                        new RedisCache(redis.settings("bench", Duration.ofHours(1))));
                managers.add(tiered);
                benchmarks.add(new CacheBenchmark(tiered, redis.client(), items));
            }
            List<Samples> misses = new ArrayList<>();
            List<Samples> hits = new ArrayList<>();
            for (int i = 0; i < fixtures.size(); i++) {
                benchmarks.get(i).run(10, 0); // warm-up: connections, JIT
                misses.add(new Samples());
                hits.add(new Samples());
            }
            for (int p = 0; p < probes; p++) {
                for (int i = 0; i < fixtures.size(); i++) {
                    benchmarks.get(i).probe(p, probes, misses.get(i), hits.get(i));
                }
            }
            for (int i = 0; i < fixtures.size(); i++) {
                RedisCache cache = managers.get(i).cache().orElseThrow();
                CacheBenchmark.Figures f = benchmarks.get(i).replay(misses.get(i), hits.get(i), 600);
                String name = cache.deployment().shape();
                row(name, "history miss vs hit, median (p95) of " + f.hit().count(), String.format(Locale.ROOT,
                        "%.2f ms (%.2f) vs %.3f ms (%.3f)", f.miss().medianMs(), f.miss().percentileMs(95),
                        f.hit().medianMs(), f.hit().percentileMs(95)));
                row(name, "hit speed-up over miss (target ≥ 5×)", String.format(Locale.ROOT, "%.1f×",
                        f.speedup()));
                row(name, "hit ratio, replay 600 ops (Zipf, 1 write in 10)",
                        String.format(Locale.ROOT, "%.1f%%", f.hitRatio() * 100));
                invalidation(name, fixtures.get(i), cache, probes);
            }
        } finally {
            managers.forEach(TieredMemoryManager::close);
        }
    }

    /** A session delete invalidates history(u,s), history(u) and session(u,s); a delete by user scans by prefix. */
    private void invalidation(String name, RedisFixture redis, RedisCache cache, int rounds) {
        Samples sessionDelete = new Samples();
        Samples userDelete = new Samples();
        long sessionCommands = 0;
        long userCommands = 0;
        for (int r = 0; r < rounds; r++) {
            String user = "bench-user-" + r;
            List<String> keys = List.of(cache.keys().history(user, "s"), cache.keys().history(user, null),
                    cache.keys().session(user, "s"));
            keys.forEach(k -> redis.client().set(k, "x"));
            long before = RedisCommands.total(redis);
            sessionDelete.time(() -> {
                cache.invalidate(keys);
                return null;
            });
            sessionCommands += RedisCommands.total(redis) - before;
            redis.client().set(cache.keys().history(user, "s2"), "x");
            before = RedisCommands.total(redis);
            userDelete.time(() -> {
                cache.invalidateStartingWith(cache.keys().userSessionHistoryPrefix(user));
                return null;
            });
            userCommands += RedisCommands.total(redis) - before;
        }
        row(name, "session delete invalidation (3 keys): Redis commands, time median (p95)", String.format(
                Locale.ROOT, "%.1f round trips, %.3f ms (%.3f)", (double) sessionCommands / rounds,
                sessionDelete.medianMs(), sessionDelete.percentileMs(95)));
        row(name, "delete-by-user invalidation (SCAN per master + DEL): Redis commands, time median (p95)",
                String.format(Locale.ROOT, "%.1f round trips, %.3f ms (%.3f)", (double) userCommands / rounds,
                        userDelete.medianMs(), userDelete.percentileMs(95)));
    }

    /** Kill the master while a reader loops over a hot history; time to the first hit on the promoted master. */
    private void failover(RedisFixture redis, String uri, int items, int rounds) throws Exception {
        Samples elected = new Samples();
        Samples firstHit = new Samples();
        try (TieredMemoryManager tiered = new TieredMemoryManager(
                new MongoMemoryManager(uri, "bench_redis", Duration.ofSeconds(30)),
                new RedisCache(redis.settings("failover", Duration.ofHours(1))))) {
            RedisCache cache = tiered.cache().orElseThrow();
            String user = DataGenerator.userOf(0);
            String session = DataGenerator.sessionId(items, 0);
            for (int round = 0; round < rounds; round++) {
                tiered.getConversationHistory(user, session, 20, null);
                RedisProcess master = redis.sentinelMaster();
                long killed = System.nanoTime();
                master.kill();
                long hits = cache.statistics().hits();
                boolean electedSeen = false;
                long deadline = killed + Duration.ofSeconds(60).toNanos();
                while (cache.statistics().hits() == hits && System.nanoTime() < deadline) {
                    tiered.getConversationHistory(user, session, 20, null);
                    if (!electedSeen && !cache.deployment().nodeOf("x").equals(master.address())) {
                        electedSeen = true;
                        elected.add(System.nanoTime() - killed);
                    }
                }
                firstHit.add(System.nanoTime() - killed);
                master.start();
                // back as a replica, in sync, and known to the sentinels before the next kill
                Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                        master.onThis(j -> j.info("replication")).contains("master_link_status:up")
                        && redis.sentinels().stream().allMatch(s -> s.onThis(j -> j.sentinelReplicas(
                                RedisFixture.MASTER_NAME)).stream().noneMatch(r -> r.get("flags").contains("down")
                                || r.get("flags").contains("disconnected"))));
            }
        }
        row("sentinel", "failover: master kill → client on promoted master, median of " + elected.count(),
                String.format(Locale.ROOT, "%.0f ms", elected.medianMs()));
        row("sentinel", "failover: master kill → first cache hit on promoted master, median (max) of "
                + firstHit.count(), String.format(Locale.ROOT, "%.0f ms (%.0f)", firstHit.medianMs(),
                firstHit.percentileMs(100)));
    }

    private void row(String shape, String what, String figure) {
        rows.add("| " + shape + " | " + what + " | " + figure + " |");
        System.out.println(shape + " · " + what + " · " + figure);
    }
}
