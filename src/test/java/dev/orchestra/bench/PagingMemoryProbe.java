package dev.orchestra.bench;

import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.Page;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.mongo.MongoMemoryManager;
import dev.orchestra.storage.transfer.ExportFormat;
import dev.orchestra.storage.transfer.ExportResult;
import dev.orchestra.storage.transfer.ExportService;
import dev.orchestra.storage.transfer.TransferProgress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.bson.BsonDocument;

/**
 * Runs in a JVM of its own (so that its resident set is the library's alone): pages through every memory item with
 * {@code findPage}, then exports them all to JSON lines the way the CLI does, and prints the peak RSS (VmHWM) and
 * heap after each phase as {@code RESULT key=value ...}.
 */
public final class PagingMemoryProbe {
    private PagingMemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        String uri = args[0];
        String database = args[1];
        int pageSize = Integer.parseInt(args[2]);
        Duration timeout = Duration.ofSeconds(60);
        long baselineRss = Machine.currentRssMiB();
        long items = 0;
        long pages = 0;
        long started = System.nanoTime();
        try (MongoMemoryManager manager = new MongoMemoryManager(uri, database, timeout)) {
            PageRequest request = PageRequest.first(pageSize);
            while (true) {
                Page<BsonDocument> page = manager.findPage(StoreCollection.MEMORY_ITEMS, DocumentFilter.none(),
                        request);
                items += page.items().size();
                pages++;
                if (!page.hasMore()) {
                    break;
                }
                request = new PageRequest(pageSize, page.next());
            }
            long pagingMs = (System.nanoTime() - started) / 1_000_000;
            long rssPaging = Machine.peakRssMiB();
            long heapPaging = Machine.peakHeapMiB();
            Path file = Files.createTempFile("bench-export-", ".jsonl");
            try {
                ExportResult export = ExportService.forManager(manager).exportToFile(StoreCollection.MEMORY_ITEMS,
                        DocumentFilter.none(), ExportFormat.JSONL, file, TransferProgress.NONE);
                System.out.println("RESULT items=" + items + " pages=" + pages + " pagingMs=" + pagingMs
                        + " baselineRss=" + baselineRss + " rssPaging=" + rssPaging + " heapPaging=" + heapPaging
                        + " exported=" + export.documents() + " exportMs=" + export.elapsed().toMillis()
                        + " exportBytes=" + Files.size(file) + " rssExport=" + Machine.peakRssMiB()
                        + " heapExport=" + Machine.peakHeapMiB() + " maxHeap=" + Machine.maxHeapMiB());
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }
}
