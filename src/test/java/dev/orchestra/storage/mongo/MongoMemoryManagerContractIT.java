package dev.orchestra.storage.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.MemoryManagerContract;
import dev.orchestra.storage.model.CollectionRef;
import dev.orchestra.storage.model.InspectorCollection;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.testsupport.FollowsTarget;
import dev.orchestra.storage.testsupport.FollowsTarget.Server;
import dev.orchestra.storage.testsupport.MongoTestTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import dev.orchestra.storage.error.StorageOperationException;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract through the real driver, one fresh database per test: against mongo-java-server in-process, or the
 * MongoDB named by MONGODB_URI (run_integration_tests.sh).
 */
@FollowsTarget(Server.MONGODB)
class MongoMemoryManagerContractIT extends MemoryManagerContract {
    private static MongoTestTarget target;
    private static MongoClient rawClient;
    private String databaseName;

    @BeforeAll
    static void startServer() {
        target = MongoTestTarget.open();
        rawClient = target.rawClient();
    }

    @AfterAll
    static void stopServer() {
        target.close();
    }

    @Override
    protected MemoryManager createManager() {
        databaseName = target.newDatabaseName();
        var mongo = new MongoMemoryManager(target.connectionString(), databaseName, Duration.ofSeconds(5));
        mongo.createRecommendedIndexes(); // as a service does at its start-up (the unique session index)
        return mongo;
    }

    @Override
    public void insertForeign(StoreCollection collection, BsonDocument document) {
        rawClient.getDatabase(databaseName).getCollection(collection.collectionName(), BsonDocument.class)
                .insertOne(document);
    }

    @Test
    void aSecondSessionRecordIsRefusedEvenWithoutTheUniqueIndex() {
        String empty = target.newDatabaseName();
        try (var fresh = new MongoMemoryManager(target.connectionString(), empty, Duration.ofSeconds(5))) {
            BsonDocument record = new BsonDocument("user_id", new BsonString("u"))
                    .append("session_id", new BsonString("s"));
            fresh.insert(StoreCollection.USER_SESSIONS, record.clone());

            assertThatThrownBy(() -> fresh.insert(StoreCollection.USER_SESSIONS, record.clone()))
                    .isInstanceOf(StorageOperationException.class);
        }
        assertThat(rawClient.getDatabase(empty).getCollection("user_sessions").countDocuments()).isEqualTo(1);
    }

    @Test
    void initializeWritesNothing() {
        String empty = target.newDatabaseName();
        try (var fresh = new MongoMemoryManager(target.connectionString(), empty, Duration.ofSeconds(5))) {
            fresh.initialize();
            fresh.initialize();
        }

        assertThat(rawClient.getDatabase(empty).listCollectionNames().into(new ArrayList<>())).isEmpty();
    }

    @Test
    void createRecommendedIndexesCreatesThemIdempotentlyAndNoTtlOnExpiration() {
        MongoMemoryManager mongo = (MongoMemoryManager) manager;
        assertThat(mongo.createRecommendedIndexes()).isEmpty();
        assertThat(mongo.createRecommendedIndexes()).isEmpty();

        List<String> names = new ArrayList<>();
        for (CollectionRef c : CollectionRef.all()) {
            rawClient.getDatabase(databaseName).getCollection(c.collectionName()).listIndexes()
                    .forEach(d -> names.add(c.collectionName() + "." + d.getString("name")));
        }
        assertThat(names).contains("memory_items.user_item_type_time", "memory_items.user_session_time",
                "agent_data.agent_data_type_time", "user_sessions.user_session_unique",
                "memory_items.time_id_listing", "agent_data.time_id_listing", "user_sessions.time_id_listing");
        assertThat(names).noneMatch(n -> n.endsWith("expiration_ttl") || n.startsWith("inspector_"));
    }

    @Test
    void theFirstTrashWriteBringsTheTrashIndexes() {
        String empty = target.newDatabaseName();
        try (var fresh = new MongoMemoryManager(target.connectionString(), empty, Duration.ofSeconds(5))) {
            fresh.insert(InspectorCollection.TRASH, new BsonDocument("source_collection",
                new BsonString("memory_items")).append("document", new BsonDocument("_id",
                new BsonString("x"))));
        }

        Document trashTtl = rawClient.getDatabase(empty).getCollection("inspector_trash").listIndexes()
                .into(new ArrayList<>()).stream().filter(d -> "deleted_at_ttl".equals(d.getString("name")))
                .findFirst().orElseThrow();
        assertThat(((Number) trashTtl.get("expireAfterSeconds")).longValue()).isEqualTo(30L * 24 * 3600);
        assertThat(rawClient.getDatabase(empty).listCollectionNames().into(new ArrayList<>()))
                .containsExactly("inspector_trash");
    }
}
