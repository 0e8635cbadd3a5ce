package dev.orchestra.storage.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.storage.error.StorageOperationException;
import dev.orchestra.storage.model.BulkProgress;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.SessionSummary;
import dev.orchestra.storage.model.StoreCollection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoStoreIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path tempDir;

    @Test
    void dataSurvivesARestartAndSeedingHappensOnce() {
        Path dataDir = tempDir.resolve("nested/store");
        BsonValue mine;
        BsonValue deletedSample;
        long seededItems;
        try (var store = EmbeddedMongoStore.start(dataDir);
             var manager = new MongoMemoryManager(store.connectionString(), "orchestra", TIMEOUT)) {
            assertThat(store.connectionString()).startsWith("mongodb://127.0.0.1:");
            manager.initialize();
            assertThat(SampleDataSeeder.seedIfNeeded(manager)).isTrue();
            seededItems = manager.count(StoreCollection.MEMORY_ITEMS, DocumentFilter.none()).value();
            mine = manager.addMemoryItem(MemoryItem.of("me", "s", "note", "written before the restart"));
            deletedSample = manager.findPage(StoreCollection.MEMORY_ITEMS, DocumentFilter.forUser("alice"),
                    PageRequest.first(1)).items().get(0).get("_id");
            assertThat(manager.delete(StoreCollection.MEMORY_ITEMS, deletedSample)).isTrue();
        }
        assertThat(Files.exists(dataDir.resolve(EmbeddedMongoStore.DATA_FILE))).isTrue();

        try (var store = EmbeddedMongoStore.start(dataDir);
             var manager = new MongoMemoryManager(store.connectionString(), "orchestra", TIMEOUT)) {
            manager.initialize();
            assertThat(manager.getMemoryItem(mine)).get().extracting(MemoryItem::textContent)
                    .isEqualTo("written before the restart");
            assertThat(manager.findById(StoreCollection.MEMORY_ITEMS, deletedSample)).isEmpty();
            assertThat(SampleDataSeeder.seedIfNeeded(manager)).as("never seeds twice").isFalse();
            assertThat(manager.count(StoreCollection.MEMORY_ITEMS, DocumentFilter.none()).value())
                    .isEqualTo(seededItems);
        }
    }

    @Test
    void seedsNeverAgainAfterTheUserDeletedEverything() {
        try (var store = EmbeddedMongoStore.start(tempDir);
             var manager = new MongoMemoryManager(store.connectionString(), "orchestra", TIMEOUT)) {
            assertThat(SampleDataSeeder.seedIfNeeded(manager)).isTrue();
            manager.deleteMatching(StoreCollection.MEMORY_ITEMS, DocumentFilter.none(), 500, (d, t) -> true);

            assertThat(SampleDataSeeder.seedIfNeeded(manager)).isFalse();
            assertThat(manager.count(StoreCollection.MEMORY_ITEMS, DocumentFilter.none()).value()).isZero();
        }
    }

    @Test
    void sampleDataIsRealisticAndIncludesForeignShapes() {
        try (var store = EmbeddedMongoStore.start(tempDir);
             var manager = new MongoMemoryManager(store.connectionString(), "orchestra", TIMEOUT)) {
            manager.initialize();
            SampleDataSeeder.seedIfNeeded(manager);

            assertThat(manager.count(StoreCollection.MEMORY_ITEMS, DocumentFilter.none()).value())
                    .isGreaterThanOrEqualTo(300);
            assertThat(manager.listSessions(null, 100)).hasSizeGreaterThanOrEqualTo(10)
                    .anyMatch(SessionSummary::isEmptyRecord).allMatch(SessionSummary::hasSessionRecord);
            assertThat(manager.findSessionsWithoutRecord(null, 100, BulkProgress.IGNORE).sessions())
                    .anyMatch(SessionSummary::isOrphanItems);
            assertThat(manager.count(StoreCollection.MEMORY_ITEMS, DocumentFilter.none().withItemType("tool"))
                    .value()).isPositive();
            List<MemoryItem> history = manager.getConversationHistory("alice", null, 10,
                    DocumentFilter.none().withItemType("conversation"));
            assertThat(history).extracting(i -> i.metadata().getString("role").getValue())
                    .contains("user", "assistant");
            MemoryItem anyWithEmbedding = manager.semanticSearch("alice", embeddingOf(manager, "alice"), null, 3)
                    .get(0).item();
            assertThat(anyWithEmbedding.embedding()).hasSize(SampleDataSeeder.EMBEDDING_DIMENSION);
            BsonDocument legacy = manager.findById(StoreCollection.MEMORY_ITEMS,
                    new BsonString("legacy-note-0001")).orElseThrow();
            assertThat(legacy.get("timestamp").isString()).isTrue();
            assertThat(manager.findById(StoreCollection.MEMORY_ITEMS,
                    new BsonObjectId(new ObjectId("65f1c0ffee0000000000a001")))).isPresent();
            assertThat(manager.findById(StoreCollection.MEMORY_ITEMS, new BsonString("tool-weather-0001"))
                    .orElseThrow().getDocument("metadata").containsKey("api_key")).isTrue();
            assertThat(manager.count(StoreCollection.AGENT_DATA, DocumentFilter.none()).value()).isGreaterThan(10);
        }
    }

    private static List<Double> embeddingOf(MongoMemoryManager manager, String user) {
        BsonDocument summary = manager.findPage(StoreCollection.MEMORY_ITEMS,
                DocumentFilter.forUser(user).withItemType("summary"), PageRequest.first(1)).items().get(0);
        return manager.getMemoryItem(summary.get("_id")).orElseThrow().embedding();
    }

    @Test
    void aSecondStoreOnTheSameDirectoryIsRefusedClearly() {
        try (var store = EmbeddedMongoStore.start(tempDir)) {
            assertThat(store.connectionString()).isNotBlank();
            assertThatThrownBy(() -> EmbeddedMongoStore.start(tempDir))
                    .isInstanceOf(StorageOperationException.class).hasMessageContaining(tempDir.toString());
        }
    }
}
