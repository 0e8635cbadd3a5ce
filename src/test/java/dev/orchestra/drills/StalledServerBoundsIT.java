package dev.orchestra.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.orchestra.storage.error.StorageException;
import dev.orchestra.storage.health.HealthChecker;
import dev.orchestra.storage.health.HealthReport;
import dev.orchestra.storage.model.HealthStatus;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.mongo.MongoMemoryManager;
import dev.orchestra.storage.redis.RedisCache;
import dev.orchestra.storage.redis.RedisCacheSettings;
import dev.orchestra.storage.testsupport.FaultProxy;
import dev.orchestra.storage.testsupport.MongoTestServer;
import dev.orchestra.storage.testsupport.RedisTestServer;
import dev.orchestra.storage.tiered.TieredMemoryManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With a {@link FaultProxy} in front of MongoDB and of Redis: when a server stalls (accepts, never answers) every
 * storage call returns or fails with a StorageException within its timeout, health says error/degraded within the
 * checker's timeout, added latency only slows calls down, cut connections are survived, and everything works again
 * once the server answers.
 */
class StalledServerBoundsIT {
    private static final Duration MONGO_TIMEOUT = Duration.ofMillis(800);
    /** The driver's socket read timeout is 1.25 times the operation timeout; the rest is scheduling slack. */
    private static final Duration MONGO_BOUND = MONGO_TIMEOUT.multipliedBy(2).plusSeconds(2);
    private static final Duration REDIS_SOCKET = Duration.ofMillis(500);
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(1);

    private final ExecutorService caller = Executors.newCachedThreadPool();
    private MongoTestServer mongo;
    private RedisTestServer redis;
    private FaultProxy mongoProxy;
    private FaultProxy redisProxy;
    private TieredMemoryManager tiered;
    private RedisCache cache;
    private BsonValue itemId;

    @BeforeEach
    void start() {
        mongo = MongoTestServer.start();
        redis = RedisTestServer.openEmbedded();
        mongoProxy = FaultProxy.start(mongo.host(), mongo.port());
        redisProxy = FaultProxy.start(redis.host(), redis.port());
        cache = new RedisCache(new RedisCacheSettings(redisProxy.host(), redisProxy.port(), null, false,
                redis.keyPrefix(), Duration.ofHours(1), Duration.ofMillis(300), REDIS_SOCKET, Duration.ofMillis(200)));
        tiered = new TieredMemoryManager(new MongoMemoryManager(mongoProxy.mongoConnectionString(),
                mongo.uniqueDatabaseName(), MONGO_TIMEOUT), cache);
        tiered.initialize();
        itemId = tiered.addMemoryItem(MemoryItem.of("u1", "s1", MemoryItem.CONVERSATION, "hello"));
        assertThat(history()).hasSize(1); // fills the cache
    }

    @AfterEach
    void stop() {
        caller.shutdownNow();
        tiered.close();
        redisProxy.close();
        mongoProxy.close();
        redis.close();
        mongo.close();
    }

    @Test
    void everyMongoCallIsBoundedWhileMongoStallsAndRecoversAfter() throws Exception {
        mongoProxy.stall();
        Map<String, Callable<Object>> calls = Map.of(
                "findPage", () -> tiered.findPage(StoreCollection.MEMORY_ITEMS, DocumentFilter.none(),
                        PageRequest.first(50)),
                "findById", () -> tiered.findById(StoreCollection.MEMORY_ITEMS, itemId),
                "count", () -> tiered.count(StoreCollection.MEMORY_ITEMS, DocumentFilter.forUser("u1")),
                "insert", () -> tiered.addMemoryItem(MemoryItem.of("u1", "s2", MemoryItem.CONVERSATION, "x")),
                "listSessions", () -> tiered.listSessions(null, 10),
                "history (session not cached)", () -> tiered.getConversationHistory("u1", "s9", 10, null));
        for (var call : calls.entrySet()) {
            long started = System.nanoTime();
            Future<Object> result = caller.submit(call.getValue());
            assertThatThrownBy(() -> result.get(MONGO_BOUND.toMillis() + 5_000, TimeUnit.MILLISECONDS))
                    .as(call.getKey()).hasCauseInstanceOf(StorageException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as(call.getKey()).isLessThan(MONGO_BOUND);
        }
        assertThat(history()).as("a cached history is still served while MongoDB hangs").hasSize(1);

        try (HealthChecker health = new HealthChecker(tiered, "test", "bench", HEALTH_TIMEOUT)) {
            long started = System.nanoTime();
            HealthReport report = health.check();
            assertThat(report.status()).isEqualTo(HealthStatus.ERROR);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(HEALTH_TIMEOUT.plusSeconds(1));

            mongoProxy.unstall();
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    assertThat(tiered.findById(StoreCollection.MEMORY_ITEMS, itemId)).isPresent());
            await().atMost(Duration.ofSeconds(15)).until(() -> health.check().status() == HealthStatus.OK);
        }
    }

    @Test
    void redisStallCostsAtMostItsSocketTimeoutThenNothingAndRecovers() throws Exception {
        redisProxy.stall();
        long started = System.nanoTime();
        List<MemoryItem> items = caller.submit(this::history).get(10, TimeUnit.SECONDS);
        assertThat(items).extracting(MemoryItem::textContent).containsExactly("hello");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(REDIS_SOCKET.plusSeconds(2));
        assertThat(cache.isAvailable()).isFalse();

        long whileOpen = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            assertThat(history()).hasSize(1);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - whileOpen)).as("20 reads with the circuit open")
                .isLessThan(REDIS_SOCKET.multipliedBy(2).plusSeconds(2));

        try (HealthChecker health = new HealthChecker(tiered, "test", "bench", HEALTH_TIMEOUT)) {
            long checked = System.nanoTime();
            assertThat(health.check().status()).isEqualTo(HealthStatus.DEGRADED);
            assertThat(Duration.ofNanos(System.nanoTime() - checked)).isLessThan(HEALTH_TIMEOUT.plusSeconds(1));
            redisProxy.unstall();
            await().atMost(Duration.ofSeconds(15)).until(() -> health.check().status() == HealthStatus.OK);
        }
        await().atMost(Duration.ofSeconds(15)).until(cache::isAvailable);
        long hitsBefore = cache.statistics().hits();
        assertThat(history()).hasSize(1);
        assertThat(history()).hasSize(1);
        assertThat(cache.statistics().hits()).as("the cache serves again").isGreaterThan(hitsBefore);
    }

    @Test
    void latencySlowsCallsDownAndCutConnectionsAreSurvived() {
        mongoProxy.setLatency(Duration.ofMillis(60));
        long started = System.nanoTime();
        assertThat(tiered.findById(StoreCollection.MEMORY_ITEMS, itemId)).isPresent();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(60));
        mongoProxy.setLatency(Duration.ZERO);

        mongoProxy.cutConnections();
        redisProxy.cutConnections();
        await().atMost(Duration.ofSeconds(15)).ignoreExceptionsInstanceOf(StorageException.class).untilAsserted(() ->
                assertThat(tiered.findById(StoreCollection.MEMORY_ITEMS, itemId)).get()
                        .satisfies(d -> assertThat(d.get("text_content")).isEqualTo(new BsonString("hello"))));
        await().atMost(Duration.ofSeconds(15)).until(() -> history().size() == 1 && cache.isAvailable());
    }

    private List<MemoryItem> history() {
        return tiered.getConversationHistory("u1", "s1", 10, null);
    }
}
