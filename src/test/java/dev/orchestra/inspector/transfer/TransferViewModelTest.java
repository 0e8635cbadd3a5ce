package dev.orchestra.inspector.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.inspector.editing.EditingFixture;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.InspectorCollection;
import dev.orchestra.storage.model.CollectionRef;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.safety.WriteLock;
import dev.orchestra.storage.transfer.ExportFormat;
import dev.orchestra.storage.transfer.LineError;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export and import ViewModels on the in-memory store behind the app's safe storage, on a same-thread runner. */
class TransferViewModelTest {
    private static final String GOOD_1 = "{\"_id\": \"g1\", \"user_id\": \"alice\", \"item_type\": \"note\", "
            + "\"timestamp\": {\"$date\": \"2024-05-01T00:00:00Z\"}}";
    private static final String GOOD_2 = "{\"_id\": \"g2\", \"user_id\": \"bob\", \"item_type\": \"conversation\"}";
    private static final String BAD_JSON = "{\"_id\": \"bad\", \"user_id\": ";
    private static final String NO_USER = "{\"_id\": \"no-user\", \"item_type\": \"note\"}";

    @TempDir
    Path dir;

    private EditingFixture fixture = new EditingFixture();
    private final AtomicInteger refreshes = new AtomicInteger();

    @AfterEach
    void close() {
        fixture.raw.close();
    }

    private ExportViewModel exportModel(DocumentFilter memoryFilter) {
        return new ExportViewModel(fixture.runner, fixture.store,
                c -> c == StoreCollection.MEMORY_ITEMS ? memoryFilter : DocumentFilter.none());
    }

    private ImportViewModel importModel() {
        return new ImportViewModel(fixture.runner, fixture.storage, refreshes::incrementAndGet);
    }

    private void seed(String user, int count) {
        for (int i = 0; i < count; i++) {
            fixture.raw.insert(StoreCollection.MEMORY_ITEMS, new BsonDocument("_id", new BsonString(user + "-" + i))
                    .append("user_id", new BsonString(user)).append("item_type", new BsonString("note"))
                    .append("timestamp", new BsonDateTime(1_700_000_000_000L + i)));
        }
    }

    private long stored(CollectionRef c) {
        return fixture.raw.count(c, DocumentFilter.none()).value();
    }

