package dev.orchestra.bench;

import dev.orchestra.storage.model.SemanticQuery;
import dev.orchestra.storage.model.SemanticSearchResult;
import dev.orchestra.storage.mongo.MongoMemoryManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Runs in a JVM of its own (its resident set is the library's alone): the Similar items search, i.e. the library's
 * {@code semanticSearch} for one user, {@code rounds} times after one warm-up, and prints the times, what was
 * compared and skipped, and the peak RSS and heap as {@code RESULT key=value ...}.
 */
public final class SimilarItemsProbe {
    private SimilarItemsProbe() {
    }

    public static void main(String[] args) {
        String uri = args[0];
        String database = args[1];
        String user = args[2];
        int dimension = Integer.parseInt(args[3]);
        int rounds = Integer.parseInt(args[4]);
        long baselineRss = Machine.currentRssMiB();
        Random random = new Random(7);
        List<Double> query = new ArrayList<>(dimension);
        for (int i = 0; i < dimension; i++) {
            query.add(random.nextGaussian());
        }
        try (MongoMemoryManager manager = new MongoMemoryManager(uri, database, Duration.ofSeconds(120))) {
            SemanticQuery search = new SemanticQuery(user, query, null, 10);
            manager.semanticSearch(search); // warm-up: connection pool, JIT
            System.out.println("WARM");
            System.out.flush();
            List<Long> millis = new ArrayList<>();
            SemanticSearchResult last = null;
            for (int i = 0; i < rounds; i++) {
                long started = System.nanoTime();
                last = manager.semanticSearch(search);
                millis.add((System.nanoTime() - started) / 1_000_000);
            }
            List<Long> sorted = millis.stream().sorted().toList();
            System.out.println("RESULT p50=" + sorted.get(sorted.size() / 2) + " max=" + sorted.get(sorted.size() - 1)
                    + " hits=" + last.hits().size() + " compared=" + last.compared()
                    + " skipped=" + last.skippedOtherDimension() + " baselineRss=" + baselineRss
                    + " rss=" + Machine.peakRssMiB() + " heap=" + Machine.peakHeapMiB()
                    + " maxHeap=" + Machine.maxHeapMiB());
        }
    }
}
