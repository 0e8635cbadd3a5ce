package dev.orchestra.bench;

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
import java.time.Duration;
import org.bson.BsonDocument;
import com.mongodb.client.MongoDatabase;

/**
 * Bulk paths as users run them: export a slice of memory items to JSON lines, import that file into an empty
 * database through the CLI's path ({@code ImportService.forSafeStorage}: validated, audited, cache-invalidating),
 * then delete all of it through {@link SafeOperations#deleteMatching} (every document copied to the trash first).
 */
final class BulkBenchmark {
    static final Actor ACTOR = new Actor("bench", Actor.CLI);

    record Figures(ExportResult export, ImportReport imported, DeleteResult deleted, Duration deleteTime,
                   ImportReport referenceImport, long referenceDeleted, Duration referenceDeleteTime) {
        double deletePerSecond() {
            return deleted.deleted() / Math.max(1e-9, deleteTime.toNanos() / 1e9);
        }

        double referenceDeletePerSecond() {
            return referenceDeleted / Math.max(1e-9, referenceDeleteTime.toNanos() / 1e9);
        }
    }

    /**
     * @param source    the generated data
     * @param target    an empty database's manager
     * @param sliceFrom/sliceTo the time range exported (the generator spreads items evenly over a year)
     */
    Figures run(MemoryManager source, MemoryManager target, MongoDatabase referenceTarget, DocumentFilter slice,
                int batchSize) throws IOException {
        Path file = Files.createTempFile("bench-import-", ".jsonl");
        try {
            ExportResult export = ExportService.forManager(source).exportToFile(StoreCollection.MEMORY_ITEMS, slice,
                    ExportFormat.JSONL, file, TransferProgress.NONE);
            SafeStorage safe = SafeStorage.wrap(target, WriteLock.unlocked(), ACTOR);
            ImportReport imported = ImportService.forSafeStorage(safe).importFile(StoreCollection.MEMORY_ITEMS, file,
                    ImportOptions.defaults().withBatchSize(batchSize), TransferProgress.NONE);
            if (imported.stored() != export.documents()) {
                throw new IllegalStateException("Imported " + imported.stored() + " of " + export.documents());
            }
            long started = System.nanoTime();
            DeleteResult deleted = safe.operations().deleteMatching(StoreCollection.MEMORY_ITEMS,
                    DocumentFilter.none(), batchSize, BulkProgress.IGNORE);
            Duration deleteTime = Duration.ofNanos(System.nanoTime() - started);
            if (deleted.deleted() != imported.stored()) {
                throw new IllegalStateException("Deleted " + deleted.deleted() + " of " + imported.stored());
            }
            ImportReport referenceImport = new ImportService(new BulkWriteUpsert(referenceTarget)).importFile(
                    StoreCollection.MEMORY_ITEMS, file, ImportOptions.defaults().withBatchSize(batchSize),
                    TransferProgress.NONE);
            started = System.nanoTime();
            long referenceDeleted = new BatchedTrashDelete(referenceTarget, StoreCollection.MEMORY_ITEMS
                    .collectionName(), "bench_trash").deleteMatching(new BsonDocument(), batchSize);
            Duration referenceDeleteTime = Duration.ofNanos(System.nanoTime() - started);
            if (referenceImport.stored() != export.documents() || referenceDeleted != export.documents()) {
                throw new IllegalStateException("The references imported " + referenceImport.stored()
                        + " and deleted " + referenceDeleted + " of " + export.documents());
            }
            return new Figures(export, imported, deleted, deleteTime, referenceImport, referenceDeleted,
                    referenceDeleteTime);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
