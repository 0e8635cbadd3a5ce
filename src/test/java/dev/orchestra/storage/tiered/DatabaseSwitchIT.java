package dev.orchestra.storage.tiered;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.storage.DatabaseSwitching;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.factory.MemoryManagerFactory;
import dev.orchestra.storage.model.ComponentHealth;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.HealthStatus;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.redis.CacheKeys;
import dev.orchestra.storage.testsupport.FaultProxy;
import dev.orchestra.storage.testsupport.MongoTestServer;
import dev.orchestra.storage.testsupport.RedisTestServer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Protocol;

/**
 * Another database over the same connections: the real driver to mongo-java-server behind a counting proxy, Jedis to
 * a redis-server of the test's own (its clients counted with CLIENT LIST). The switch opens no MongoDB and no Redis
 * connection, shows the other database's data, and never answers from (or deletes) the cache of the first.
 */
class DatabaseSwitchIT {
    private MongoTestServer mongo;
    private FaultProxy proxy;
    private RedisTestServer redis;
    private MemoryManager store;
    private String databaseA;
    private String databaseB;

    @BeforeEach
    void open() {
        mongo = MongoTestServer.start();
        proxy = FaultProxy.start(mongo.host(), mongo.port());
        redis = RedisTestServer.openEmbedded();
        databaseA = mongo.uniqueDatabaseName();
        databaseB = mongo.uniqueDatabaseName();
        Map<String, String> env = new HashMap<>(redis.environment());
        env.put("APP_ENV", "staging");
        env.put("MONGODB_URI", proxy.mongoConnectionString());
        env.put("MONGODB_DATABASE", databaseA);
        env.put("STORAGE_TIMEOUT_MS", "3000");
        store = MemoryManagerFactory.create(StorageConfig.fromMap(env));
    }

    @AfterEach
    void close() {
        store.close();
        redis.deleteOwnKeys();
        redis.close();
        proxy.close();
        mongo.close();
    }

    @Test
    void anotherDatabaseUsesTheSameConnectionsAndNeverTheFirstOnesCache() {
        store.addMemoryItem(MemoryItem.of("u1", "s1", MemoryItem.CONVERSATION, "said in A"));
        List<MemoryItem> inA = store.getConversationHistory("u1", "s1", 10, DocumentFilter.NONE);
        assertThat(inA).extracting(MemoryItem::textContent).containsExactly("said in A");
        String historyKey = new CacheKeys(redis.keyPrefix()).history("u1", "s1");
        assertThat(redis.keys()).contains(historyKey); // A's history is cached now
        DatabaseSwitching switching = store.capability(DatabaseSwitching.class).orElseThrow();
        assertThat(switching.database()).isEqualTo(databaseA);
        long mongoConnections = proxy.acceptedConnections();
        long redisClients = redisClients();

        try (MemoryManager other = switching.onDatabase(databaseB)) {
            assertThat(other.getConversationHistory("u1", "s1", 10, DocumentFilter.NONE)).isEmpty();
            other.addMemoryItem(MemoryItem.of("u1", "s1", MemoryItem.CONVERSATION, "said in B"));
            assertThat(other.getConversationHistory("u1", "s1", 10, DocumentFilter.NONE))
                    .extracting(MemoryItem::textContent).containsExactly("said in B");
            assertThat(other.findPage(StoreCollection.MEMORY_ITEMS, DocumentFilter.NONE,
                    PageRequest.first(10)).items()).hasSize(1);
            // B's write deleted nothing of A's cache, and A's cache still answers for A only
            assertThat(redis.keys()).contains(historyKey);
            ComponentHealth redisHealth = other.checkHealth().stream()
                    .filter(c -> c.name().equals(ComponentHealth.REDIS)).findFirst().orElseThrow();
            assertThat(redisHealth.status()).isEqualTo(HealthStatus.DISABLED);
            assertThat(redisHealth.details()).containsEntry(ComponentHealth.NOT_USED_FOR_DATABASE, databaseB);
            assertThat(switching.databaseNames()).contains(databaseA, databaseB);
            assertThat(proxy.acceptedConnections()).isEqualTo(mongoConnections);
            assertThat(redisClients()).isEqualTo(redisClients);
        }

        // closing the other database's store left the shared client and the cache working
        assertThat(store.getConversationHistory("u1", "s1", 10, DocumentFilter.NONE))
                .extracting(MemoryItem::textContent).containsExactly("said in A");
        // counted before the health check: its Redis and MongoDB probes run at once, and the pool may rightly open
        // a second Redis connection for them (it did once in CI), which says nothing about the switch
        assertThat(proxy.acceptedConnections()).isEqualTo(mongoConnections);
        assertThat(redisClients()).isEqualTo(redisClients);
        assertThat(store.checkHealth()).allMatch(ComponentHealth::isUp);
    }

    @Test
    void aNameMongodbDatabaseWouldRefuseIsRefusedAndNothingIsOpened() {
        DatabaseSwitching switching = store.capability(DatabaseSwitching.class).orElseThrow();
        long mongoConnections = proxy.acceptedConnections();
        for (String bad : List.of("a.b", "a/b", "a b", " ")) {
            assertThatThrownBy(() -> switching.onDatabase(bad)).isInstanceOf(StorageValidationException.class)
                    .message().doesNotContain("\n");
        }
        assertThat(proxy.acceptedConnections()).isEqualTo(mongoConnections);
    }

    /** Clients connected to this test's redis-server, the asking connection excluded. */
    private long redisClients() {
        String list = new String((byte[]) redis.client().sendCommand(Protocol.Command.CLIENT, "LIST"),
                StandardCharsets.UTF_8);
        return list.lines().filter(line -> !line.isBlank()).count() - 1;
    }
}
