package dev.orchestra.storage.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.storage.inmemory.InMemoryMemoryManager;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.StoreCollection;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that try to drive the import's parsing over the edge: each bad line is rejected alone, by its number. */
class ImportFileEdgesTest {
    @TempDir
    Path dir;

    private final InMemoryMemoryManager store = new InMemoryMemoryManager();

    @AfterEach
    void close() {
        store.close();
    }

    private static String item(int n) {
        return "{\"_id\": \"i" + n + "\", \"user_id\": \"alice\", \"item_type\": \"note\"}";
    }

    @Test
    void invalidUtf8OnLine50RejectsOnlyThatLine() throws Exception {
        var bytes = new ByteArrayOutputStream();
        for (int n = 1; n <= 100; n++) {
            if (n == 50) {
                bytes.write("{\"_id\": \"i50\", \"user_id\": \"caf".getBytes(StandardCharsets.UTF_8));
                bytes.write(0xE9); // Latin-1 é: not UTF-8
                bytes.write("\", \"item_type\": \"note\"}\n".getBytes(StandardCharsets.UTF_8));
            } else {
                bytes.write((item(n) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        Path file = Files.write(dir.resolve("mixed.jsonl"), bytes.toByteArray());

        ImportReport report = importFile(file);

        assertThat(report.rejected()).extracting(LineError::toString).containsExactly("line 50: not valid UTF-8; skipped");
        assertThat(report.inserted()).isEqualTo(99);
        assertThat(store.findById(StoreCollection.MEMORY_ITEMS, new BsonString("i50"))).isEmpty();
        assertThat(store.findById(StoreCollection.MEMORY_ITEMS, new BsonString("i51"))).isPresent();
    }

    @Test
    void aByteOrderMarkIsSkipped() throws Exception {
        var bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.write((item(1) + "\r\n" + item(2) + "\r\n").getBytes(StandardCharsets.UTF_8));
        Path file = Files.write(dir.resolve("bom.jsonl"), bytes.toByteArray());

        ImportReport report = importFile(file);

        assertThat(report.rejectedLines()).isZero();
        assertThat(report.inserted()).isEqualTo(2);
        assertThat(store.findById(StoreCollection.MEMORY_ITEMS, new BsonString("i1"))).isPresent();
    }

    @Test
    void aLineNested10000DeepIsRejectedByNumberAndTheLinesAfterItAreImported() throws Exception {
        String deep = "{\"_id\": \"deep\", \"user_id\": \"a\", \"item_type\": \"n\", \"metadata\": "
                + "{\"a\": ".repeat(10_000) + "1" + "}".repeat(10_000) + "}";
        Path file = Files.write(dir.resolve("deep.jsonl"),
                String.join("\n", item(1), deep, item(3)).getBytes(StandardCharsets.UTF_8));

        ImportReport report = importFile(file);

        assertThat(report.rejected()).extracting(LineError::toString)
                .containsExactly("line 2: nested deeper than 100 levels of objects and arrays (MongoDB's limit)");
        assertThat(report.inserted()).isEqualTo(2);
        assertThat(store.findById(StoreCollection.MEMORY_ITEMS, new BsonString("i3"))).isPresent();
    }

    @Test
    void a50MiBLineWithoutNewlineIsReportedAndSkippedAndTheLinesAfterItAreImported() throws Exception {
        Path file = dir.resolve("huge.jsonl");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write((item(1) + "\n").getBytes(StandardCharsets.UTF_8));
            out.write("{\"_id\": \"huge\", \"user_id\": \"a\", \"item_type\": \"n\", \"text_content\": \""
                    .getBytes(StandardCharsets.UTF_8));
            byte[] block = new byte[1 << 20];
            Arrays.fill(block, (byte) 'x');
            for (int i = 0; i < 50; i++) {
                out.write(block);
            }
            out.write("\"}\n".getBytes(StandardCharsets.UTF_8));
            out.write((item(3) + "\n" + item(4) + "\n").getBytes(StandardCharsets.UTF_8));
        }

        ImportReport report = importFile(file);

        assertThat(report.lines()).isEqualTo(4);
        assertThat(report.rejected()).singleElement().satisfies(e -> {
            assertThat(e.lineNumber()).isEqualTo(2);
            assertThat(e.message()).startsWith("longer than 20 MiB").endsWith("skipped");
        });
        assertThat(report.inserted()).isEqualTo(3);
        assertThat(store.count(StoreCollection.MEMORY_ITEMS, DocumentFilter.none()).value()).isEqualTo(3);
        assertThat(store.findById(StoreCollection.MEMORY_ITEMS, new BsonString("huge"))).isEmpty();
    }

    @Test
    void asIsRestoresWhatTheSchemaRefusesAndKeepsOnlyMongoDbsOwnRules() throws Exception {
        String stringTime = "{\"_id\": \"s\", \"user_id\": \"a\", \"item_type\": \"n\", \"timestamp\": \"yesterday\"}";
        String longTime = "{\"_id\": \"l\", \"timestamp\": {\"$numberLong\": \"1700000000000\"}}";
        String arrayId = "{\"_id\": [1, 2], \"user_id\": \"a\"}";
        Path file = Files.write(dir.resolve("export.jsonl"),
                String.join("\n", stringTime, longTime, arrayId).getBytes(StandardCharsets.UTF_8));

        ImportReport strict = importFile(file);
        assertThat(strict.rejectedLines()).isEqualTo(3);
        assertThat(strict.inserted()).isZero();

        ImportReport asIs = ImportService.forManager(store).importFile(StoreCollection.MEMORY_ITEMS, file,
                ImportOptions.defaults().withAsIs(true), TransferProgress.NONE);
        assertThat(asIs.rejected()).extracting(LineError::toString).containsExactly("line 3: '_id' cannot be an array");
        assertThat(asIs.inserted()).isEqualTo(2);
        assertThat(store.findById(StoreCollection.MEMORY_ITEMS, new BsonString("s")).orElseThrow())
                .isEqualTo(BsonDocument.parse(stringTime));
        assertThat(store.findById(StoreCollection.MEMORY_ITEMS, new BsonString("l")).orElseThrow())
                .as("no insert defaults added, the Int64 kept").isEqualTo(BsonDocument.parse(longTime));
    }

    private ImportReport importFile(Path file) {
        return ImportService.forManager(store).importFile(StoreCollection.MEMORY_ITEMS, file,
                ImportOptions.defaults(), TransferProgress.NONE);
    }
}
