package dev.orchestra.storage.tiered;

import static dev.orchestra.storage.ContractFixtures.T0;
import static dev.orchestra.storage.ContractFixtures.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.MemoryManagerContract;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.mongo.MongoMemoryManager;
import dev.orchestra.storage.testsupport.FollowsTarget;
import dev.orchestra.storage.testsupport.FollowsTarget.Server;
import dev.orchestra.storage.testsupport.MongoTestTarget;
import dev.orchestra.storage.testsupport.RedisTestServer;
import java.time.Duration;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contract on MongoDB + Redis: the cache must never change an answer. One database and key prefix per test. */
@FollowsTarget({Server.MONGODB, Server.REDIS})
class TieredMemoryManagerContractIT extends MemoryManagerContract {
    private static MongoTestTarget mongo;
    private static RedisTestServer redis;
    private String databaseName;

    @BeforeAll
    static void startServers() {
        mongo = MongoTestTarget.open();
        redis = RedisTestServer.open();
    }

    @AfterAll
    static void stopServers() {
        redis.close();
        mongo.close();
    }

    @Override
    protected MemoryManager createManager() {
        databaseName = mongo.newDatabaseName();
        var store = new MongoMemoryManager(mongo.connectionString(), databaseName, Duration.ofSeconds(5));
        return new TieredMemoryManager(store, TieredTestSupport.cacheOn(redis, databaseName, Duration.ofMinutes(5)));
    }

    @Override
    public void insertForeign(StoreCollection collection, BsonDocument document) {
        mongo.rawClient().getDatabase(databaseName).getCollection(collection.collectionName(), BsonDocument.class)
                .insertOne(document);
    }

    @Test
    void repeatedHistoryReadsAreServedByRedisAndReportRedisHealth() {
        manager.addMemoryItem(item("u1", "s1", "conversation", "hi", T0));
        manager.getConversationHistory("u1", "s1", 10, null);
        manager.getConversationHistory("u1", "s1", 10, null);

        var cache = ((TieredMemoryManager) manager).cache().orElseThrow();
        assertThat(cache.statistics().hits()).isEqualTo(1);
        assertThat(manager.getConversationHistory("u1", "s1", 1, null)).extracting(MemoryItem::textContent)
                .containsExactly("hi");
        assertThat(manager.checkHealth()).extracting(h -> h.name() + "=" + h.isUp())
                .containsExactly("storage_mongodb=true", "storage_redis=true");
    }
}
