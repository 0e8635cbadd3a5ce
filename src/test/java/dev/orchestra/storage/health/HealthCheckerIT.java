package dev.orchestra.storage.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.orchestra.storage.model.ComponentHealth;
import dev.orchestra.storage.model.HealthStatus;
import dev.orchestra.storage.mongo.MongoMemoryManager;
import dev.orchestra.storage.redis.RedisCache;
import dev.orchestra.storage.redis.RedisCacheSettings;
import dev.orchestra.storage.testsupport.FaultProxy;
import dev.orchestra.storage.testsupport.FollowsTarget.Server;
import dev.orchestra.storage.testsupport.FollowsTarget;
import dev.orchestra.storage.testsupport.MongoTestServer;
import dev.orchestra.storage.testsupport.MongoTestTarget;
import dev.orchestra.storage.testsupport.RedisTestServer;
import dev.orchestra.storage.tiered.TieredMemoryManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Health against real servers: up, stopped, and hung (a socket that accepts and never answers). */
class HealthCheckerIT {
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private ServerSocket hungServer;

    @BeforeEach
    void startHungServer() throws IOException {
        hungServer = new ServerSocket(0);
        List<Socket> accepted = new ArrayList<>();
        Thread acceptor = new Thread(() -> {
            try {
                while (!hungServer.isClosed()) {
                    accepted.add(hungServer.accept());
                }
            } catch (IOException closed) {
                // the test is over
            }
        }, "hung-server");
        acceptor.setDaemon(true);
        acceptor.start();
        toClose.add(hungServer);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private <T extends AutoCloseable> T closing(T resource) {
        toClose.add(resource);
        return resource;
    }

    private static RedisCache cache(String host, int port, String prefix) {
        return cache(host, port, null, false, prefix);
    }

    private static RedisCache cache(String host, int port, String password, boolean tls, String prefix) {
        return new RedisCache(new RedisCacheSettings(host, port, password, tls, prefix, Duration.ofMinutes(1),
                Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofSeconds(1)));
    }

    @Test
    @FollowsTarget({Server.MONGODB, Server.REDIS})
    void everythingUpIsOkWithServerVersionsAndLatencies() {
        var mongo = closing(MongoTestTarget.open());
        var redis = closing(RedisTestServer.open());
        var manager = closing(new TieredMemoryManager(new MongoMemoryManager(mongo.connectionString(),
                mongo.newDatabaseName(), Duration.ofSeconds(5)), cache(redis.host(), redis.port(),
                redis.password(), redis.tls(), redis.keyPrefix())));
        var checker = closing(new HealthChecker(manager, "test", "1.0"));

        HealthReport report = checker.check();

        assertThat(report.status()).isEqualTo(HealthStatus.OK);
        assertThat(report.components()).containsExactly(Map.entry("app", true),
                Map.entry("storage_mongodb", true), Map.entry("storage_redis", true));
        assertThat(report.toJson()).contains("\"latency_ms\":").contains("\"server_version\":");
    }

    @Test
    void mongoStoppedIsAnErrorAndRecovers() {
        var mongo = closing(MongoTestServer.start());
        var store = closing(new MongoMemoryManager(mongo.connectionString(), mongo.uniqueDatabaseName(),
                Duration.ofSeconds(1)));
        var checker = closing(new HealthChecker(store, "test", "1.0", Duration.ofSeconds(5)));
        assertThat(checker.check().status()).isEqualTo(HealthStatus.OK);

        mongo.stop();
        HealthReport down = assertTimeoutPreemptively(Duration.ofSeconds(8), checker::check);
        assertThat(down.status()).isEqualTo(HealthStatus.ERROR);
        assertThat(down.components()).containsEntry("storage_mongodb", false);

        mongo.restart();
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> checker.check().status() == HealthStatus.OK);
    }

    @Test
    void aHungMongoIsAnErrorWithinTheTimeout() {
        var store = closing(new MongoMemoryManager("mongodb://127.0.0.1:" + hungServer.getLocalPort(),
                "hung", Duration.ofSeconds(30)));
        var checker = closing(new HealthChecker(store, "test", "1.0", Duration.ofMillis(700)));

        HealthReport report = assertTimeoutPreemptively(Duration.ofSeconds(3), checker::check);

        assertThat(report.status()).isEqualTo(HealthStatus.ERROR);
        assertThat(report.components()).containsEntry("storage_mongodb", false);
        assertThat(report.toJson()).contains("no answer within 700 ms");
    }

    @Test
    @FollowsTarget(Server.MONGODB)
    void aHungRedisDegradesWithinTheTimeout() {
        var mongo = closing(MongoTestTarget.open());
        var manager = closing(new TieredMemoryManager(new MongoMemoryManager(mongo.connectionString(),
                mongo.newDatabaseName(), Duration.ofSeconds(5)),
                cache("127.0.0.1", hungServer.getLocalPort(), "hung:")));
        var checker = closing(new HealthChecker(manager, "test", "1.0", Duration.ofSeconds(3)));

        HealthReport report = assertTimeoutPreemptively(Duration.ofSeconds(5), checker::check);

        assertThat(report.status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(report.components()).containsEntry("storage_mongodb", true).containsEntry("storage_redis", false);
    }

    @Test
    void aStalledMongoLeavesRedisOkAndBothAreOkAgainAfterwards() {
        var mongo = closing(MongoTestServer.start());
        var redis = closing(RedisTestServer.openEmbedded());
        var proxy = closing(FaultProxy.start("127.0.0.1", mongo.port()));
        var manager = closing(new TieredMemoryManager(new MongoMemoryManager(proxy.mongoConnectionString(),
                mongo.uniqueDatabaseName(), Duration.ofSeconds(30)), cache(redis.host(), redis.port(), redis.keyPrefix())));
        var checker = closing(new HealthChecker(manager, "test", "1.0", Duration.ofMillis(700)));
        assertThat(checker.check().status()).isEqualTo(HealthStatus.OK);

        proxy.stall();
        List<ComponentHealth> stalled = assertTimeoutPreemptively(Duration.ofSeconds(3), checker::checkComponents);
        proxy.unstall();

        assertThat(stalled).filteredOn(c -> c.name().equals(ComponentHealth.MONGODB)).singleElement()
                .satisfies(c -> assertThat(c.lastError()).contains("no answer within 700 ms"));
        assertThat(stalled).filteredOn(c -> c.name().equals(ComponentHealth.REDIS)).singleElement()
                .satisfies(c -> {
                    assertThat(c.status()).isEqualTo(HealthStatus.OK);
                    assertThat(c.lastError()).isNull();
                });
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(checker.checkComponents())
                .allSatisfy(c -> {
                    assertThat(c.status()).isEqualTo(HealthStatus.OK);
                    assertThat(c.lastError()).isNull();
                }));
    }
}
