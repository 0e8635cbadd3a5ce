package dev.orchestra.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import dev.orchestra.storage.generator.DataGenerator;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.mongo.MongoMemoryManager;
import dev.orchestra.storage.redis.RedisCache;
import dev.orchestra.storage.redis.RedisCacheSettings;
import dev.orchestra.storage.testsupport.FaultProxy;
import dev.orchestra.storage.testsupport.RedisTestServer;
import dev.orchestra.storage.tiered.TieredMemoryManager;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;

/**
 * The benchmark command ({@code mvn -B -q -Pbench verify}): starts mongo-java-server in a JVM of its own and a real
 * redis-server, generates data, measures, prints a table and writes BENCHMARKS.md.
 *
 * <p>System properties: {@code bench.sizes} (comma-separated item counts, ascending; the memory probe runs at each,
 * everything else at the largest), {@code bench.rounds} (timed page loads per variant), {@code bench.out}
 * (the report file), {@code bench.serverHeap}, {@code bench.probeJvmOptions}.
 */
public final class BenchmarkMain {
    static final String MONGO = "mongo-java-server 1.47.0 memory backend (separate JVM)";
    static final String REDIS = "redis-server 6.2 (embedded-redis binary)";
    static final String CLIENT = "client JVM only";

    private final List<Result> results = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        new BenchmarkMain().run();
    }

    /** The command that reproduces this run: the profile plus every setting that differs from its default. */
    private static String command() {
        StringBuilder command = new StringBuilder("mvn -B -q -Pbench verify");
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("bench.sizes", "10000,50000");
        defaults.put("bench.rounds", "15");
        defaults.put("bench.serverHeap", "4g");
        defaults.put("bench.probeJvmOptions", "");
        defaults.put("bench.out", "BENCHMARKS.md");
        if (!"BENCHMARKS.md".equals(Path.of(System.getProperty("bench.out", "BENCHMARKS.md")).getFileName().toString())) {
            command.append(" -Dbench.skipGui=true");
        }
        defaults.forEach((key, fallback) -> {
            String value = System.getProperty(key, fallback).trim();
            String shown = "bench.out".equals(key) ? Path.of(value).getFileName().toString() : value;
            if (!shown.equals(fallback)) {
                command.append(" -D").append(key).append('=').append(shown);
            }
        });
        return command.toString();
    }

    private void run() throws Exception {
        long started = System.nanoTime();
        int[] sizes = Arrays.stream(System.getProperty("bench.sizes", "10000,50000").split(","))
                .map(String::trim).mapToInt(Integer::parseInt).sorted().toArray();
        int rounds = Integer.getInteger("bench.rounds", 15);
        Path out = Path.of(System.getProperty("bench.out", "BENCHMARKS.md"));
        String command = command();
        String loadBefore = Machine.loadAverage();
        String machineBefore = Machine.describe(); // before the servers start: the calibration needs an idle core
        System.out.println("Machine: " + machineBefore + "; load average " + loadBefore);
        int largest = sizes[sizes.length - 1];
        String serverHeap = System.getProperty("bench.serverHeap", "4g");
        // The whole heap up front: a server heap that grows (and collects to grow) mid-run moved bulk rounds ±50%.
        try (ForkedJvm server = ForkedJvm.start(List.of("-Xmx" + serverHeap, "-Xms" + serverHeap),
                BenchMongoServerMain.class)) {
            String uri = "mongodb://127.0.0.1:" + server.awaitLine("READY");
            try (MongoClient client = MongoClients.create(uri)) {
                for (int size : sizes) {
                    generate(client, uri, size);
                    probeMemory(uri, size);
                }
                measureAtScale(client, uri, largest, rounds);
            }
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        String machine = machineBefore + "; load average (1/5/15 min) " + loadBefore + " at the start, "
                + Machine.loadAverage() + " at the end (the machine is shared: figures are noisy)";
        System.out.println();
        System.out.println(ReportWriter.table(results));
        String dataset = "sizes " + Arrays.toString(sizes) + " memory items (+10% agent data, 1 session record per 40 "
                + "items, 5% of items with a 1,536-dim embedding); page-level figures at " + largest + " items";
        ReportWriter.write(out, results, command, machine, dataset, seconds);
        System.out.println("Wrote " + out.toAbsolutePath() + " (" + seconds + " s)");
    }

    private static String db(int size) {
        return "bench_" + size;
    }

    private void generate(MongoClient client, String uri, int size) {
        try (MongoMemoryManager manager = new MongoMemoryManager(uri, db(size), Duration.ofSeconds(60))) {
            manager.initialize(); // indexes first, as the app creates them at start-up
        }
        MongoDatabase database = client.getDatabase(db(size));
        DataGenerator.Report report = new DataGenerator(rawInsertMany(database), size).generate(size);
        System.out.printf("Generated %,d documents (%,d items, %,d embeddings) in %.1f s%n", report.documents(),
                report.items(), report.embeddings(), report.elapsed().toMillis() / 1000.0);
        results.add(Result.info("generate", String.format("%,d items: insertMany (batches of %d), raw driver", size,
                DataGenerator.BATCH), String.format("%,.0f docs/s", report.documentsPerSecond()), MONGO));
    }

    /** The generator's batches as unordered {@code insertMany}: the raw driver's bulk-write throughput. */
    static DataGenerator.BatchWriter rawInsertMany(MongoDatabase database) {
        return (collection, batch) -> database.getCollection(collection.collectionName(), BsonDocument.class)
                .insertMany(batch, new InsertManyOptions().ordered(false));
    }

    private void probeMemory(String uri, int size) {
        List<String> options = new ArrayList<>();
        String configured = System.getProperty("bench.probeJvmOptions", "").trim();
        if (!configured.isEmpty()) {
            options.addAll(List.of(configured.split("\\s+")));
        }
        int pageSize = 1000;
        try (ForkedJvm probe = ForkedJvm.start(options, PagingMemoryProbe.class, uri, db(size),
                Integer.toString(pageSize))) {
            ProbeLine line = ProbeLine.parse(probe.awaitLine("RESULT"));
            String jvm = options.isEmpty() ? "JVM defaults, max heap " + line.get("maxHeap") + " MiB"
                    : String.join(" ", options);
            String server = MONGO + "; " + CLIENT + " (" + jvm + ")";
            long rssPaging = line.get("rssPaging");
            long rssExport = line.get("rssExport");
            results.add(Result.checked("memory", String.format("%,d items: page through all (%,d pages of %d), "
                            + "peak RSS / heap", size, line.get("pages"), pageSize),
                    rssPaging + " MiB / " + line.get("heapPaging") + " MiB (" + line.get("pagingMs") / 1000.0 + " s)",
                    "≤ 512 MiB RSS", rssPaging <= 512, server));
            results.add(Result.checked("memory", String.format("%,d items: then export all to JSONL (%,d MB), peak "
                            + "RSS / heap", size, line.get("exportBytes") / 1_000_000),
                    rssExport + " MiB / " + line.get("heapExport") + " MiB (" + line.get("exportMs") / 1000.0 + " s)",
                    "≤ 512 MiB RSS", rssExport <= 512, server));
        }
    }

    private void measureAtScale(MongoClient client, String uri, int size, int rounds) throws Exception {
        MongoCollection<BsonDocument> raw = client.getDatabase(db(size))
                .getCollection(StoreCollection.MEMORY_ITEMS.collectionName(), BsonDocument.class);
        try (MongoMemoryManager library = new MongoMemoryManager(uri, db(size), Duration.ofSeconds(30))) {
            Figures.pageLoad(results, size, new PageLoadBenchmark(library, raw, rounds).run());
        }
        MongoWireTap tap = new MongoWireTap();
        String port = uri.substring(uri.lastIndexOf(':') + 1);
        try (FaultProxy proxy = FaultProxy.start("127.0.0.1", Integer.parseInt(port))) {
            proxy.setTap(tap);
            try (MongoMemoryManager library = new MongoMemoryManager(proxy.mongoConnectionString(), db(size),
                    Duration.ofSeconds(30));
                 MongoClient rawClient = MongoClients.create(proxy.mongoConnectionString())) {
                MongoCollection<BsonDocument> rawViaProxy = rawClient.getDatabase(db(size))
                        .getCollection(StoreCollection.MEMORY_ITEMS.collectionName(), BsonDocument.class);
                Figures.wire(results, size, new WireBenchmark(library, rawViaProxy, raw, tap).run());
            }
        }
        try (RedisTestServer redis = RedisTestServer.openEmbedded();
             TieredMemoryManager tiered = new TieredMemoryManager(
                     new MongoMemoryManager(uri, db(size), Duration.ofSeconds(30)),
                     new RedisCache(new RedisCacheSettings(redis.host(), redis.port(), null, false, redis.keyPrefix(),
                             Duration.ofHours(1), Duration.ofMillis(500), Duration.ofSeconds(1),
                             Duration.ofSeconds(1))))) {
            CacheBenchmark.Figures cache = new CacheBenchmark(tiered, redis.client(), size).run(30, 600);
            Figures.cache(results, size, cache);
        }
        SimilarItemsBenchmark.run(client, uri, results);
        String importDb = db(size) + "_import";
        try (MongoMemoryManager source = new MongoMemoryManager(uri, db(size), Duration.ofSeconds(60));
             MongoMemoryManager target = new MongoMemoryManager(uri, importDb, Duration.ofSeconds(60))) {
            target.initialize();
            int slice = Math.min(size, 20_000);
            BulkBenchmark.Figures bulk = new BulkBenchmark().run(source, target,
                    client.getDatabase(importDb + "_reference"), DataGenerator.sliceOf(size, slice), 500);
            Figures.bulk(results, bulk);
        }
    }
}
