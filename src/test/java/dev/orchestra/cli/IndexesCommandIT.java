package dev.orchestra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.storage.factory.MemoryManagerFactory;
import dev.orchestra.storage.safety.Actor;
import dev.orchestra.storage.testsupport.DatabaseSnapshot;
import dev.orchestra.storage.testsupport.ForeignDatabase;
import dev.orchestra.storage.testsupport.FollowsTarget;
import dev.orchestra.storage.testsupport.FollowsTarget.Server;
import dev.orchestra.storage.testsupport.MongoTestTarget;
import java.util.List;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code indexes} with its real wiring against the configured MongoDB holding a database another system filled. */
@FollowsTarget(Server.MONGODB)
class IndexesCommandIT {
    private static MongoTestTarget mongo;

    @BeforeAll
    static void start() {
        mongo = MongoTestTarget.open();
    }

    @AfterAll
    static void stop() {
        mongo.close();
    }

    private static CliHarness cliOn(String database, String environment) {
        CliHarness cli = new CliHarness(MemoryManagerFactory::create);
        cli.env.put("APP_ENV", environment);
        cli.env.put("MONGODB_URI", mongo.connectionString());
        cli.env.put("MONGODB_DATABASE", database);
        cli.env.put("STORAGE_TIMEOUT_MS", "3000");
        return cli;
    }

    private static String foreignDatabase() {
        String database = mongo.newDatabaseName();
        ForeignDatabase.fill(mongo.connectionString(), database);
        return database;
    }

    @Test
    void listsEachCollectionsIndexesWithTheirStatusAndCheckExitsOneWhileSomeAreMissing() {
        String database = foreignDatabase();
        CliHarness cli = cliOn(database, "staging");

        var listed = cli.run("indexes");
        var checked = cli.run("indexes", "--check");
        var json = cli.run("indexes", "--json");

        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out()).containsPattern("memory_items\\s+their_user_index\\s+\\{\"user_id\": 1}.*EXTRA")
                .containsPattern("memory_items\\s+user_session_time\\s+.*—\\s+MISSING")
                .contains("7 recommended index(es) missing or conflicting");
        assertThat(checked.exitCode()).isEqualTo(ExitCodes.FAILED);
        BsonDocument report = BsonDocument.parse(json.out());
        assertThat(report.getBoolean("all_recommended_present").getValue()).isFalse();
        assertThat(report.getArray("collections")).hasSize(3);
    }

    @Test
    void createInProductionIsRefusedWithoutAllowWritesAndWritesNothing() {
        String database = foreignDatabase();
        DatabaseSnapshot before = DatabaseSnapshot.of(mongo.connectionString(), database);

        var refused = cliOn(database, "production").run("indexes", "--create-recommended", "--yes");
        var ttlRefused = cliOn(database, "production").run("indexes", "--create-expiration-ttl", "memory_items",
                "--yes");

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(refused.errLine()).contains("read-only").contains("create indexes");
        assertThat(ttlRefused.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(DatabaseSnapshot.of(mongo.connectionString(), database)).isEqualTo(before);
    }

    @Test
    void createRecommendedWithAllowWritesBuildsThemAuditsEachAndThenCheckExitsZero() {
        String database = foreignDatabase();
        CliHarness cli = cliOn(database, "production");

        var created = cli.run("indexes", "--create-recommended", "--allow-writes", "--yes");
        var checked = cli.run("indexes", "--check");
        var audit = cli.run("list", "inspector_audit", "--json", "--limit", "50");

        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).contains("Will create memory_items.user_item_type_time "
                        + "{\"user_id\": 1, \"item_type\": 1, \"timestamp\": -1}: builds over 32 document(s)")
                .contains("loads the server").contains("Created user_sessions.user_session_unique");
        assertThat(checked.exitCode()).as(checked.out()).isZero();
        assertThat(checked.out()).contains("All recommended indexes exist.");
        List<BsonDocument> entries = audit.out().lines().map(BsonDocument::parse).toList();
        assertThat(entries).hasSize(7).allMatch(e -> e.getString("action").getValue().equals("create_index")
                && e.getString("origin").getValue().equals(Actor.CLI));
        assertThat(entries).anyMatch(e -> e.getString("collection").getValue().equals("user_sessions")
                && e.getDocument("after").getBoolean("unique", BsonBoolean.FALSE).getValue());
    }

    @Test
    void createNamedWithoutATerminalNeedsYes() {
        String database = foreignDatabase();
        DatabaseSnapshot before = DatabaseSnapshot.of(mongo.connectionString(), database);
        CliHarness cli = cliOn(database, "staging");

        var unconfirmed = cli.run("indexes", "--create", "memory_items.user_session_time");
        var unknown = cli.run("indexes", "--create", "no_such_index", "--yes");

        assertThat(unconfirmed.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(unconfirmed.errLine()).contains("pass --yes");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.errLine()).contains("Unknown recommended index 'no_such_index'");
        assertThat(DatabaseSnapshot.of(mongo.connectionString(), database)).isEqualTo(before);

        var created = cli.run("indexes", "--create", "memory_items.user_session_time", "--yes");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).contains("Created memory_items.user_session_time");
    }

    @Test
    void theTtlChoiceStatesTheConsequenceAndTheCountAndIsConfirmedByTypingTheCollection() {
        String database = foreignDatabase();
        CliHarness cli = cliOn(database, "staging");
        cli.stdinIsTerminal = true;
        cli.stdin = "yes\n";

        var wrongAnswer = cli.run("indexes", "--create-expiration-ttl", "memory_items");
        cli.stdin = "memory_items\n";
        var confirmed = cli.run("indexes", "--create-expiration-ttl", "memory_items");

        assertThat(wrongAnswer.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(wrongAnswer.out()).contains("without trash, without audit")
                .contains("30 document(s) have an expiration in the past and would be deleted now");
        assertThat(wrongAnswer.err()).contains("Type memory_items to create the TTL index on memory_items.expiration")
                .contains("Not confirmed: nothing created.");
        assertThat(confirmed.exitCode()).as(confirmed.err()).isZero();
        assertThat(confirmed.out()).contains("Created memory_items.expiration_ttl");
        assertThat(cli.run("indexes").out()).containsPattern("memory_items\\s+expiration_ttl\\s+.*EXTRA");
    }
}
