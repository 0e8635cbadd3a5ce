package dev.orchestra.connections;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.orchestra.storage.config.AppEnvironment;
import dev.orchestra.storage.testsupport.MongoTestServer;
import dev.orchestra.storage.testsupport.RedisTestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Test connection against real servers: the driver to mongo-java-server, Jedis to a password-protected redis. */
class ConnectionTesterIT {
    private static final String REDIS_PASSWORD = "redis-pw-" + System.nanoTime();
    private static MongoTestServer mongo;
    private static RedisTestServer redis;
    private final ConnectionTester tester = new ConnectionTester(Duration.ofSeconds(2));

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

    private static SavedConnection connection(String mongoUri, String redisPassword) {
        RedisSettings cache = RedisSettings.standalone(redis.host(), redis.port(), null)
                .withPasswords(redisPassword, null);
        return SavedConnection.of("it", AppEnvironment.STAGING, mongoUri, mongo.uniqueDatabaseName(), cache);
    }

    @Test
    void bothAnswerWithVersionAndLatencyAndTheDatabasesAreListed() {
        String database = mongo.uniqueDatabaseName();
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            client.getDatabase(database).getCollection("memory_items").insertOne(new Document("_id", "listed"));
        }
        ConnectionTester.Result result = tester.test(connection(mongo.connectionString(), REDIS_PASSWORD)
                .toStorageConfig(Map.of()));

        assertThat(result.ok()).isTrue();
        assertThat(result.mongo().summary()).matches("MongoDB \\S+ answered in \\d+ ms");
        assertThat(result.redis().summary()).matches("Redis \\S+ answered in \\d+ ms");
        assertThat(result.databases()).contains(database);
    }

    @Test
    void aWrongRedisPasswordIsSaidInOneLineWithoutThePassword() {
        ConnectionTester.Result result = tester.test(connection(mongo.connectionString(), "wrong-" + REDIS_PASSWORD)
                .toStorageConfig(Map.of()));

        assertThat(result.mongo().ok()).isTrue();
        assertThat(result.redis().ok()).isFalse();
        assertThat(result.redis().summary()).isEqualTo("wrong user name or password");
    }

    @Test
    void aClosedLoopbackPortIsUnreachableForBoth() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        SavedConnection c = SavedConnection.of("it", AppEnvironment.STAGING,
                "mongodb://reader:mongo-secret@127.0.0.1:" + closed + "/", "db",
                RedisSettings.standalone("127.0.0.1", closed, null).withPasswords("redis-secret", null));

        ConnectionTester.Result result = tester.test(c.toStorageConfig(Map.of()));

        assertThat(result.mongo().ok()).isFalse();
        assertThat(result.redis().ok()).isFalse();
        assertThat(result.mongo().summary()).isEqualTo("host unreachable (connection refused or no such host)");
        assertThat(result.redis().summary()).isEqualTo("host unreachable (connection refused or no such host)");
        assertThat(result.databases()).isEmpty();
    }
}
