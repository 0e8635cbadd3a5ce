package dev.orchestra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.factory.MemoryManagerFactory;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.redis.CacheKeys;
import dev.orchestra.storage.testsupport.MongoTestServer;
import dev.orchestra.storage.testsupport.RedisTestServer;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A write command whose cache keys Redis did not delete says so and exits non-zero, naming the keys (the journal
 * that would delete them later ends with the process).
 */
class CacheNotCleanedCliIT {
    private static final String PASSWORD = "right-pass-1";

    private MongoTestServer mongo;
    private RedisTestServer redis;

    @AfterEach
    void stop() {
        if (redis != null) {
            if (!redis.isRunning()) {
                redis.start();
            }
            redis.close();
        }
        if (mongo != null) {
            mongo.close();
        }
    }

    @Test
    void deleteSessionWithAWrongRedisPasswordSaysTheCacheIsNotCleanedAndExitsNonZero() {
        mongo = MongoTestServer.start();
        redis = RedisTestServer.openEmbedded(PASSWORD);
        String db = mongo.uniqueDatabaseName();
        String historyKey;
        try (MemoryManager store = MemoryManagerFactory.create(StorageConfig.fromMap(env(db, PASSWORD)))) {
            seed(store, "alice", "s1", 3);
            assertThat(store.getConversationHistory("alice", "s1", 10, null)).hasSize(3); // fills the cache
            historyKey = new CacheKeys(redis.keyPrefix()).history("alice", "s1");
            assertThat(redis.client().exists(historyKey)).as("cached before the delete").isTrue();
        }
        CliHarness cli = new CliHarness(MemoryManagerFactory::create);
        cli.env.putAll(env(db, "wrong-pass-2"));

        var result = cli.run("delete-session", "alice", "s1", "--yes");

        assertThat(result.out()).contains("Deleted 3 memory items");
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.CACHE_NOT_CLEANED);
        assertThat(result.err()).contains("CACHE NOT CLEANED").contains(historyKey)
                .doesNotContain("wrong-pass-2").doesNotContain(PASSWORD);
        assertThat(redis.client().exists(historyKey)).as("Redis refused us: the key is still there").isTrue();
    }

    @Test
    void deleteSessionWhileRedisIsDownSaysTheCacheIsNotCleanedAndExitsNonZero() {
        mongo = MongoTestServer.start();
        redis = RedisTestServer.openEmbedded();
        String db = mongo.uniqueDatabaseName();
        String historyKey = new CacheKeys(redis.keyPrefix()).history("bob", "s2");
        try (MemoryManager store = MemoryManagerFactory.create(StorageConfig.fromMap(env(db, null)))) {
            seed(store, "bob", "s2", 2);
            store.getConversationHistory("bob", "s2", 10, null);
        }
        assertThat(redis.client().exists(historyKey)).isTrue();
        CliHarness cli = new CliHarness(MemoryManagerFactory::create);
        cli.env.putAll(env(db, null));

        redis.stop();
        var result = cli.run("delete-session", "bob", "s2", "--yes");

        assertThat(result.out()).contains("Deleted 2 memory items");
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.CACHE_NOT_CLEANED);
        assertThat(result.err()).contains("CACHE NOT CLEANED").contains(historyKey);
    }

    private Map<String, String> env(String database, String redisPassword) {
        Map<String, String> env = new HashMap<>(redis.environment());
        env.put("APP_ENV", "staging");
        env.put("MONGODB_URI", mongo.connectionString());
        env.put("MONGODB_DATABASE", database);
        env.put("STORAGE_TIMEOUT_MS", "1500");
        if (redisPassword != null) {
            env.put("REDIS_PASSWORD", redisPassword);
        }
        return env;
    }

    private static void seed(MemoryManager store, String user, String session, int n) {
        for (int i = 0; i < n; i++) {
            store.insert(StoreCollection.MEMORY_ITEMS, new BsonDocument("_id", new BsonString(user + session + i))
                    .append("user_id", new BsonString(user)).append("session_id", new BsonString(session))
                    .append("item_type", new BsonString("conversation"))
                    .append("text_content", new BsonString("message " + i))
                    .append("timestamp", new BsonDateTime(Instant.now().toEpochMilli() + i)));
        }
    }
}
