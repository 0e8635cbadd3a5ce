package dev.orchestra.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.health.HealthReport;
import dev.orchestra.storage.model.ComponentHealth;
import dev.orchestra.storage.model.HealthStatus;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.mongo.MongoMemoryManager;
import dev.orchestra.storage.testsupport.MongoTestServer;
import dev.orchestra.storage.testsupport.redis.RedisFixture;
import dev.orchestra.storage.tiered.TieredMemoryManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Redis ACL users ({@code REDIS_USERNAME} + {@code REDIS_PASSWORD}) as managed services hand them out: a user
 * limited to the key prefix ({@code ~prefix*}) and to the commands the cache runs works; a wrong password, a user
 * without EVAL or one limited to other keys gives a one-line reason and a degraded health report, while MongoDB
 * reads go on.
 */
class RedisAclIT {
    private static final String PASSWORD = "acl-cache-pw-7731";
    private static final List<String> CACHE_COMMANDS = List.of("+ping", "+info", "+eval", "+lrange", "+hgetall",
            "+del", "+exists", "+scan", "+type", "+pttl", "+strlen", "+getrange", "+llen", "+hlen", "+rpush",
            "+hset", "+pexpire", "+client|setname");

    private static RedisFixture redis;
    private static MongoTestServer mongo;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeAll
    static void start() {
        redis = RedisFixture.start(RedisFixture.Shape.STANDALONE);
        mongo = MongoTestServer.start();
        String prefix = redis.keyPrefix();
        user("orch-cache", "~" + prefix + "*", CACHE_COMMANDS);
        user("orch-no-eval", "~" + prefix + "*", CACHE_COMMANDS.stream().filter(c -> !c.equals("+eval")).toList());
        user("orch-elsewhere", "~elsewhere:*", CACHE_COMMANDS);
    }

    private static void user(String name, String keys, List<String> commands) {
        List<String> rules = new ArrayList<>(List.of("on", ">" + PASSWORD, "resetkeys", keys, "-@all"));
        rules.addAll(commands);
        redis.dataNodes().get(0).onThis(j -> j.aclSetUser(name, rules.toArray(String[]::new)));
    }

    @AfterAll
    static void stop() {
        mongo.close();
        redis.close();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        toClose.clear();
    }

    private RedisCache cacheAs(String user, String password) {
        Map<String, String> env = new HashMap<>(redis.environment(redis.keyPrefix()));
        env.put("APP_ENV", "test");
        env.put("REDIS_USERNAME", user);
        env.put("REDIS_PASSWORD", password);
        RedisCache cache = new RedisCache(RedisCacheSettings.from(StorageConfig.fromMap(env))
                .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(200)));
        toClose.add(cache);
        return cache;
    }

    private TieredMemoryManager tieredOn(RedisCache cache) {
        var store = new MongoMemoryManager(mongo.connectionString(), mongo.uniqueDatabaseName(), Duration.ofSeconds(5));
        TieredMemoryManager tiered = new TieredMemoryManager(store, cache);
        tiered.initialize();
        toClose.add(tiered);
        return tiered;
    }

    @Test
    void aUserLimitedToThePrefixAndTheCacheCommandsRunsTheCache() {
        RedisCache cache = cacheAs("orch-cache", PASSWORD);
        String key = cache.keys().history("u1", "s1");

        cache.fillList(cache.startFill(key), new BsonDocument("complete", BsonBoolean.TRUE),
                List.of(new BsonDocument("n", new BsonInt32(1))));
        assertThat(cache.readList(key).isHit()).isTrue();
        assertThat(cache.inspectKey(key).kind()).isEqualTo(CacheKeyView.Kind.OURS);
        cache.invalidateStartingWith(cache.keys().allHistoryPrefix());
        assertThat(cache.readList(key).outcome()).isEqualTo(CacheRead.Outcome.MISS);
        assertThat(cache.checkHealth().status()).isEqualTo(HealthStatus.OK);
        assertThat(cache.statistics().errors()).isZero();
        assertThat(cache.pendingInvalidations()).isZero();
    }

    @Test
    void aWrongPasswordIsAOneLineReasonADegradedReportAndMongoReadsGoOn() {
        String wrong = "not-the-acl-pw-5519";
        TieredMemoryManager tiered = tieredOn(cacheAs("orch-cache", wrong));
        tiered.addMemoryItem(MemoryItem.of("u1", "s1", MemoryItem.CONVERSATION, "still readable"));

        assertThat(tiered.getConversationHistory("u1", "s1", 10, null)).extracting(MemoryItem::textContent)
                .containsExactly("still readable");
        HealthReport report = HealthReport.of(tiered.checkHealth(), "test", "it");
        ComponentHealth redisHealth = redisOf(tiered);
        assertThat(report.status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(redisHealth.lastError()).contains("WRONGPASS").doesNotContain("\n").doesNotContain(wrong);
        assertThat(report.toJson()).doesNotContain(wrong);
    }

    @Test
    void aUserWithoutEvalIsDegradedWithTheMissingPermissionAndReadsStayCorrect() {
        TieredMemoryManager tiered = tieredOn(cacheAs("orch-no-eval", PASSWORD));
        tiered.addMemoryItem(MemoryItem.of("u2", "s1", MemoryItem.CONVERSATION, "first"));
        tiered.getConversationHistory("u2", "s1", 10, null); // the fill is refused: NOPERM
        tiered.addMemoryItem(MemoryItem.of("u2", "s1", MemoryItem.CONVERSATION, "second"));

        assertThat(tiered.getConversationHistory("u2", "s1", 10, null)).extracting(MemoryItem::textContent)
                .containsExactly("first", "second");
        ComponentHealth redisHealth = redisOf(tiered);
        assertThat(redisHealth.status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(redisHealth.lastError()).contains("orch-no-eval", "NOPERM", "eval").doesNotContain("\n");
    }

    @Test
    void aUserLimitedToOtherKeysIsDegradedWithTheMissingPermission() {
        RedisCache cache = cacheAs("orch-elsewhere", PASSWORD);
        String key = cache.keys().history("u3", "s1");

        cache.fillList(cache.startFill(key), new BsonDocument(), List.of(new BsonDocument()));

        assertThat(cache.readList(key).isHit()).isFalse();
        ComponentHealth health = cache.checkHealth();
        assertThat(health.status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(health.lastError()).contains("NOPERM").contains("key");
        assertThat(redis.client().exists(key)).isFalse();
    }

    private static ComponentHealth redisOf(TieredMemoryManager tiered) {
        return tiered.checkHealth().stream().filter(c -> c.name().equals(ComponentHealth.REDIS)).findFirst()
                .orElseThrow();
    }
}
