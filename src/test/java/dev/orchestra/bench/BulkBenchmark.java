package dev.orchestra.bench;

import com.mongodb.client.MongoDatabase;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.model.BulkProgress;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.safety.Actor;
import dev.orchestra.storage.safety.DeleteResult;
import dev.orchestra.storage.safety.SafeOperations;
import dev.orchestra.storage.safety.SafeStorage;
import dev.orchestra.storage.safety.WriteLock;
import dev.orchestra.storage.transfer.ExportFormat;
import dev.orchestra.storage.transfer.ExportResult;
import dev.orchestra.storage.transfer.ExportService;
import dev.orchestra.storage.transfer.ImportOptions;
import dev.orchestra.storage.transfer.ImportReport;
import dev.orchestra.storage.transfer.ImportService;
import dev.orchestra.storage.transfer.TransferProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDocument;

/**
 * Bulk paths as users run them: export a slice of memory items to JSON lines, import that file into an empty
 * database through the CLI's path ({@code ImportService.forSafeStorage}: validated, audited, cache-invalidating),
 * then delete all of it through {@link SafeOperations#deleteMatching} (every document copied to the trash first);
 * then the same import and delete with the raw driver as the reference. Rounds repeat ({@link #ROUNDS}): the first
 * runs on a cold JVM (what a single small CLI import sees) and is reported apart; the median of the others is the
 * steady state a large import runs at, since one 20,000-document round lasts about a second and moves ±15%.
 */
final class BulkBenchmark {
    static final Actor ACTOR = new Actor("bench", Actor.CLI);
    static final int ROUNDS = 4;

    /** Documents per second of each round, the cold first one included. */
    record Figures(ExportResult export, long documents, List<Double> importRates, List<Double> deleteRates,
                   List<Double> referenceImportRates, List<Double> referenceDeleteRates) {
    }

    /**
     * @param source the generated data
     * @param target an empty database's manager
     * @param slice  the time range exported (the generator spreads items evenly over a year)
     */
    Figures run(MemoryManager source, MemoryManager target, MongoDatabase referenceTarget, DocumentFilter slice,
                int batchSize) throws IOException {
        Path file = Files.createTempFile("bench-import-", ".jsonl");
        try {
            ExportResult export = ExportService.forManager(source).exportToFile(StoreCollection.MEMORY_ITEMS, slice,
                    ExportFormat.JSONL, file, TransferProgress.NONE);
            long documents = export.documents();
            SafeStorage safe = SafeStorage.wrap(target, WriteLock.unlocked(), ACTOR);
            ImportOptions options = ImportOptions.defaults().withBatchSize(batchSize);
            List<Double> imports = new ArrayList<>();
            List<Double> deletes = new ArrayList<>();
            List<Double> referenceImports = new ArrayList<>();
            List<Double> referenceDeletes = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                ImportReport imported = ImportService.forSafeStorage(safe).importFile(StoreCollection.MEMORY_ITEMS,
                        file, options, TransferProgress.NONE);
                check("imported", imported.stored(), documents);
                imports.add(imported.documentsPerSecond());

                long started = System.nanoTime();
                DeleteResult deleted = safe.operations().deleteMatching(StoreCollection.MEMORY_ITEMS,
                        DocumentFilter.none(), batchSize, BulkProgress.IGNORE);
                deletes.add(rate(deleted.deleted(), started));
                check("deleted", deleted.deleted(), documents);

                ImportReport reference = new ImportService(new BulkWriteUpsert(referenceTarget)).importFile(
                        StoreCollection.MEMORY_ITEMS, file, options, TransferProgress.NONE);
                check("the reference imported", reference.stored(), documents);
                referenceImports.add(reference.documentsPerSecond());

                started = System.nanoTime();
                long referenceDeleted = new BatchedTrashDelete(referenceTarget, StoreCollection.MEMORY_ITEMS
                        .collectionName(), "bench_trash").deleteMatching(new BsonDocument(), batchSize);
                referenceDeletes.add(rate(referenceDeleted, started));
                check("the reference deleted", referenceDeleted, documents);
            }
            return new Figures(export, documents, imports, deletes, referenceImports, referenceDeletes);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static double rate(long documents, long startedNanos) {
        return documents / Math.max(1e-9, (System.nanoTime() - startedNanos) / 1e9);
    }

    private static void check(String what, long actual, long expected) {
        if (actual != expected) {
            throw new IllegalStateException(what + " " + actual + " of " + expected + " documents");
        }
    }
}
