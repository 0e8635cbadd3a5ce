package dev.orchestra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.storage.factory.MemoryManagerFactory;
import dev.orchestra.storage.testsupport.DatabaseSnapshot;
import dev.orchestra.storage.testsupport.ForeignDatabase;
import dev.orchestra.storage.testsupport.FollowsTarget;
import dev.orchestra.storage.testsupport.FollowsTarget.Server;
import dev.orchestra.storage.testsupport.MongoTestTarget;
import dev.orchestra.storage.testsupport.RedisTestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every read-only CLI command, run against a database another system already fills, in each environment that
 * takes a URI: afterwards the collections, their indexes, every document's bytes and the Redis keys are unchanged.
 */
@FollowsTarget({Server.MONGODB, Server.REDIS})
class OpeningChangesNothingCliIT {
    private static MongoTestTarget mongo;
    private static RedisTestServer redis;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        mongo = MongoTestTarget.open();
        redis = RedisTestServer.open();
    }

    @AfterAll
    static void stop() {
        redis.close();
        mongo.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void readOnlyCommandsLeaveTheDatabaseAsTheyFoundIt(String environment) {
        String database = mongo.newDatabaseName();
        ForeignDatabase.fill(mongo.connectionString(), database);
        DatabaseSnapshot before = DatabaseSnapshot.of(mongo.connectionString(), database);
        var keysBefore = redis.keys();
        CliHarness cli = new CliHarness(MemoryManagerFactory::create);
        cli.env.put("APP_ENV", environment);
        cli.env.put("MONGODB_URI", mongo.connectionString());
        cli.env.put("MONGODB_DATABASE", database);
        cli.env.put("STORAGE_TIMEOUT_MS", "3000");
        cli.env.putAll(redis.environment());

        String[][] commands = {
                {"health"}, {"health", "--json"}, {"list", "memory_items"}, {"list", "agent_data", "--json"},
                {"list", "user_sessions"}, {"list", "inspector_trash"}, {"list", "inspector_audit"},
                {"sessions"}, {"sessions", "alice"}, {"sessions", "--scan"}, {"indexes"}, {"indexes", "--json"},
                {"export", "memory_items", "--out", dir.resolve(environment + ".jsonl").toString()}};
        for (String[] command : commands) {
            var result = cli.run(command);
            assertThat(result.exitCode()).as(String.join(" ", command) + ": " + result.err()).isZero();
        }
        var check = cli.run("indexes", "--check"); // the foreign database has none of the recommended indexes
        assertThat(check.exitCode()).as(check.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(check.out()).contains("MISSING");

        DatabaseSnapshot after = DatabaseSnapshot.of(mongo.connectionString(), database);
        assertThat(before.documentCount()).isEqualTo(41);
        assertThat(after.collections()).isEqualTo(before.collections());
        assertThat(after.indexes()).isEqualTo(before.indexes());
        assertThat(after.documentBytes()).isEqualTo(before.documentBytes());
        assertThat(redis.keys()).isEqualTo(keysBefore);
    }
}
