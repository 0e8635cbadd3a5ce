package dev.orchestra.storage.factory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.coherence.CheckProgress;
import dev.orchestra.storage.coherence.CoherenceChecker;
import dev.orchestra.storage.coherence.CoherenceReport;
import dev.orchestra.storage.coherence.CoherenceScope;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.error.StorageOperationException;
import dev.orchestra.storage.inmemory.InMemoryMemoryManager;
import dev.orchestra.storage.model.ComponentHealth;
import dev.orchestra.storage.model.HealthStatus;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.redis.EmbeddedRedisServer;
import dev.orchestra.storage.tiered.CacheTruth;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default with its own redis-server process: started, warmed, stopped; and when it cannot start. */
class EmbeddedCacheIT {
    @TempDir
    Path dataDir;

    private StorageConfig config(String... keyValues) {
        Map<String, String> env = new HashMap<>();
        env.put("APP_ENV", "development");
        env.put("EMBEDDED_DATA_DIR", dataDir.toString());
        for (int i = 0; i < keyValues.length; i += 2) {
            env.put(keyValues[i], keyValues[i + 1]);
        }
        return StorageConfig.fromMap(env);
    }

    private static ComponentHealth redisHealth(MemoryManager manager) {
        return manager.checkHealth().stream().filter(h -> h.name().equals(ComponentHealth.REDIS)).findFirst()
                .orElseThrow();
    }

    private static boolean accepts(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void theDefaultRunStartsARedisOfItsOwnWarmsSessionsWithFreshKeysAndStopsItOnClose() {
        String host;
        int port;
        try (MemoryManager manager = MemoryManagerFactory.create(config())) {
            assertThat(redisHealth(manager).status()).isEqualTo(HealthStatus.OK);
            CacheTruth truth = CacheTruth.of(manager).orElseThrow();
            String master = truth.redisCache().deployment().masters().get(0);
            host = master.substring(0, master.indexOf(':'));
            port = Integer.parseInt(master.substring(master.indexOf(':') + 1));
            assertThat(host).isEqualTo("127.0.0.1");
            assertThat(accepts(host, port)).isTrue();

            CoherenceChecker checker = CoherenceChecker.of(manager).orElseThrow();
            // warmed in the background just after opening: history and session keys of the warmed sessions
            await().atMost(Duration.ofSeconds(20)).until(() -> checker.check(CoherenceScope.sample(),
                    CheckProgress.NONE).checked() >= 2 * EmbeddedCacheOpener.WARMED_SESSIONS - 1);
            CoherenceReport warmed = checker.check(CoherenceScope.sample(), CheckProgress.NONE);
            assertThat(warmed.problems()).isZero();

            manager.addMemoryItem(MemoryItem.of("dev-user", "s", "conversation", "through the cache"));
            assertThat(manager.getConversationHistory("dev-user", "s", 5, null)).hasSize(1);
        }
        assertThat(accepts(host, port)).as("stopped with the app").isFalse();
    }

    @Test
    void redisHostExplicitlyEmptyKeepsTheEmbeddedStoreWithoutACache() {
        StorageConfig config = config("REDIS_HOST", "");
        assertThat(config.startsEmbeddedCache()).isFalse();
        try (MemoryManager manager = MemoryManagerFactory.create(config)) {
            assertThat(CacheTruth.of(manager)).isEmpty();
            assertThat(manager.checkHealth()).noneMatch(h -> h.name().equals(ComponentHealth.REDIS));
        }
    }

    @Test
    void whenRedisCannotStartTheStoreOpensWithoutACacheAndItsHealthSaysWhy() {
        MemoryManager store = new InMemoryMemoryManager();
        store.initialize();
        try (MemoryManager manager = EmbeddedCacheOpener.open(config(), store,
                () -> EmbeddedRedisServer.start(dataDir.resolve("no-such-redis-server")))) {
            ComponentHealth redis = redisHealth(manager);
            assertThat(redis.status()).isEqualTo(HealthStatus.DISABLED);
            assertThat(String.valueOf(redis.details().get("reason")))
                    .startsWith("the embedded Redis could not start: Cannot start")
                    .contains("no-such-redis-server");
            assertThat(CacheTruth.of(manager)).isEmpty();
            manager.addMemoryItem(MemoryItem.of("u", "s", "conversation", "still works"));
            assertThat(manager.getConversationHistory("u", "s", 5, null)).hasSize(1);
        }
    }

    @Test
    void aBinaryThatExitsAtOnceIsReportedWithItsLastWords() {
        assertThatThrownBy(() -> EmbeddedRedisServer.start(Path.of("/bin/false")))
                .isInstanceOf(StorageOperationException.class).hasMessageContaining("exited at start");
    }
}
