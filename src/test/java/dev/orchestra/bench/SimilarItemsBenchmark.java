package dev.orchestra.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.testsupport.FaultProxy;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import org.bson.Document;

/**
 * Similar items at the scale: one user with 50,000 memory items of which 5,000 have a 1,536-dimension
 * embedding (plus 200 of another model's 768 dimensions, to be skipped). A forked client
 * ({@link SimilarItemsProbe}) runs the library's semantic search through a {@link FaultProxy} whose
 * {@link MongoWireTap} counts the bytes the server sends back; the client reports time and peak memory. Its heap
 * is capped ({@code -Dbench.similar.heap}, 128m): the search keeps only the best ten, so a small heap must do.
 *
 * <p>Part of {@link BenchmarkMain}; alone: {@code java -cp <test classpath> dev.orchestra.bench.SimilarItemsBenchmark}.
 */
final class SimilarItemsBenchmark {
    static final String USER = "recall-user";
    static final int ITEMS = 50_000;
    static final int EMBEDDED = 5_000;
    static final int OTHER_MODEL = 200;
    static final int DIMENSION = 1_536;
    static final int ROUNDS = 5;
    private static final String DATABASE = "bench_similar";

    private SimilarItemsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (ForkedJvm server = ForkedJvm.start(List.of("-Xmx3g", "-Xms3g"), BenchMongoServerMain.class)) {
            String uri = "mongodb://127.0.0.1:" + server.awaitLine("READY");
            List<Result> results = new ArrayList<>();
            try (MongoClient client = MongoClients.create(uri)) {
                run(client, uri, results);
            }
            System.out.println(ReportWriter.table(results));
        }
    }

    static void run(MongoClient client, String uri, List<Result> results) {
        long started = System.nanoTime();
        generate(client.getDatabase(DATABASE).getCollection(StoreCollection.MEMORY_ITEMS.collectionName()));
        System.out.printf("Generated %,d items (%,d with %,d-dim embeddings) in %.1f s%n", ITEMS, EMBEDDED,
                DIMENSION, (System.nanoTime() - started) / 1e9);
        MongoWireTap tap = new MongoWireTap();
        String port = uri.substring(uri.lastIndexOf(':') + 1);
        try (FaultProxy proxy = FaultProxy.start("127.0.0.1", Integer.parseInt(port))) {
            proxy.setTap(tap);
            String heap = System.getProperty("bench.similar.heap", "128m");
            try (ForkedJvm probe = ForkedJvm.start(List.of("-Xmx" + heap), SimilarItemsProbe.class,
                    proxy.mongoConnectionString(), DATABASE, USER, Integer.toString(DIMENSION),
                    Integer.toString(ROUNDS))) {
                probe.awaitLine("WARM");
                tap.start();
                ProbeLine line = ProbeLine.parse(probe.awaitLine("RESULT"));
                tap.stop();
                String setting = String.format("1 user, %,d items, %,d with a %,d-dim embedding (+%d of 768 dims)",
                        ITEMS, EMBEDDED, DIMENSION, OTHER_MODEL);
                String server = BenchmarkMain.MONGO + "; client JVM -Xmx" + heap;
                results.add(Result.info("similar", "Similar items (semanticSearch, top 10): time p50 / max of "
                        + ROUNDS + "; " + setting, line.get("p50") + " ms / " + line.get("max") + " ms", server));
                results.add(Result.info("similar", "Similar items: bytes received per search, round trips",
                        String.format("%.1f MB, %d round trips (compared %,d, skipped %,d of another dimension)",
                                tap.replyBytes() / 1e6 / ROUNDS, tap.commands() / ROUNDS, line.get("compared"),
                                line.get("skipped")), server));
                results.add(Result.checked("similar", "Similar items: client peak RSS / heap (baseline RSS "
                                + line.get("baselineRss") + " MiB)", line.get("rss") + " MiB / " + line.get("heap")
                                + " MiB", "≤ 512 MiB RSS", line.get("rss") <= 512, server));
            }
        }
    }

    /** One user's items as Orchestra writes them, inserted with the raw driver in batches. */
    private static void generate(MongoCollection<Document> items) {
        Random random = new Random(1536);
        List<Document> batch = new ArrayList<>();
        long t0 = System.currentTimeMillis() - ITEMS * 60_000L;
        for (int i = 0; i < ITEMS; i++) {
            Document d = new Document("_id", "sim-" + i).append("user_id", USER)
                    .append("session_id", "s-" + (i / 50)).append("timestamp", new Date(t0 + i * 60_000L))
                    .append("item_type", "conversation").append("persona_active", "assistant")
                    .append("text_content", "Message " + i + " of a long-running conversation about many things.")
                    .append("metadata", new Document("role", i % 2 == 0 ? "user" : "assistant"));
            if (i % (ITEMS / EMBEDDED) == 0) {
                d.append("embedding", vector(random, DIMENSION));
            } else if (i % (ITEMS / OTHER_MODEL) == 1) {
                d.append("embedding", vector(random, 768));
            }
            batch.add(d);
            if (batch.size() == 1000) {
                items.insertMany(batch, new InsertManyOptions().ordered(false));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            items.insertMany(batch, new InsertManyOptions().ordered(false));
        }
    }

    private static List<Double> vector(Random random, int dimension) {
        List<Double> v = new ArrayList<>(dimension);
        for (int i = 0; i < dimension; i++) {
            v.add(random.nextGaussian());
        }
        return v;
    }
}
