package dev.orchestra.storage.transfer;

import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.DocumentChecks;
import dev.orchestra.storage.validation.StrictJsonParser;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.BsonDocument;

/**
 * Parses and validates the lines of an import file on worker threads while the caller takes them in file order;
 * a valid line comes back as its BSON (which the validator's size check encodes anyway). Parsing Extended JSON is
 * most of an import's client-side CPU (a profile of the bulk benchmark: the JSON scanner and double parsing of
 * embeddings), so it is spread over the cores. At most a few chunks are in flight (by lines and by characters), so
 * memory stays bounded.
 */
final class ParallelLineParser implements AutoCloseable {
    private static final int CHUNK_LINES = 256;
    private static final int CHUNK_CHARS = 4 << 20;

    /** One non-blank line: its number and either the valid document's BSON or why it is not valid. */
    record ParsedLine(long number, byte[] bson, String error) {
    }

    /** The file's lines one by one; {@code null} at the end. */
    @FunctionalInterface
    interface LineSource {
        ImportLineReader.Line next() throws IOException;
    }

    private final LineSource source;
    private final StoreCollection collection;
    private final DocumentChecks checks;
    private final ExecutorService workers;
    private final int maxInFlight;
    private final Deque<Future<List<ParsedLine>>> inFlight = new ArrayDeque<>();
    private long linesRead;
    private boolean endOfFile;

    ParallelLineParser(LineSource source, StoreCollection collection, DocumentChecks checks) {
        this.source = source;
        this.collection = collection;
        this.checks = checks;
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "import-parse-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.maxInFlight = threads + 1;
    }

    /** The next chunk of parsed lines in file order (blank and skipped lines left out), or null at the end. */
    List<ParsedLine> nextChunk() throws IOException {
        fill();
        Future<List<ParsedLine>> next = inFlight.poll();
        return next == null ? null : await(next);
    }

    /** How many lines were read so far (blank ones included). */
    long linesRead() {
        return linesRead;
    }

    private void fill() throws IOException {
        while (!endOfFile && inFlight.size() < maxInFlight) {
            List<ImportLineReader.Line> lines = new ArrayList<>();
            long first = linesRead + 1;
            int chars = 0;
            while (lines.size() < CHUNK_LINES && chars < CHUNK_CHARS) {
                ImportLineReader.Line line = source.next();
                if (line == null) {
                    endOfFile = true;
                    break;
                }
                linesRead++;
                lines.add(line);
                chars += line.text() == null ? 0 : line.text().length();
            }
            if (!lines.isEmpty()) {
                inFlight.add(workers.submit(() -> parse(first, lines)));
            }
        }
    }

    private List<ParsedLine> parse(long firstLine, List<ImportLineReader.Line> lines) {
        List<ParsedLine> parsed = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            long number = firstLine + i;
            String line = lines.get(i).text();
            if (line == null) {
                parsed.add(new ParsedLine(number, null, lines.get(i).error()));
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            try {
                BsonDocument document = StrictJsonParser.parseObject(line);
                parsed.add(new ParsedLine(number, checks.validateAndEncode(collection, document), null));
            } catch (StorageValidationException e) {
                parsed.add(new ParsedLine(number, null, e.getMessage()));
            }
        }
        return parsed;
    }

    private static List<ParsedLine> await(Future<List<ParsedLine>> chunk) {
        try {
            return chunk.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransferException("The import was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new TransferException("Parsing failed: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
