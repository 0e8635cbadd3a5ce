package dev.orchestra.storage.transfer;

import com.sun.management.GarbageCollectionNotificationInfo;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.mongo.MongoMemoryManager;
import dev.orchestra.storage.safety.Actor;
import dev.orchestra.storage.safety.SafeStorage;
import dev.orchestra.storage.safety.WriteLock;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonString;

/**
 * Export/import throughput on N memory items (not a test: run by hand).
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx3g -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *      dev.orchestra.storage.transfer.TransferBench 100000 64
 * </pre>
 * The server is mongo-java-server (memory backend) in the same JVM, so memory is measured as the live heap (after
 * each GC) during the phase against the live heap before it: the transfer's own footprint plus the server's growth
 * (an import adds the documents to the server's memory, an export adds nothing that stays).
 */
public final class TransferBench {
    private TransferBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int dimension = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        boolean all = args.length > 2 && args[2].equals("all"); // also CSV, the paged fallback, the direct import
        MongoServer server = new MongoServer(new MemoryBackend());
        String uri = server.bindAndGetConnectionString();
        Duration timeout = Duration.ofSeconds(30);
        Path file = Files.createTempFile("bench-", ".jsonl");
        Path csv = file.resolveSibling(file.getFileName() + ".csv");
        Path paged = file.resolveSibling(file.getFileName() + ".paged");
        try {
            try (MemoryManager source = streaming(uri, "bench_source", timeout)) {
                source.initialize();
                seed((MongoMemoryManager) source, count, dimension);
                System.out.printf(Locale.ROOT, "%,d memory items with %d-dimensional embeddings, mongo-java-server "
                        + "(memory backend) in-process, Java %s, %d CPUs, -Xmx%d MB%n", count, dimension,
                        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                        Runtime.getRuntime().maxMemory() >> 20);
                measure("export (JSON lines, one cursor)", count, () -> ExportService.forManager(source)
                        .exportToFile(StoreCollection.MEMORY_ITEMS, DocumentFilter.none(), ExportFormat.JSONL, file,
                                TransferProgress.NONE).documents());
                System.out.printf(Locale.ROOT, "  file: %,d bytes (%.0f bytes/document)%n", Files.size(file),
                        (double) Files.size(file) / count);
                if (all) {
                    measure("export (CSV)", count, () -> ExportService.forManager(source).exportToFile(
                            StoreCollection.MEMORY_ITEMS, DocumentFilter.none(), ExportFormat.CSV, csv,
                            TransferProgress.NONE).documents());
                    measure("export (paged fallback, findPage + findById)", count, () -> new ExportService(source,
                            new PagedFullDocumentStream(source)).exportToFile(StoreCollection.MEMORY_ITEMS,
                            DocumentFilter.none(), ExportFormat.JSONL, paged, TransferProgress.NONE).documents());
                }
            }
            if (all) {
                try (MemoryManager target = new MongoMemoryManager(uri, "bench_direct", timeout)) {
                    target.initialize();
                    measure("import into an empty db (validate + findById/insert)", count, () -> ImportService
                            .forManager(target).importFile(StoreCollection.MEMORY_ITEMS, file,
                                    ImportOptions.defaults(), TransferProgress.NONE).inserted());
                }
            }
            measureCliImport(uri, timeout, file, count);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(csv);
            Files.deleteIfExists(paged);
            server.shutdownNow();
        }
    }

    private static void measureCliImport(String uri, Duration timeout, Path file, long count) {
        try (MemoryManager target = new MongoMemoryManager(uri, "bench_safe", timeout)) {
            target.initialize();
            SafeStorage safe = SafeStorage.wrap(target, WriteLock.unlocked(), new Actor("bench", Actor.CLI));
            measure("import --dry-run (parse + validate every line)", count, () -> ImportService
                    .forSafeStorage(safe).importFile(StoreCollection.MEMORY_ITEMS, file,
                            ImportOptions.defaults().withDryRun(true), TransferProgress.NONE).validLines());
            measure("import through the safe path (+ audit entry each), as the CLI does", count, () -> ImportService
                    .forSafeStorage(safe).importFile(StoreCollection.MEMORY_ITEMS, file, ImportOptions.defaults(),
                            TransferProgress.NONE).inserted());
        }
    }

    private static MemoryManager streaming(String uri, String db, Duration timeout) {
        return new MongoMemoryManager(uri, db, timeout);
    }

    private static void seed(MongoMemoryManager store, int count, int dimension) {
        List<BsonDocument> batch = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            BsonDocument document = EveryBsonType.memoryItem(new BsonString("item-" + n), "user-" + (n % 50),
                    "session-" + (n % 500), n);
            var embedding = new BsonArray();
            for (int i = 0; i < dimension; i++) {
                embedding.add(new BsonDouble(Math.sin(n * 31.0 + i)));
            }
            document.put("embedding", embedding);
            batch.add(document);
            if (batch.size() == 1000) {
                store.insertAllUnchecked(StoreCollection.MEMORY_ITEMS, batch);
                batch.clear();
            }
        }
        store.insertAllUnchecked(StoreCollection.MEMORY_ITEMS, batch);
    }

    private static void measure(String what, long expected, Supplier<Long> run) {
        System.gc();
        long before = heapUsed();
        LiveHeap live = LiveHeap.watch();
        long started = System.nanoTime();
        long done = run.get();
        double seconds = (System.nanoTime() - started) / 1e9;
        live.stop();
        System.gc();
        long after = heapUsed();
        System.out.printf(Locale.ROOT, "%-58s %,9d docs in %6.1f s = %,7.0f docs/s; live heap (MB, after GC): "
                        + "before %,d, max during %,d, after %,d (%d GCs)%s%n", what, done, seconds, done / seconds,
                before >> 20, live.max() >> 20, after >> 20, live.collections(),
                done == expected ? "" : "  (expected " + expected + ")");
    }

    /**
     * The heap in use right after each garbage collection during a phase: what the phase keeps alive, unlike the peak
     * of "used", which mostly measures how large the young generation was allowed to grow.
     */
    private static final class LiveHeap implements NotificationListener {
        private final AtomicLong max = new AtomicLong();
        private final AtomicInteger collections = new AtomicInteger();

        static LiveHeap watch() {
            LiveHeap live = new LiveHeap();
            for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener(live, null, null);
            }
            return live;
        }

        @Override
        public void handleNotification(Notification notification, Object handback) {
            if (!notification.getType().equals(
                    GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                return;
            }
            var info = GarbageCollectionNotificationInfo.from(
                    (CompositeData) notification.getUserData());
            long after = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                    .mapToLong(MemoryUsage::getUsed).sum();
            max.accumulateAndGet(after, Math::max);
            collections.incrementAndGet();
        }

        void stop() {
            for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                try {
                    ((NotificationEmitter) gc).removeNotificationListener(this);
                } catch (ListenerNotFoundException ignored) {
                    // not registered on this collector
                }
            }
        }

        long max() {
            return max.get();
        }

        int collections() {
            return collections.get();
        }
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
