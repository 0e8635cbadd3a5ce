package dev.orchestra.storage.factory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.config.AppEnvironment;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.error.StorageConnectionException;
import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.inmemory.InMemoryMemoryManager;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.mongo.EmbeddedMongoStore;
import dev.orchestra.storage.tiered.TieredMemoryManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryManagerFactoryTest {
    @TempDir
    Path dataDir;

    private StorageConfig config(String... keyValues) {
        Map<String, String> env = new HashMap<>();
        env.put("EMBEDDED_DATA_DIR", dataDir.toString());
        for (int i = 0; i < keyValues.length; i += 2) {
            env.put(keyValues[i], keyValues[i + 1]);
        }
        return StorageConfig.fromMap(env);
    }

    @Test
    void testEnvironmentIsInMemory() {
        try (MemoryManager manager = MemoryManagerFactory.create(config("APP_ENV", "test"))) {
            assertThat(manager).isInstanceOf(InMemoryMemoryManager.class);
            assertThat(manager.addMemoryItem(MemoryItem.of("u", "s", "conversation", "hi"))).isNotNull();
        }
    }

    @Test
    void redisHostWrapsTheStoreInTheTieredManager() {
        try (MemoryManager manager = MemoryManagerFactory.create(config("APP_ENV", "test",
                "REDIS_HOST", "127.0.0.1", "REDIS_PORT", "1"))) {
            assertThat(manager).isInstanceOf(TieredMemoryManager.class);
            assertThat(((TieredMemoryManager) manager).delegate()).isInstanceOf(InMemoryMemoryManager.class);
            assertThat(manager.getConversationHistory("u", null, 5, null)).as("works without Redis").isEmpty();
        }
    }

    @Test
    void stagingWithoutMongodbUriIsAClearError() {
        var staging = new StorageConfig(AppEnvironment.STAGING, null, "orchestra", null, 6379, null, false,
                "orchestra:", Duration.ofHours(1), false, Duration.ofSeconds(5), dataDir);

        assertThatThrownBy(() -> MemoryManagerFactory.create(staging))
                .isInstanceOf(StorageValidationException.class)
                .hasMessage("MONGODB_URI is required when APP_ENV=staging");
    }

    @Test
    void developmentOpensTheEmbeddedStoreSeededOnceAndClosingReleasesIt() {
        long items;
        try (MemoryManager manager = MemoryManagerFactory.create(config("APP_ENV", "development"))) {
            items = manager.count(StoreCollection.MEMORY_ITEMS, DocumentFilter.none()).value();
            assertThat(items).as("sample data").isPositive();
            manager.addMemoryItem(MemoryItem.of("dev-user", "s", "conversation", "persisted"));
        }
        assertThat(dataDir.resolve(EmbeddedMongoStore.DATA_FILE)).exists();

        // reopening works only if the first close released the file; the data persisted and was not seeded again
        try (MemoryManager reopened = MemoryManagerFactory.create(config("APP_ENV", "development"))) {
            assertThat(reopened.count(StoreCollection.MEMORY_ITEMS, DocumentFilter.none()).value())
                    .isEqualTo(items + 1);
            assertThat(reopened.checkDuplicate("dev-user", "persisted")).isTrue();
        }
    }

    @Test
    void anUnreachableMongodbFailsWithoutShowingThePassword() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var production = config("APP_ENV", "production", "STORAGE_TIMEOUT_MS", "300",
                "MONGODB_URI", "mongodb://admin:pa55-secret@127.0.0.1:" + closedPort + "/orchestra");

        assertThatThrownBy(() -> MemoryManagerFactory.create(production))
                .isInstanceOf(StorageConnectionException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("127.0.0.1").doesNotContain("pa55-secret"));
    }

    @Test
    void versionIsKnown() {
        assertThat(MemoryManagerFactory.version()).isNotBlank();
    }

    @Test
    void dataDirectoryIsCreatedWhenMissing() {
        Path nested = dataDir.resolve("a/b");
        var config = StorageConfig.fromMap(Map.of("APP_ENV", "development", "EMBEDDED_DATA_DIR", nested.toString()));
        try (MemoryManager manager = MemoryManagerFactory.create(config)) {
            assertThat(manager.checkHealth()).allSatisfy(h -> assertThat(h.isUp()).isTrue());
        }
        assertThat(Files.isDirectory(nested)).isTrue();
    }
}