    private Path importFile(String... lines) throws Exception {
        return Files.writeString(dir.resolve("in.jsonl"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    // ---- export ------------------------------------------------------------------------------------------------

    @Test
    void exportWritesTheCurrentFiltersDocumentsOneLineEach() throws Exception {
        seed("alice", 3);
        seed("bob", 2);
        ExportViewModel model = exportModel(DocumentFilter.forUser("alice"));
        model.prepare(StoreCollection.MEMORY_ITEMS);
        assertThat(model.onlyFilteredProperty().get()).as("the view's filter is offered").isTrue();
        assertThat(model.filterDescriptionProperty().get()).isEqualTo("user_id = alice");
        Path out = dir.resolve("alice.jsonl");
        model.outputProperty().set(out);

        model.start();

        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(3);
        assertThat(lines).map(BsonDocument::parse).allSatisfy(d ->
                assertThat(d.getString("user_id").getValue()).isEqualTo("alice"));
        assertThat(lines).map(l -> BsonDocument.parse(l).getString("_id").getValue())
                .containsExactlyInAnyOrder("alice-0", "alice-1", "alice-2");
        assertThat(model.resultProperty().get().documents()).isEqualTo(3);
        assertThat(model.messageProperty().get()).startsWith("Exported 3 documents from memory_items to " + out);
        assertThat(model.outcomeProperty().get()).isEqualTo(TransferStatus.Outcome.OK);
        assertThat(model.runningProperty().get()).isFalse();
    }

    @Test
    void exportOfAllDocumentsInCsvHasAHeaderAndOneRowEach() throws Exception {
        seed("alice", 2);
        seed("bob", 2);
        ExportViewModel model = exportModel(DocumentFilter.forUser("alice"));
        model.prepare(StoreCollection.MEMORY_ITEMS);
        model.onlyFilteredProperty().set(false);
        model.outputProperty().set(dir.resolve("all.csv"));
        assertThat(model.formatProperty().get()).as("chosen by the file name").isEqualTo(ExportFormat.CSV);

        model.start();

        List<String> lines = Files.readAllLines(dir.resolve("all.csv"));
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).contains("user_id");
        assertThat(model.messageProperty().get()).startsWith("Exported 4 documents");
    }

    @Test
    void cancelledExportLeavesNoFile() throws Exception {
        seed("alice", 1_200);
        ExportViewModel model = exportModel(DocumentFilter.none());
        model.prepare(StoreCollection.MEMORY_ITEMS);
        Path out = dir.resolve("cancelled.jsonl");
        model.outputProperty().set(out);
        // The user presses Cancel as soon as the first progress arrives (after 500 documents).
        model.progressProperty().addListener((obs, was, is) -> {
            if (model.runningProperty().get() && is.doubleValue() > 0) {
                model.cancel();
            }
        });

        model.start();

        assertThat(model.resultProperty().get().cancelled()).isTrue();
        assertThat(out).doesNotExist();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("no partial file either").isEmpty();
        }
        assertThat(model.messageProperty().get()).isEqualTo("Cancelled after 500 documents: no file was written.");
        assertThat(model.outcomeProperty().get()).isEqualTo(TransferStatus.Outcome.WARNING);
    }

    @Test
    void aPathWithoutAFileNameWhileTypingIsNoProblem() {
        ExportViewModel model = exportModel(DocumentFilter.none());
        model.outputProperty().set(Path.of("/"));
        model.outputProperty().set(dir.resolve("x.csv"));
        assertThat(model.formatProperty().get()).isEqualTo(ExportFormat.CSV);
    }

    @Test
    void exportToAMissingDirectorySaysSoAndWritesNothing() {
        seed("alice", 1);
        ExportViewModel model = exportModel(DocumentFilter.none());
        model.prepare(StoreCollection.MEMORY_ITEMS);
        model.outputProperty().set(dir.resolve("no/such/dir/x.jsonl"));

        model.start();

        assertThat(model.messageProperty().get()).startsWith("Cannot export: Cannot write ")
                .contains("does not exist");
        assertThat(model.runningProperty().get()).isFalse();
    }

    // ---- import ------------------------------------------------------------------------------------------------

    @Test
    void dryRunReportsBadLinesByNumberAndWritesNothing() throws Exception {
        ImportViewModel model = importModel();
        model.fileProperty().set(importFile(GOOD_1, BAD_JSON, "", NO_USER, GOOD_2));

        model.check();

        assertThat(model.problemsProperty()).extracting(LineError::lineNumber).containsExactly(2L, 4L);
        assertThat(model.problemsProperty().get(1).message()).contains("Missing required field 'user_id'");
        assertThat(model.checkedProperty().get().validLines()).isEqualTo(2);
        assertThat(model.messageProperty().get()).isEqualTo("Checked 5 lines: 2 valid, 2 rejected (lines 2, 4)."
                + " Nothing written yet: Import writes the 2 valid lines and skips the rejected ones.");
        assertThat(stored(StoreCollection.MEMORY_ITEMS)).isZero();
        assertThat(stored(InspectorCollection.AUDIT)).isZero();
        assertThat(model.canImportProperty().get()).isTrue();
    }

    @Test
    void importWritesOnlyTheValidLinesThroughTheAuditedPath() throws Exception {
        ImportViewModel model = importModel();
        model.collectionProperty().set(StoreCollection.MEMORY_ITEMS);
        model.fileProperty().set(importFile(GOOD_1, BAD_JSON, NO_USER, GOOD_2));
        model.check();

        model.importValidLines();

        assertThat(stored(StoreCollection.MEMORY_ITEMS)).isEqualTo(2);
        assertThat(fixture.raw.findById(StoreCollection.MEMORY_ITEMS, new BsonString("bad"))).isEmpty();
        assertThat(fixture.raw.findById(StoreCollection.MEMORY_ITEMS, new BsonString("no-user"))).isEmpty();
        // one audit entry per import batch (the bulk path), counting what it wrote
        var audit = fixture.raw.findPage(InspectorCollection.AUDIT, DocumentFilter.none(),
                PageRequest.first(10)).items();
        assertThat(audit).as("the import batch is audited before and after").hasSize(2);
        assertThat(audit).extracting(d -> d.getString("action").getValue())
                .containsExactlyInAnyOrder("import_started", "import");
        assertThat(audit).allSatisfy(d -> assertThat(d.getInt64("count").getValue()).isEqualTo(2L));
        assertThat(model.messageProperty().get()).isEqualTo("Imported 2 documents into memory_items (2 inserted, "
                + "0 replaced, 0 unchanged). Rejected lines not written: 2 (lines 2, 3).");
        assertThat(model.importedProperty().get().inserted()).isEqualTo(2);
        assertThat(refreshes).as("the views are refreshed").hasValue(1);
        assertThat(model.canImportProperty().get()).as("not twice").isFalse();
        assertThat(model.outcomeProperty().get()).as("done, with rejected lines").isEqualTo(TransferStatus.Outcome.WARNING);
    }

    @Test
    void asIsRestoresAnExportTheSchemaRefusesAndSwitchingItForgetsTheCheck() throws Exception {
        ImportViewModel model = importModel();
        String int64Time = "{\"_id\": \"old\", \"user_id\": \"a\", \"item_type\": \"n\", "
                + "\"timestamp\": {\"$numberLong\": \"1700000000000\"}}";
        model.fileProperty().set(importFile(int64Time));
        model.check();
        assertThat(model.problemsProperty()).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("'timestamp' must be a date"));

        model.asIsProperty().set(true);
        assertThat(model.checkedProperty().get()).as("the rules changed").isNull();
        model.check();
        model.importValidLines();

        assertThat(model.problemsProperty()).isEmpty();
        assertThat(fixture.raw.findById(StoreCollection.MEMORY_ITEMS, new BsonString("old")).orElseThrow()
                .isInt64("timestamp")).isTrue();
        assertThat(stored(InspectorCollection.AUDIT)).isEqualTo(2);
    }

