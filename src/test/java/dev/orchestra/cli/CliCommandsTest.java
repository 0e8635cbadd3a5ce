package dev.orchestra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.storage.error.StorageConnectionException;
import dev.orchestra.storage.inmemory.InMemoryMemoryManager;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.InspectorCollection;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.transfer.EveryBsonType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command in-process against the in-memory store: arguments, output, exit codes, one-line errors. */
class CliCommandsTest {
    @TempDir
    Path dir;

    private InMemoryMemoryManager store;
    private CliHarness cli;

    @BeforeEach
    void setUp() {
        store = new InMemoryMemoryManager();
        cli = CliHarness.sharing(store);
        for (int n = 0; n < 3; n++) {
            store.insert(StoreCollection.MEMORY_ITEMS, EveryBsonType.memoryItem(new BsonString("a" + n), "alice", "s1", n));
        }
        store.insert(StoreCollection.MEMORY_ITEMS, EveryBsonType.memoryItem(new BsonString("b0"), "bob", "s9", 7));
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "health", "serve-health", "export", "import", "list", "sessions", "delete-session",
            "purge-expired", "undo", "generate"})
    void helpWorksEverywhere(String command) {
        var result = command.isEmpty() ? cli.run("--help") : cli.run(command, "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Usage: orchestra-inspector" + (command.isEmpty() ? "" : " " + command));
        assertThat(result.err()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"export", "list", "import"})
    void unknownCollectionIsOneLineAndExitCodeTwo(String command) {
        var result = command.equals("import") ? cli.run(command, "memories", "x.jsonl") : cli.run(command, "memories");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).hasLineCount(1)
                .contains("orchestra-inspector " + command + ":", "Unknown collection 'memories'", "memory_items");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void noCommandAndUnknownOptionsAreUsageErrors() {
        assertThat(cli.run().exitCode()).isEqualTo(ExitCodes.USAGE);
        var unknown = cli.run("list", "memory_items", "--colour");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).hasLineCount(1).contains("--colour");
        var badTime = cli.run("list", "memory_items", "--from", "last tuesday");
        assertThat(badTime.err()).hasLineCount(1).contains("'last tuesday' is not a time");
    }

    @Test
    void filterThatDoesNotApplyToTheCollectionIsRefused() {
        var result = cli.run("list", "memory_items", "--agent", "planner");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).hasLineCount(1).contains("agent");
    }

    @Test
    void javascriptFiltersAreRefused() {
        var result = cli.run("export", "memory_items", "--filter", "{\"$where\": \"sleep(1000)\"}");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).hasLineCount(1).contains("$where is not allowed");
    }

    @Test
    void aFilterWithTrailingTextOrTooDeepIsOneLineUsageError() {
        var trailing = cli.run("list", "memory_items", "--filter", "{\"user_id\":\"x\"} trailing garbage");
        assertThat(trailing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(trailing.err()).hasLineCount(1).contains("--filter is not a valid filter", "'trailing'");

        String deep = "{\"a\": ".repeat(10_000) + "1" + "}".repeat(10_000);
        var nested = cli.run("export", "memory_items", "--filter", deep);
        assertThat(nested.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(nested.err()).hasLineCount(1).contains("nested deeper than 100 levels")
                .doesNotContain("StackOverflowError");
    }

    @Test
    void exportToStdoutWritesOneDocumentPerLineAndASummaryOnStderr() {
        var result = cli.run("export", "memory_items", "--user", "alice");

        assertThat(result.exitCode()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines).allSatisfy(line -> assertThat(BsonDocument.parse(line).getString("user_id").getValue())
                .isEqualTo("alice"));
        assertThat(result.err()).contains("Exported 3 documents from memory_items");
    }

    @Test
    void exportToFileInfersCsvFromTheExtension() throws Exception {
        Path csv = dir.resolve("items.csv");

        var result = cli.run("export", "memory_items", "--out", csv.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(Files.readAllLines(csv).get(0)).startsWith("_id,user_id,session_id,timestamp");
    }

    @Test
    void unwritableOutputPathIsOneLineBeforeAnythingIsRead() {
        CliHarness failing = new CliHarness(config -> {
            throw new AssertionError("the store must not be opened");
        });
        Path missingDir = dir.resolve("no/such/dir/out.jsonl");

        var result = failing.run("export", "memory_items", "--out", missingDir.toString());
        var directory = failing.run("export", "memory_items", "--out", dir.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err()).hasLineCount(1).contains("Cannot write", "does not exist");
        assertThat(directory.err()).hasLineCount(1).contains("it is a directory");
    }

    @Test
    void importReportsBadLinesByNumberAndExitsThree() throws Exception {
        Path file = dir.resolve("in.jsonl");
        Files.write(file, List.of(
                "{\"_id\": \"n1\", \"user_id\": \"carol\", \"item_type\": \"note\"}",
                "{\"_id\": \"n2\", \"item_type\": \"note\"}",
                "not json",
                "{\"_id\": \"n3\", \"user_id\": \"carol\", \"item_type\": \"note\"}"));

        var result = cli.run("import", "memory_items", file.toString(), "--batch", "1");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(result.err()).contains("line 2: Missing required field 'user_id'", "line 3: invalid JSON");
        assertThat(result.out()).contains("4 lines, 2 valid, 2 rejected", "2 inserted");
        assertThat(store.count(StoreCollection.MEMORY_ITEMS, DocumentFilter.forUser("carol")).value()).isEqualTo(2);
        // an import is audited like any other insert: each batch before (import_started) and after (import)
        assertThat(store.count(InspectorCollection.AUDIT, DocumentFilter.none()).value()).isEqualTo(4);
    }

    @Test
    void theInspectorsOwnCollectionsAreListedAndExportedButNotImportedInto() throws Exception {
        store.insert(InspectorCollection.AUDIT, new BsonDocument("action", new BsonString("insert"))
                .append("collection", new BsonString("memory_items")));
        Path file = dir.resolve("entry.jsonl");
        Files.writeString(file, "{\"action\": \"insert\", \"collection\": \"memory_items\"}\n");

        var listed = cli.run("list", "inspector_audit");
        var exported = cli.run("export", "inspector_audit");
        var imported = cli.run("import", "inspector_audit", file.toString(), "--allow-writes");
        var unknown = cli.run("list", "memories");

        assertThat(listed.exitCode()).isZero();
        assertThat(listed.out().lines()).hasSize(2).first().asString().contains("action", "collection");
        assertThat(exported.exitCode()).isZero();
        assertThat(exported.out().lines()).hasSize(1).first().asString().contains("\"memory_items\"");
        assertThat(imported.exitCode()).isNotZero();
        assertThat(imported.err()).hasLineCount(1).contains("Cannot import into inspector_audit",
                "inspector's own collection");
        assertThat(store.count(InspectorCollection.AUDIT, DocumentFilter.none()).value()).isEqualTo(1);
        assertThat(unknown.err()).contains("Known: memory_items, agent_data, user_sessions, inspector_trash, "
                + "inspector_audit");
    }

    @Test
    void importDryRunWritesNothingAndAMissingFileIsOneLine() throws Exception {
        Path file = dir.resolve("ok.jsonl");
        Files.writeString(file, "{\"user_id\": \"dan\", \"item_type\": \"note\"}\n");

        var dry = cli.run("import", "memory_items", file.toString(), "--dry-run");
        var missing = cli.run("import", "memory_items", dir.resolve("nope.jsonl").toString());

        assertThat(dry.exitCode()).isZero();
        assertThat(dry.out()).contains("Dry run: nothing written.");
        assertThat(store.count(StoreCollection.MEMORY_ITEMS, DocumentFilter.forUser("dan")).value()).isZero();
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(missing.err()).hasLineCount(1).contains("no such file");
    }

    @Test
    void readOnlyConfigurationRefusesImportAndDeletes() throws Exception {
        cli.env.put("INSPECTOR_READ_ONLY", "true");
        Path file = dir.resolve("ok.jsonl");
        Files.writeString(file, "{\"user_id\": \"dan\", \"item_type\": \"note\"}\n");

        var imported = cli.run("import", "memory_items", file.toString(), "--allow-writes");
        var deleted = cli.run("delete-session", "alice", "s1", "--yes");

        assertThat(imported.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(imported.err()).hasLineCount(1).contains("read-only");
        assertThat(deleted.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(deleted.err()).hasLineCount(1).contains("read-only");
        assertThat(store.count(StoreCollection.MEMORY_ITEMS, DocumentFilter.none()).value()).isEqualTo(4);
    }

    @Test
    void aBareToDateIncludesThatWholeDay() {
        store.insert(StoreCollection.MEMORY_ITEMS, new BsonDocument("_id", new BsonString("evening"))
                .append("user_id", new BsonString("dora")).append("item_type", new BsonString("note"))
                .append("timestamp", new BsonDateTime(Instant.parse("2024-05-01T18:00:00Z").toEpochMilli())));

        var throughTheDay = cli.run("list", "memory_items", "--user", "dora", "--to", "2024-05-01");
        var untilMidnight = cli.run("list", "memory_items", "--user", "dora", "--to", "2024-05-01T00:00:00Z");
        var fromTheDay = cli.run("list", "memory_items", "--user", "dora", "--from", "2024-05-01");

        assertThat(throughTheDay.exitCode()).isZero();
        assertThat(throughTheDay.out().lines()).hasSize(2).last().asString().startsWith("evening");
        assertThat(untilMidnight.out().lines()).hasSize(1);
        assertThat(fromTheDay.out().lines()).hasSize(2);
    }

    @Test
    void listAndSessionsShowTables() {
        var list = cli.run("list", "memory_items", "--user", "alice", "--limit", "2");
        var sessions = cli.run("sessions", "alice");
        var scanned = cli.run("sessions", "--scan", "alice");

        assertThat(list.exitCode()).isZero();
        assertThat(list.out().lines()).hasSize(3).first().asString().startsWith("_id");
        assertThat(list.err()).contains("more match");
        // alice's s1 has items but no user_sessions record: only the scan finds it
        assertThat(sessions.exitCode()).isZero();
        assertThat(sessions.out()).doesNotContain("s1");
        assertThat(scanned.exitCode()).isZero();
        assertThat(scanned.out()).contains("s1").doesNotContain("s9");
        assertThat(scanned.out().lines().skip(1).findFirst().orElseThrow()).contains("alice", "s1", "3", "items only");
        assertThat(scanned.err()).contains("scanned 3 of ~3 memory items");
    }

    @Test
    void deleteSessionWithoutATerminalRefusesUnlessYes() {
        var refused = cli.run("delete-session", "alice", "s1");

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(refused.err()).hasLineCount(1).contains("without confirmation", "--yes");
        assertThat(store.count(StoreCollection.MEMORY_ITEMS, DocumentFilter.forUser("alice")).value()).isEqualTo(3);

        var deleted = cli.run("delete-session", "alice", "s1", "--yes");

        assertThat(deleted.exitCode()).isZero();
        assertThat(deleted.out()).contains("Deleted 3 memory items", "undo token");
        assertThat(store.count(StoreCollection.MEMORY_ITEMS, DocumentFilter.forUser("alice")).value()).isZero();
        assertThat(store.count(InspectorCollection.TRASH, DocumentFilter.none()).value()).isEqualTo(3);

        String token = deleted.out().replaceAll("(?s).*undo token: ([^)]+)\\).*", "$1").strip();
        var undone = cli.run("undo", token);
        assertThat(undone.exitCode()).isZero();
        assertThat(store.count(StoreCollection.MEMORY_ITEMS, DocumentFilter.forUser("alice")).value()).isEqualTo(3);
    }

    @Test
    void deleteSessionOnATerminalAsksForTheSessionId() {
        cli.stdinIsTerminal = true;
        cli.stdin = "wrong\n";
        var declined = cli.run("delete-session", "alice", "s1");
        cli.stdin = "s1\n";
        var confirmed = cli.run("delete-session", "alice", "s1");

        assertThat(declined.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(declined.err()).contains("Type s1 to delete session 's1'", "Not confirmed");
        assertThat(confirmed.exitCode()).isZero();
        assertThat(store.count(StoreCollection.MEMORY_ITEMS, DocumentFilter.forUser("alice")).value()).isZero();
    }

    @Test
    void deletingAnUnknownSessionSaysSo() {
        var result = cli.run("delete-session", "alice", "nope", "--yes");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err()).hasLineCount(1).contains("no session 'nope' of user 'alice'");
    }

    @Test
    void purgeExpiredTrashesOnlyExpiredDocuments() {
        BsonDocument expired = EveryBsonType.memoryItem(new BsonString("old"), "eve", "s", 1);
        expired.put("expiration", new BsonDateTime(Instant.now().minusSeconds(60).toEpochMilli()));
        BsonDocument later = EveryBsonType.memoryItem(new BsonString("new"), "eve", "s", 2);
        later.put("expiration", new BsonDateTime(Instant.now().plusSeconds(3600).toEpochMilli()));
        store.insert(StoreCollection.MEMORY_ITEMS, expired);
        store.insert(StoreCollection.MEMORY_ITEMS, later);

        var dry = cli.run("purge-expired", "--dry-run");
        var refused = cli.run("purge-expired");
        var purged = cli.run("purge-expired", "--yes");

        assertThat(dry.out()).contains("memory_items: 1 expired", "Dry run");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(purged.exitCode()).isZero();
        assertThat(purged.out()).contains("Purged 1 expired documents from memory_items");
        assertThat(store.findById(StoreCollection.MEMORY_ITEMS, new BsonString("old"))).isEmpty();
        assertThat(store.findById(StoreCollection.MEMORY_ITEMS, new BsonString("new"))).isPresent();
        assertThat(store.count(InspectorCollection.TRASH, DocumentFilter.none()).value()).isEqualTo(1);
    }

    @Test
    void importAsIsRestoresAnExportTheSchemaRefuses() throws Exception {
        Path file = dir.resolve("backup.jsonl");
        Files.write(file, List.of("{\"_id\": \"old\", \"user_id\": \"carol\", \"item_type\": \"note\", "
                + "\"timestamp\": {\"$numberLong\": \"1700000000000\"}}"));

        var refused = cli.run("import", "memory_items", file.toString());
        var restored = cli.run("import", "memory_items", file.toString(), "--as-is");

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(refused.err()).contains("line 1: 'timestamp' must be a date");
        assertThat(restored.exitCode()).as(restored.err()).isZero();
        assertThat(restored.out()).contains("1 inserted");
        assertThat(store.findById(StoreCollection.MEMORY_ITEMS, new BsonString("old")).orElseThrow()
                .isInt64("timestamp")).isTrue();
        assertThat(store.count(InspectorCollection.AUDIT, DocumentFilter.none()).value()).isEqualTo(2);
    }

    @Test
    void generateWritesThroughTheSafePathAndTheSameSeedReplacesInsteadOfAdding() {
        var refused = cli.run("generate", "--items", "80");
        var outOfRange = cli.run("generate", "--items", "0", "--yes");
        var generated = cli.run("generate", "--items", "80", "--yes");
        long auditAfterFirst = store.count(InspectorCollection.AUDIT, DocumentFilter.none()).value();
        var again = cli.run("generate", "--items", "80", "--yes");
        long afterSameSeed = store.count(StoreCollection.MEMORY_ITEMS, DocumentFilter.none()).value();
        var otherSeed = cli.run("generate", "--items", "80", "--seed", "2", "--yes");

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(refused.err()).contains("--yes");
        assertThat(outOfRange.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(outOfRange.err()).hasLineCount(1).contains("--items must be between 1 and");
        assertThat(generated.exitCode()).as(generated.err() + generated.out()).isZero();
        assertThat(generated.out()).contains("80 memory items", "8 agent data", "2 sessions");
        assertThat(again.exitCode()).isZero();
        assertThat(afterSameSeed).isEqualTo(4 + 80);
        assertThat(otherSeed.exitCode()).isZero();
        assertThat(store.count(StoreCollection.MEMORY_ITEMS, DocumentFilter.none()).value()).isEqualTo(4 + 160);
        assertThat(store.count(StoreCollection.AGENT_DATA, DocumentFilter.none()).value()).isEqualTo(16);
        assertThat(store.count(StoreCollection.MEMORY_ITEMS, DocumentFilter.forUser("generated-user-0")).value())
                .isPositive();
        assertThat(auditAfterFirst).as("two audit entries per batch and collection: before and after").isEqualTo(6);
    }

    @Test
    void generateAgainWithMoreItemsAddsOnlyTheRest() {
        var small = cli.run("generate", "--items", "200", "--yes");
        var larger = cli.run("generate", "--items", "400", "--yes");

        assertThat(small.exitCode()).as(small.err()).isZero();
        assertThat(larger.exitCode()).as(larger.err()).isZero();
        assertThat(larger.err()).doesNotContain("refused");
        assertThat(store.count(StoreCollection.MEMORY_ITEMS, DocumentFilter.none()).value()).isEqualTo(4 + 400);
        assertThat(store.count(StoreCollection.USER_SESSIONS, DocumentFilter.forUser("generated-user-0")).value())
                .isEqualTo(5);
    }

    @Test
    void generateIsRefusedWhereTheConfigurationIsReadOnly() {
        cli.env.put("INSPECTOR_READ_ONLY", "true");

        var refused = cli.run("generate", "--items", "10", "--yes", "--allow-writes");

        assertThat(refused.exitCode()).as(refused.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(refused.err()).hasLineCount(1).contains("read-only");
        assertThat(store.count(StoreCollection.MEMORY_ITEMS, DocumentFilter.none()).value()).isEqualTo(4);
    }

    @Test
    void healthFollowsTheStoreAndPrintsJson() {
        var ok = cli.run("health", "--json");
        store.simulateOutage(true);
        var down = cli.run("health");

        assertThat(ok.exitCode()).isZero();
        assertThat(BsonDocument.parse(ok.out()).getString("status").getValue()).isEqualTo("ok");
        assertThat(down.exitCode()).isEqualTo(2);
        assertThat(down.out()).startsWith("status: error");
    }

    @Test
    void errorsNeverShowCredentials() {
        CliHarness failing = new CliHarness(config -> {
            throw new StorageConnectionException(
                    "Cannot reach mongodb://admin:hunter2@db.example:27017 (password=hunter2)");
        });

        var result = failing.run("list", "memory_items");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err()).hasLineCount(1).doesNotContain("hunter2").contains("db.example");
    }
}
