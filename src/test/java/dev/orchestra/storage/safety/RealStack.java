package dev.orchestra.storage.safety;

import dev.orchestra.storage.mongo.MongoMemoryManager;
import dev.orchestra.storage.redis.RedisCache;
import dev.orchestra.storage.redis.RedisCacheSettings;
import dev.orchestra.storage.testsupport.MongoTestTarget;
import dev.orchestra.storage.testsupport.RedisTestServer;
import dev.orchestra.storage.tiered.TieredMemoryManager;
import java.time.Duration;

/**
 * The production stack for integration tests: the real driver against the configured MongoDB ({@link MongoTestTarget}: a
 * database of its own), a real redis-server (a key prefix of its own), the tiered manager, the write gate and the safe
 * operations on top.
 */
final class RealStack implements AutoCloseable {
    final MongoMemoryManager mongo;
    final RedisCache cache;
    final TieredMemoryManager tiered;
    final SafeStorage storage;
    final String databaseName;

    RealStack(MongoTestTarget mongoServer, RedisTestServer redisServer) {
        this(mongoServer, new RedisCacheSettings(redisServer.host(), redisServer.port(),
                redisServer.password(), redisServer.tls(), redisServer.keyPrefix(), Duration.ofMinutes(10),
                Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(100)));
    }

    /** The stack on any Redis deployment (one node, Sentinel, cluster). */
    RealStack(MongoTestTarget mongoServer, RedisCacheSettings redis) {
        this.databaseName = mongoServer.newDatabaseName();
        this.mongo = new MongoMemoryManager(mongoServer.connectionString(), databaseName, Duration.ofSeconds(5));
        this.cache = new RedisCache(redis);
        this.tiered = new TieredMemoryManager(mongo, cache);
        tiered.initialize();
        this.storage = SafeStorage.wrap(tiered, WriteLock.unlocked(), new Actor("it-user", "integration-test"));
    }

    SafeOperations operations() {
        return storage.operations();
    }

    /** A second, independent client of the same database: "someone else" changing data meanwhile. */
    MongoMemoryManager anotherClient(MongoTestTarget mongoServer) {
        var other = new MongoMemoryManager(mongoServer.connectionString(), databaseName, Duration.ofSeconds(5));
        other.initialize();
        return other;
    }

    @Override
    public void close() {
        tiered.close();
    }
}