    @Test
    void changingTheFileForgetsTheCheck() throws Exception {
        ImportViewModel model = importModel();
        model.fileProperty().set(importFile(GOOD_1));
        model.check();
        assertThat(model.canImportProperty().get()).isTrue();

        model.fileProperty().set(dir.resolve("other.jsonl"));

        assertThat(model.checkedProperty().get()).isNull();
        assertThat(model.canImportProperty().get()).isFalse();
    }

    @Test
    void readOnlyRefusesTheImportButAllowsTheCheck() throws Exception {
        fixture.raw.close();
        fixture = new EditingFixture(WriteLock.locked("APP_ENV=production"));
        ImportViewModel model = importModel();
        model.fileProperty().set(importFile(GOOD_1, GOOD_2));

        model.check();
        assertThat(model.checkedProperty().get().validLines()).isEqualTo(2);
        assertThat(model.readOnlyProperty().get()).isTrue();
        assertThat(model.canImportProperty().get()).isFalse();

        model.importValidLines();

        assertThat(stored(StoreCollection.MEMORY_ITEMS)).isZero();
        assertThat(model.messageProperty().get()).isEqualTo("Import refused: the inspector is read-only "
                + "(APP_ENV=production). Nothing was written; unlock writes first.");
        assertThat(model.outcomeProperty().get()).isEqualTo(TransferStatus.Outcome.PROBLEM);
    }

    @Test
    void lockingAfterTheCheckStillRefuses() throws Exception {
        ImportViewModel model = importModel();
        model.fileProperty().set(importFile(GOOD_1));
        model.check();

        fixture.lock.lock();
        model.importValidLines();

        assertThat(model.readOnlyProperty().get()).isTrue();
        assertThat(stored(StoreCollection.MEMORY_ITEMS)).isZero();
        assertThat(model.messageProperty().get()).startsWith("Import refused: the inspector is read-only");
    }
}
