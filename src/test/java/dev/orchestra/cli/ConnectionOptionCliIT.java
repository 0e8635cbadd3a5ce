package dev.orchestra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.connections.ConnectionStore;
import dev.orchestra.connections.RedisSettings;
import dev.orchestra.connections.SavedConnection;
import dev.orchestra.storage.config.AppEnvironment;
import dev.orchestra.storage.testsupport.DatabaseSnapshot;
import dev.orchestra.storage.testsupport.ForeignDatabase;
import dev.orchestra.storage.testsupport.MongoTestServer;
import dev.orchestra.storage.testsupport.RedisTestServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --connection NAME} end to end: the real store opener, the driver to mongo-java-server and Jedis to a
 * password-protected redis-server, the password from the environment; reading writes nothing.
 */
class ConnectionOptionCliIT {
    private static final String REDIS_PASSWORD = "cli-redis-" + System.nanoTime();
    private static MongoTestServer mongo;
    private static RedisTestServer redis;

    @TempDir
    Path home;

    @BeforeAll
    static void start() {
        mongo = MongoTestServer.start();
        redis = RedisTestServer.openEmbedded(REDIS_PASSWORD);
    }

    @AfterAll
    static void stop() {
        redis.close();
        mongo.close();
    }

    @Test
    void aSavedConnectionIsReadWithThePasswordFromTheEnvironmentAndNothingChanges() {
        String database = mongo.uniqueDatabaseName();
        ForeignDatabase.fill(mongo.connectionString(), database);
        DatabaseSnapshot before = DatabaseSnapshot.of(mongo.connectionString(), database);
        List<String> keysBefore = redis.keys();
        CliHarness cli = new CliHarness(AppLogging::openStore);
        cli.connections = new ConnectionStore(home.resolve("connections.json"));
        cli.connections.save(List.of(SavedConnection.of("it", AppEnvironment.PRODUCTION, mongo.connectionString(),
                database, RedisSettings.standalone(redis.host(), redis.port(), redis.keyPrefix()))
));
        cli.env.put("REDIS_PASSWORD", REDIS_PASSWORD);

        CliHarness.Result list = cli.run("list", "memory_items", "--connection", "it", "-n", "5");
        CliHarness.Result health = cli.run("--connection", "it", "health", "--json");

        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains("alice");
        assertThat(health.exitCode()).as(health.out()).isZero();
        assertThat(health.out()).contains("\"environment\"").contains("production");
        assertThat(list.err() + list.out() + health.out()).doesNotContain(REDIS_PASSWORD);
        DatabaseSnapshot after = DatabaseSnapshot.of(mongo.connectionString(), database);
        assertThat(after.collections()).isEqualTo(before.collections());
        assertThat(after.indexes()).isEqualTo(before.indexes());
        assertThat(after.documentBytes()).isEqualTo(before.documentBytes());
        assertThat(redis.keys()).isEqualTo(keysBefore);
    }
}
