package dev.orchestra.storage.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.storage.error.ReadOnlyViolationException;
import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.inmemory.InMemoryMemoryManager;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.InspectorCollection;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.safety.Actor;
import dev.orchestra.storage.safety.SafeStorage;
import dev.orchestra.storage.safety.WriteLock;
import dev.orchestra.storage.validation.StrictJsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportServiceTest {
    private static final String GOOD_1 = "{\"_id\": \"g1\", \"user_id\": \"alice\", \"item_type\": \"note\", "
            + "\"timestamp\": {\"$date\": \"2024-05-01T00:00:00Z\"}}";
    private static final String GOOD_2 = "{\"_id\": \"g2\", \"user_id\": \"alice\", \"item_type\": \"note\"}";
    private static final String GOOD_3 = "{\"_id\": {\"$oid\": \"65f0c0ffee00000000000001\"}, \"user_id\": \"bob\", "
            + "\"item_type\": \"conversation\", \"text_content\": \"hi\"}";

    @TempDir
    Path dir;

    private final InMemoryMemoryManager store = new InMemoryMemoryManager();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void badLinesAreReportedByNumberAndOnlyTheValidOnesAreWritten() throws Exception {
        Path file = write(
                GOOD_1,                                                                   // 1
                "{\"_id\": \"bad-json\", \"user_id\": ",                                  // 2 truncated JSON
                "",                                                                       // 3 blank: skipped
                "{\"_id\": \"no-user\", \"item_type\": \"note\"}",                        // 4 missing user_id
                GOOD_2,                                                                   // 5
                "{\"_id\": \"bad-time\", \"user_id\": \"a\", \"item_type\": \"n\", \"timestamp\": \"yesterday\"}", // 6
                "[1, 2, 3]",                                                              // 7 not an object
                "{\"_id\": \"two\", \"user_id\": \"a\", \"item_type\": \"n\"} {\"x\": 1}", // 8 trailing text
                "{\"_id\": \"nan\", \"user_id\": \"a\", \"item_type\": \"n\", \"embedding\": [1.0, {\"$numberDouble\": \"NaN\"}]}", // 9
                GOOD_3);                                                                  // 10

        ImportReport report = importFile(file, ImportOptions.defaults().withBatchSize(2));

        assertThat(report.lines()).isEqualTo(10);
        assertThat(report.validLines()).isEqualTo(3);
        assertThat(report.rejectedLines()).isEqualTo(6);
        assertThat(report.rejected()).extracting(LineError::lineNumber).containsExactly(2L, 4L, 6L, 7L, 8L, 9L);
        assertThat(report.rejected()).extracting(LineError::message).satisfiesExactly(
                m -> assertThat(m).startsWith("invalid JSON"),
                m -> assertThat(m).contains("Missing required field 'user_id'"),
                m -> assertThat(m).contains("'timestamp' must be a date"),
                m -> assertThat(m).contains("expected a JSON object, found an array"),
                m -> assertThat(m).contains("unexpected text after the JSON object"),
                m -> assertThat(m).contains("embedding[1]"));
        assertThat(report.inserted()).isEqualTo(3);
        assertThat(report.hasProblems()).isTrue();
        assertThat(store.count(StoreCollection.MEMORY_ITEMS, DocumentFilter.none()).value()).isEqualTo(3);
        for (String badId : List.of("bad-json", "no-user", "bad-time", "two", "nan")) {
            assertThat(store.findById(StoreCollection.MEMORY_ITEMS, new BsonString(badId))).isEmpty();
        }
    }

    @Test
    void aLineBsonCannotHoldIsRejectedAloneInsteadOfEndingTheImport() throws Exception {
        Path file = write(GOOD_1,
                "{\"_id\": \"nul\", \"user_id\": \"a\", \"item_type\": \"n\", \"metadata\": {\"a\\u0000b\": 1}}",
                GOOD_2);

        ImportReport report = importFile(file, ImportOptions.defaults());

        assertThat(report.rejected()).singleElement().satisfies(error -> {
            assertThat(error.lineNumber()).isEqualTo(2);
            assertThat(error.message()).contains("Not storable as BSON");
        });
        assertThat(report.inserted()).isEqualTo(2);
        assertThat(store.findById(StoreCollection.MEMORY_ITEMS, new BsonString("nul"))).isEmpty();
    }

    @Test
    void linesParsedOnSeveralThreadsKeepTheirNumbersAndFileOrder() throws Exception {
        List<String> lines = new ArrayList<>();
        List<Long> bad = new ArrayList<>();
        for (int i = 1; i <= 3000; i++) { // many chunks of 256 lines, more than the workers can hold at once
            if (i % 397 == 0) {
                lines.add("{\"_id\": \"bad" + i + "\", \"item_type\": \"note\"}");
                bad.add((long) i);
            } else {
                lines.add("{\"_id\": \"d" + i + "\", \"user_id\": \"u\", \"item_type\": \"note\", "
                        + "\"text_content\": \"line " + i + "\"}");
            }
        }
        Path file = write(lines.toArray(String[]::new));

        ImportReport report = importFile(file, ImportOptions.defaults().withBatchSize(100));

        assertThat(report.lines()).isEqualTo(3000);
        assertThat(report.rejected()).extracting(LineError::lineNumber).containsExactlyElementsOf(bad);
        assertThat(report.inserted()).isEqualTo(3000 - bad.size());
        assertThat(store.findById(StoreCollection.MEMORY_ITEMS, new BsonString("d2999")).orElseThrow()
                .getString("text_content").getValue()).isEqualTo("line 2999");
        assertThat(store.findById(StoreCollection.MEMORY_ITEMS, new BsonString("bad397"))).isEmpty();
    }

    @Test
    void dryRunAndAllOrNothingWriteNothing() throws Exception {
        Path file = write(GOOD_1, "{\"user_id\": 42, \"item_type\": \"n\"}", GOOD_2);

        ImportReport dry = importFile(file, ImportOptions.defaults().withDryRun(true));
        ImportReport strict = importFile(file, ImportOptions.defaults().withAllOrNothing(true));

        assertThat(dry.written()).isFalse();
        assertThat(dry.validLines()).isEqualTo(2);
        assertThat(dry.rejected()).singleElement().satisfies(e -> {
            assertThat(e.lineNumber()).isEqualTo(2);
            assertThat(e.message()).contains("'user_id' must be a string");
        });
        assertThat(strict.written()).isFalse();
        assertThat(store.count(StoreCollection.MEMORY_ITEMS, DocumentFilter.none()).value()).isZero();
    }

    @Test
    void whatIsWrittenIsWhatWasValidatedEvenIfTheFileChangesInBetween() throws Exception {
        Path file = write(GOOD_1, GOOD_2);

        ImportReport report = importFile(file, ImportOptions.defaults(), (phase, done, total) -> {
            if (phase == TransferPhase.VALIDATING && done == total) { // validated: now someone rewrites the file
                try {
                    Files.writeString(file, "{\"_id\": \"evil\", \"user_id\": \"x\", \"item_type\": \"n\"}\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return true;
        });

        assertThat(report.inserted()).isEqualTo(2);
        assertThat(store.findById(StoreCollection.MEMORY_ITEMS, new BsonString("g1"))).isPresent();
        assertThat(store.findById(StoreCollection.MEMORY_ITEMS, new BsonString("g2"))).isPresent();
        assertThat(store.findById(StoreCollection.MEMORY_ITEMS, new BsonString("evil"))).isEmpty();
    }

    @Test
    void importReplacesByIdAndCountsWhatItDid() throws Exception {
        store.insert(StoreCollection.MEMORY_ITEMS, BsonDocument.parse(GOOD_2.replace("note", "old")));

        ImportReport report = importFile(write(GOOD_1, GOOD_2), ImportOptions.defaults());

        assertThat(report.inserted()).isEqualTo(1);
        assertThat(report.replaced()).isEqualTo(1);
        assertThat(store.findById(StoreCollection.MEMORY_ITEMS, new BsonString("g2")).orElseThrow()
                .getString("item_type").getValue()).isEqualTo("note");
    }

    @Test
    void progressCoversBothPhasesAndCancelStopsBetweenBatches() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            lines.add("{\"_id\": \"i" + i + "\", \"user_id\": \"u\", \"item_type\": \"n\"}");
        }
        Path file = write(lines.toArray(String[]::new));
        List<TransferPhase> phases = new ArrayList<>();

        ImportReport report = importFile(file, ImportOptions.defaults().withBatchSize(10), (phase, done, total) -> {
            phases.add(phase);
            return phase != TransferPhase.WRITING || done < 20;
        });

        assertThat(phases).contains(TransferPhase.VALIDATING, TransferPhase.WRITING);
        assertThat(report.cancelled()).isTrue();
        assertThat(report.inserted()).isEqualTo(20);
        assertThat(store.count(StoreCollection.MEMORY_ITEMS, DocumentFilter.none()).value()).isEqualTo(20);
    }

    @Test
    void missingFilesGetAPreciseMessage() {
        assertThatThrownBy(() -> importFile(dir.resolve("missing.jsonl"), ImportOptions.defaults()))
                .isInstanceOf(TransferException.class).hasMessageContaining("no such file");
        assertThat(store.count(StoreCollection.MEMORY_ITEMS, DocumentFilter.none()).value()).isZero();
    }

    @Test
    void theInspectorsOwnCollectionsCannotBeImportedInto() {
        assertThatThrownBy(() -> ImportService.checkImportable(InspectorCollection.AUDIT))
                .isInstanceOf(StorageValidationException.class).hasMessageContaining("inspector's own collection");
        assertThat(ImportService.checkImportable(StoreCollection.AGENT_DATA)).isEqualTo(StoreCollection.AGENT_DATA);
    }

    @Test
    void throughTheSafePathEachBatchIsOneAuditEntryWithItsIdsAndCounts() throws Exception {
        store.insertUnchecked(StoreCollection.MEMORY_ITEMS, StrictJsonParser.parseObject(GOOD_2)); // stored exactly as in the file
        var safe = SafeStorage.wrap(store,
                WriteLock.unlocked(), new Actor("ann", "cli"));
        Path file = write(GOOD_1, GOOD_2, "{\"_id\": \"no-user\", \"item_type\": \"note\"}", GOOD_3,
                "{\"_id\": \"g4\", \"user_id\": \"carol\", \"item_type\": \"note\"}");

        ImportReport report = ImportService.forSafeStorage(safe).importFile(StoreCollection.MEMORY_ITEMS, file,
                ImportOptions.defaults().withBatchSize(2), TransferProgress.NONE);

        assertThat(report.inserted()).isEqualTo(3);
        assertThat(report.unchanged()).isEqualTo(1);
        assertThat(report.rejectedLines()).isEqualTo(1);
        var all = safe.operations().audit().list(PageRequest.first(10)).items();
        assertThat(all).extracting(e -> e.action()).containsExactlyInAnyOrder("import", "import_started", "import",
                "import_started");
        assertThat(all).filteredOn(e -> e.action().equals("import_started"))
                .extracting(e -> e.filter().getArray("_ids").size()).containsExactly(2, 2);
        var entries = all.stream().filter(e -> e.action().equals("import")).toList();
        assertThat(entries).hasSize(2).allSatisfy(e -> {
            assertThat(e.action()).isEqualTo("import");
            assertThat(e.user()).isEqualTo("ann");
            assertThat(e.documentId()).isNull();
        });
        assertThat(entries).extracting(e -> e.count()).containsExactlyInAnyOrder(1L, 2L);
        assertThat(entries).extracting(e -> e.filter().getArray("_ids").size()).containsExactlyInAnyOrder(2, 2);
        assertThat(entries).anySatisfy(e -> assertThat(e.filter().getArray("_ids"))
                .containsExactly(new BsonString("g1"), new BsonString("g2")));
        assertThat(store.count(StoreCollection.MEMORY_ITEMS, DocumentFilter.none()).value()).isEqualTo(4);
    }

    @Test
    void theSafePathRefusesAnImportWhileLockedAndWritesNothing() throws Exception {
        var safe = SafeStorage.wrap(store,
                WriteLock.locked("test"), new Actor("ann", "cli"));
        Path file = write(GOOD_1, GOOD_3);

        assertThatThrownBy(() -> ImportService.forSafeStorage(safe).importFile(StoreCollection.MEMORY_ITEMS, file,
                ImportOptions.defaults(), TransferProgress.NONE))
                .isInstanceOf(ReadOnlyViolationException.class);
        assertThat(store.count(StoreCollection.MEMORY_ITEMS, DocumentFilter.none()).value()).isZero();
        assertThat(store.count(InspectorCollection.AUDIT, DocumentFilter.none()).value()).isZero();
    }

    private ImportReport importFile(Path file, ImportOptions options) {
        return importFile(file, options, TransferProgress.NONE);
    }

    private ImportReport importFile(Path file, ImportOptions options, TransferProgress progress) {
        return importFile(file, options, StoreCollection.MEMORY_ITEMS, progress);
    }

    private ImportReport importFile(Path file, ImportOptions options, StoreCollection collection,
                                    TransferProgress progress) {
        return ImportService.forManager(store).importFile(collection, file, options, progress);
    }

    private Path write(String... lines) throws Exception {
        Path file = Files.createTempFile(dir, "import-", ".jsonl");
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        return file;
    }
}
