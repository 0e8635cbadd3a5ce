package dev.orchestra.storage.transfer;

import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.model.CollectionRef;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.model.UpsertResult;
import dev.orchestra.storage.safety.SafeStorage;
import dev.orchestra.storage.DocumentChecks;
import dev.orchestra.storage.DocumentStore;
import dev.orchestra.storage.validation.DocumentValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Imports a JSON-lines file (one Extended JSON document per line, as {@link ExportService} writes) into a collection.
 * Two passes, so memory stays flat: the first reads the file and validates every line (JSON syntax, one object per
 * line, {@link DocumentValidator}) on worker threads ({@link ParallelLineParser}), records which lines are bad and
 * spools the valid documents as BSON to a temp file ({@link ValidatedSpool}); the second writes them in batches
 * through {@link BulkUpsert}, in file order. Bad lines are never written, and nothing is written before the whole
 * file was checked. No JavaFX: the CLI and the GUI both call it.
 */
public final class ImportService {
    private final BulkUpsert upsert;

    public ImportService(BulkUpsert upsert) {
        this.upsert = upsert;
    }

    /** Upserts through the contract's batch write ({@link DocumentStore#upsertAll}: one bulkWrite per batch on MongoDB). */
    public static ImportService forManager(DocumentStore manager) {
        return new ImportService(new BulkUpsert() {
            @Override
            public UpsertOutcome upsertAll(StoreCollection collection, List<BsonDocument> documents,
                                           DocumentChecks checks) {
                return outcome(manager.upsertAll(collection, documents, checks));
            }

            @Override
            public List<BsonDocument> findStored(StoreCollection collection, List<BsonValue> ids) {
                return manager.findByIds(collection, ids);
            }
        });
    }

    /**
     * Through the safe path ({@link dev.orchestra.storage.safety.SafeOperations#importBatch}): refused while the
     * write lock is locked, one bulk write per batch with an audit entry before it (the ids it may write) and one
     * after it (what it wrote), the cache invalidated by the manager. What the CLI and the GUI use.
     */
    public static ImportService forSafeStorage(SafeStorage storage) {
        return new ImportService(new BulkUpsert() {
            @Override
            public UpsertOutcome upsertAll(StoreCollection collection, List<BsonDocument> documents,
                                           DocumentChecks checks) {
                return outcome(storage.operations().importBatch(collection, documents, checks));
            }

            @Override
            public List<BsonDocument> findStored(StoreCollection collection, List<BsonValue> ids) {
                return storage.manager().findByIds(collection, ids);
            }
        });
    }

    private static UpsertOutcome outcome(UpsertResult result) {
        return new UpsertOutcome(result.inserted(), result.replaced(), result.unchanged(), result.failures());
    }

    /**
     * Only the collections Orchestra writes can be imported into; the inspector's trash and audit cannot. Returns the
     * collection as one of Orchestra's, what {@link #importFile} takes.
     */
    public static StoreCollection checkImportable(CollectionRef collection) {
        if (!(collection instanceof StoreCollection orchestra)) {
            throw new StorageValidationException("Cannot import into " + collection.collectionName()
                    + ": it is the inspector's own collection; import into memory_items, agent_data or user_sessions");
        }
        return orchestra;
    }

    public ImportReport importFile(StoreCollection collection, Path file, ImportOptions options,
                                   TransferProgress progress) {
        long started = System.nanoTime();
        try (ValidatedSpool spool = options.dryRun() ? null : ValidatedSpool.create()) {
            Validation validation = validate(collection, file, options, spool, progress);
            boolean write = !options.dryRun() && !validation.cancelled
                    && !(options.allOrNothing() && validation.rejectedCount > 0);
            ImportWriter writing = new ImportWriter(upsert, collection, options, progress, validation.validCount);
            if (write) {
                writing.writeAll(spool);
            }
            return report(validation, writing, write, started);
        }
    }

    private static ImportReport report(Validation validation, ImportWriter writing, boolean written, long started) {
        return new ImportReport(validation.lines, validation.validCount, validation.rejectedCount,
                validation.reported, writing.inserted, writing.replaced, writing.unchanged, writing.failed, writing.failures,
                written, validation.cancelled || writing.cancelled, Duration.ofNanos(System.nanoTime() - started));
    }

    /** The first pass: every line parsed and checked, the valid ones spooled (unless this is a dry run). */
    private Validation validate(StoreCollection collection, Path file, ImportOptions options, ValidatedSpool spool,
                                TransferProgress progress) {
        Validation result = new Validation();
        long size = fileSize(file);
        try (CountingInput counting = new CountingInput(Files.newInputStream(file));
             ParallelLineParser lines = new ParallelLineParser(new ImportLineReader(counting)::next, collection,
                     options.checks())) {
            List<ParallelLineParser.ParsedLine> chunk;
            while ((chunk = lines.nextChunk()) != null) {
                for (ParallelLineParser.ParsedLine line : chunk) {
                    if (line.error() == null) {
                        result.validCount++;
                        if (spool != null) {
                            spool.add(line.number(), line.bson());
                        }
                    } else {
                        result.reject(line.number(), line.error(), options.maxReportedErrors());
                    }
                }
                result.lines = lines.linesRead();
                if (!progress.onProgress(TransferPhase.VALIDATING, counting.count(), size)) {
                    result.cancelled = true;
                    return result;
                }
            }
            result.lines = lines.linesRead();
            progress.onProgress(TransferPhase.VALIDATING, size, size);
        } catch (IOException e) {
            throw readFailure(file, e);
        }
        return result;
    }

    private static long fileSize(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw readFailure(file, e);
        }
    }

    private static TransferException readFailure(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new TransferException("Cannot read " + file + ": no such file", e);
        }
        if (Files.isDirectory(file)) {
            return new TransferException("Cannot read " + file + ": it is a directory", e);
        }
        return new TransferException("Cannot read " + file + ": " + e.getMessage(), e);
    }

    /** The result of the first pass: counts and the first messages. */
    private static final class Validation {
        long lines;
        long validCount;
        long rejectedCount;
        final List<LineError> reported = new ArrayList<>();
        boolean cancelled;

        void reject(long lineNumber, String message, int maxReported) {
            rejectedCount++;
            if (reported.size() < maxReported) {
                reported.add(new LineError(lineNumber, message));
            }
        }
    }
}
