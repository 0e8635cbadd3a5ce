package dev.orchestra.storage.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.MemoryManagerContract;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.testsupport.MongoTestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contract against mongo-java-server through the real driver, one fresh database per test. */
class MongoMemoryManagerContractIT extends MemoryManagerContract {
    private static MongoTestServer server;
    private static MongoClient rawClient;
    private String databaseName;

    @BeforeAll
    static void startServer() {
        server = MongoTestServer.start();
        rawClient = MongoClients.create(server.connectionString());
    }

    @AfterAll
    static void stopServer() {
        rawClient.close();
        server.close();
    }

    @Override
    protected MemoryManager createManager() {
        databaseName = server.uniqueDatabaseName();
        return new MongoMemoryManager(server.connectionString(), databaseName, Duration.ofSeconds(5));
    }

    @Override
    protected void insertForeign(StoreCollection collection, BsonDocument document) {
        rawClient.getDatabase(databaseName).getCollection(collection.collectionName(), BsonDocument.class)
                .insertOne(document);
    }

    @Test
    void initializeCreatesTheIndexesIdempotently() {
        manager.initialize();
        manager.initialize();

        List<String> names = new ArrayList<>();
        for (StoreCollection c : StoreCollection.values()) {
            rawClient.getDatabase(databaseName).getCollection(c.collectionName()).listIndexes()
                    .forEach(d -> names.add(c.collectionName() + "." + d.getString("name")));
        }
        assertThat(names).contains("memory_items.user_item_type_time", "memory_items.user_session_time",
                "memory_items.expiration_ttl", "agent_data.agent_data_type_time", "agent_data.expiration_ttl",
                "user_sessions.user_session_unique", "inspector_trash.deleted_at_ttl");
        Document trashTtl = rawClient.getDatabase(databaseName).getCollection("inspector_trash").listIndexes()
                .into(new ArrayList<>()).stream().filter(d -> "deleted_at_ttl".equals(d.getString("name")))
                .findFirst().orElseThrow();
        assertThat(((Number) trashTtl.get("expireAfterSeconds")).longValue()).isEqualTo(30L * 24 * 3600);
        assertThat(((MongoMemoryManager) manager).indexProblems()).isEmpty();
    }
}
