package dev.orchestra.storage.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.storage.inmemory.InMemoryMemoryManager;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.StoreCollection;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportImportRoundTripTest {
    private static final JsonWriterSettings CANONICAL = JsonWriterSettings.builder()
            .outputMode(JsonMode.EXTENDED).build();

    @TempDir
    Path dir;

    @Test
    void exportThenImportIntoAnEmptyStoreReproducesEveryDocumentExactly() throws Exception {
        List<BsonDocument> originals = new ArrayList<>();
        try (var source = new InMemoryMemoryManager(); var target = new InMemoryMemoryManager()) {
            for (int n = 0; n < 7; n++) {
                BsonValue id = n % 2 == 0 ? new BsonString("item-" + n) : new BsonObjectId(new ObjectId());
                BsonDocument document = EveryBsonType.memoryItem(id, "alice", n < 5 ? "s1" : null, n);
                source.insert(StoreCollection.MEMORY_ITEMS, document);
                originals.add(source.findById(StoreCollection.MEMORY_ITEMS, id).orElseThrow());
            }
            Path file = dir.resolve("items.jsonl");
            ExportResult exported = ExportService.forManager(source).exportToFile(StoreCollection.MEMORY_ITEMS,
                    DocumentFilter.none(), ExportFormat.JSONL, file, TransferProgress.NONE);
            assertThat(exported.documents()).isEqualTo(7);
            assertThat(Files.readAllLines(file)).hasSize(7);

            ImportReport report = ImportService.forManager(target).importFile(StoreCollection.MEMORY_ITEMS, file,
                    ImportOptions.defaults().withBatchSize(3), TransferProgress.NONE);

            assertThat(report.rejectedLines()).isZero();
            assertThat(report.inserted()).isEqualTo(7);
            for (BsonDocument original : originals) {
                BsonDocument imported = target.findById(StoreCollection.MEMORY_ITEMS, original.get("_id")).orElseThrow();
                assertThat(imported).isEqualTo(original);
                // same field order and same types, as canonical Extended JSON spells out every type
                assertThat(imported.toJson(CANONICAL)).isEqualTo(original.toJson(CANONICAL));
            }
        }
    }

    @Test
    void reimportingTheSameFileChangesNothing() throws Exception {
        try (var store = new InMemoryMemoryManager()) {
            store.insert(StoreCollection.MEMORY_ITEMS, EveryBsonType.memoryItem(new BsonString("a"), "u", "s", 1));
            Path file = dir.resolve("a.jsonl");
            ExportService.forManager(store).exportToFile(StoreCollection.MEMORY_ITEMS, DocumentFilter.none(),
                    ExportFormat.JSONL, file, TransferProgress.NONE);

            ImportReport again = ImportService.forManager(store).importFile(StoreCollection.MEMORY_ITEMS, file,
                    ImportOptions.defaults(), TransferProgress.NONE);

            assertThat(again.unchanged()).isEqualTo(1);
            assertThat(again.inserted() + again.replaced()).isZero();
        }
    }

    @Test
    void exportHonoursTheFilterAndWritesOneCanonicalLinePerDocument() throws Exception {
        try (var store = new InMemoryMemoryManager()) {
            store.insert(StoreCollection.MEMORY_ITEMS, EveryBsonType.memoryItem(new BsonString("a"), "alice", "s", 1));
            store.insert(StoreCollection.MEMORY_ITEMS, EveryBsonType.memoryItem(new BsonString("b"), "bob", "s", 2));
            var out = new ByteArrayOutputStream();

            ExportResult result = ExportService.forManager(store).export(StoreCollection.MEMORY_ITEMS,
                    DocumentFilter.forUser("bob"), ExportFormat.JSONL, out, TransferProgress.NONE);

            String text = out.toString(StandardCharsets.UTF_8);
            assertThat(result.documents()).isEqualTo(1);
            assertThat(text.lines()).singleElement().satisfies(line -> {
                assertThat(line).contains("\"_id\": \"b\"", "{\"$numberLong\": \"9223372036854775805\"}",
                        "{\"$date\": {\"$numberLong\":", "\"$numberDecimal\"", "\"$binary\"");
                assertThat(BsonDocument.parse(line)).isEqualTo(store.findById(StoreCollection.MEMORY_ITEMS,
                        new BsonString("b")).orElseThrow());
            });
        }
    }

    @Test
    void cancellingAFileExportLeavesNoFileBehind() {
        try (var store = new InMemoryMemoryManager()) {
            for (int n = 0; n < ExportService.PROGRESS_EVERY * 2; n++) {
                store.insert(StoreCollection.MEMORY_ITEMS, EveryBsonType.memoryItem(new BsonString("i" + n), "u", "s", n));
            }
            Path file = dir.resolve("cancelled.jsonl");

            ExportResult result = ExportService.forManager(store).exportToFile(StoreCollection.MEMORY_ITEMS,
                    DocumentFilter.none(), ExportFormat.JSONL, file, (phase, done, total) -> false);

            assertThat(result.cancelled()).isTrue();
            assertThat(result.documents()).isEqualTo(ExportService.PROGRESS_EVERY);
            assertThat(dir).isEmptyDirectory();
        }
    }
}
