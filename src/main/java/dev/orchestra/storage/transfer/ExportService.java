package dev.orchestra.storage.transfer;

import dev.orchestra.storage.DocumentCursor;
import dev.orchestra.storage.DocumentStore;
import dev.orchestra.storage.FullDocumentStreaming;
import dev.orchestra.storage.model.CountEstimate;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.CollectionRef;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.bson.BsonDocument;

/**
 * Streams the documents of a collection matching a filter to a file or stream, one document in memory at a time.
 * No JavaFX: the CLI and the GUI both call it, with a {@link TransferProgress} for progress and cancellation.
 */
public final class ExportService {
    /** How often (in documents) progress is reported and cancellation checked. */
    static final int PROGRESS_EVERY = 500;

    private final DocumentStore manager;
    private final FullDocumentStreaming streaming;

    public ExportService(DocumentStore manager, FullDocumentStreaming streaming) {
        this.manager = manager;
        this.streaming = streaming;
    }

    /**
     * Streams from the store through one cursor when it can (decorators such as the cache and the read-only guard
     * hand over their store's streaming: the store is the source of truth); else page by page.
     */
    public static ExportService forManager(DocumentStore manager) {
        FullDocumentStreaming streaming = manager.capability(FullDocumentStreaming.class)
                .orElseGet(() -> new PagedFullDocumentStream(manager));
        return new ExportService(manager, streaming);
    }

    /**
     * Writes to a temporary file beside {@code target} and moves it into place when complete, so that a failed or
     * cancelled export never leaves a truncated file (nor replaces a good one).
     *
     * @throws TransferException when the file cannot be written; the message names it and says why
     */
    public ExportResult exportToFile(CollectionRef collection, DocumentFilter filter, ExportFormat format,
                                     Path target, TransferProgress progress) {
        Path temp = OutputFiles.createTempBeside(target);
        boolean done = false;
        try {
            ExportResult result;
            try (OutputStream out = Files.newOutputStream(temp)) {
                result = export(collection, filter, format, out, progress);
            } catch (IOException e) {
                throw OutputFiles.writeFailure(target, e);
            }
            if (!result.cancelled()) {
                moveIntoPlace(temp, target);
                done = true;
            }
            return result;
        } finally {
            if (!done) {
                OutputFiles.deleteQuietly(temp);
            }
        }
    }

    /** Writes UTF-8 to {@code out} (not closed; flushed at the end). */
    public ExportResult export(CollectionRef collection, DocumentFilter filter, ExportFormat format,
                               OutputStream out, TransferProgress progress) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        ExportResult result = export(collection, filter, format, writer, progress);
        writer.flush();
        return result;
    }

    /** Writes to {@code out} (not closed; flushed at the end). */
    public ExportResult export(CollectionRef collection, DocumentFilter filter, ExportFormat format, Writer out,
                               TransferProgress progress) throws IOException {
        long started = System.nanoTime();
        long total = expectedTotal(collection, filter, progress);
        DocumentWriter writer = format.writer(out, collection);
        writer.begin();
        long written = 0;
        boolean cancelled = false;
        try (DocumentCursor cursor = streaming.streamFullDocuments(collection, filter)) {
            while (cursor.hasNext()) {
                BsonDocument document = cursor.next();
                writer.write(document);
                written++;
                if (written % PROGRESS_EVERY == 0 && !progress.onProgress(TransferPhase.EXPORTING, written, total)) {
                    cancelled = true;
                    break;
                }
            }
        }
        out.flush();
        if (!cancelled) {
            progress.onProgress(TransferPhase.EXPORTING, written, Math.max(total, written));
        }
        return new ExportResult(written, cancelled, Duration.ofNanos(System.nanoTime() - started));
    }

    private long expectedTotal(CollectionRef collection, DocumentFilter filter, TransferProgress progress) {
        if (progress == TransferProgress.NONE) {
            return -1;
        }
        CountEstimate estimate = manager.count(collection, filter);
        return estimate.value();
    }

    private static void moveIntoPlace(Path temp, Path target) {
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException atomicFailed) {
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw OutputFiles.writeFailure(target, e);
            }
        }
    }
}
