package dev.orchestra.storage.tiered;

import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.MemoryManagerContract;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.mongo.MongoMemoryManager;
import dev.orchestra.storage.redis.RedisCache;
import dev.orchestra.storage.testsupport.MongoTestTarget;
import dev.orchestra.storage.testsupport.redis.RedisFixture;
import java.time.Duration;
import org.bson.BsonDocument;

/**
 * The whole contract on MongoDB + Redis of one deployment shape: the cache must never change an answer, whether its
 * keys sit on one node, behind Sentinel or across the masters of a cluster. One database and key prefix per test.
 */
abstract class TieredOnShapeContract extends MemoryManagerContract {
    private static MongoTestTarget mongo;
    private static RedisFixture redis;
    private String databaseName;

    static void startServers(RedisFixture.Shape shape) {
        mongo = MongoTestTarget.open();
        redis = RedisFixture.start(shape);
    }

    static void stopServers() {
        redis.close();
        mongo.close();
    }

    @Override
    protected MemoryManager createManager() {
        databaseName = mongo.newDatabaseName();
        var store = new MongoMemoryManager(mongo.connectionString(), databaseName, Duration.ofSeconds(5));
        return new TieredMemoryManager(store, new RedisCache(redis.settings(databaseName, Duration.ofMinutes(5))));
    }

    @Override
    public void insertForeign(StoreCollection collection, BsonDocument document) {
        mongo.rawClient().getDatabase(databaseName).getCollection(collection.collectionName(), BsonDocument.class)
                .insertOne(document);
    }
}
