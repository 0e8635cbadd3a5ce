package dev.orchestra.storage.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;
import static org.awaitility.Awaitility.await;

import dev.orchestra.storage.error.StorageConnectionException;
import dev.orchestra.storage.model.ComponentHealth;
import dev.orchestra.storage.model.HealthStatus;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.testsupport.MongoTestServer;
import java.time.Duration;
import org.bson.BsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** MongoDB stopped and started again under a running manager. */
class MongoOutageIT {
    private static final Duration TIMEOUT = Duration.ofMillis(1500);
    /** Time the failure may take beyond the timeout (thread scheduling on a busy 2-core machine). */
    private static final Duration SLACK = Duration.ofSeconds(3);

    private MongoTestServer server;
    private MongoMemoryManager manager;

    @BeforeEach
    void start() {
        server = MongoTestServer.start();
        manager = new MongoMemoryManager(server.connectionString(), server.uniqueDatabaseName(), TIMEOUT);
        manager.initialize();
    }

    @AfterEach
    void stop() {
        manager.close();
        server.close();
    }

    @Test
    void stoppedServerFailsFastWithConnectionErrorAndRecoversAfterRestart() {
        BsonValue id = manager.addMemoryItem(MemoryItem.of("u", "s", "note", "before the outage"));
        server.stop();

        long started = System.nanoTime();
        assertThatThrownBy(() -> manager.getMemoryItem(id))
                .isInstanceOf(StorageConnectionException.class)
                .hasMessageContaining("127.0.0.1:" + server.port());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT.plus(SLACK));
        assertThatThrownBy(() -> manager.findPage(StoreCollection.MEMORY_ITEMS, DocumentFilter.none(),
                PageRequest.first(10))).isInstanceOf(StorageConnectionException.class);
        assertThatThrownBy(() -> manager.addMemoryItem(MemoryItem.of("u", "s", "note", "during")))
                .isInstanceOf(StorageConnectionException.class);

        started = System.nanoTime();
        ComponentHealth down = manager.checkHealth().get(0);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT.plus(SLACK));
        assertThat(down.status()).isEqualTo(HealthStatus.ERROR);
        assertThat(down.latencyMillis()).isEqualTo(-1);
        assertThat(down.lastError()).contains("127.0.0.1:" + server.port());
        assertThat(manager.serverStatistics().get(ComponentHealth.MONGODB)).asInstanceOf(MAP).containsKey("error");

        server.restart();

        await().atMost(Duration.ofSeconds(20)).ignoreExceptionsInstanceOf(StorageConnectionException.class)
                .until(() -> manager.getMemoryItem(id).isPresent());
        ComponentHealth up = manager.checkHealth().get(0);
        assertThat(up.status()).isEqualTo(HealthStatus.OK);
        assertThat(up.details()).containsEntry("server_version", "5.0.0");
        assertThat(manager.addMemoryItem(MemoryItem.of("u", "s", "note", "after"))).isNotNull();
    }

    @Test
    void connectionErrorsNameTheHostButNeverThePassword() {
        server.stop();
        String uri = "mongodb://inspector:s3cr3t-Pa55@127.0.0.1:" + server.port() + "/?authSource=admin";
        try (var withCredentials = new MongoMemoryManager(uri, "orchestra", TIMEOUT)) {
            assertThatThrownBy(withCredentials::initialize)
                    .isInstanceOf(StorageConnectionException.class)
                    .hasMessageContaining("127.0.0.1:" + server.port())
                    .satisfies(e -> {
                        assertThat(e.getMessage()).doesNotContain("s3cr3t-Pa55");
                        assertThat(String.valueOf(e.getCause())).doesNotContain("s3cr3t-Pa55");
                    });
            ComponentHealth health = withCredentials.checkHealth().get(0);
            assertThat(health.status()).isEqualTo(HealthStatus.ERROR);
            assertThat(health.lastError()).doesNotContain("s3cr3t-Pa55");
            assertThat(health.details().toString()).doesNotContain("s3cr3t-Pa55");
        }
    }

    @Test
    void healthAndStatisticsWhileUp() {
        ComponentHealth health = manager.checkHealth().get(0);

        assertThat(health.name()).isEqualTo(ComponentHealth.MONGODB);
        assertThat(health.status()).isEqualTo(HealthStatus.OK);
        assertThat(health.latencyMillis()).isGreaterThanOrEqualTo(0);
        assertThat(health.details()).containsKeys("server_version", "host", "database");
        Object stats = manager.serverStatistics().get(ComponentHealth.MONGODB);
        assertThat(stats).asInstanceOf(MAP).containsKey("connections");
    }
}
