package dev.orchestra.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.model.HealthStatus;
import dev.orchestra.storage.testsupport.FollowsTarget.Server;
import dev.orchestra.storage.testsupport.FollowsTarget;
import dev.orchestra.storage.testsupport.RedisTestServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedisCacheIT {
    private static final byte[] PICKLE = {(byte) 0x80, 0x04, (byte) 0x95, 0x0c, 0, 0, 0, 0, 0, 0, 0, (byte) 0x8c,
        0x05, 'h', 'e', 'l', 'l', 'o', (byte) 0x94, '.'};

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private RedisTestServer server(RedisTestServer server) {
        toClose.add(server);
        return server;
    }

    private RedisCache cacheOn(RedisTestServer server) {
        return cacheOn(server, server.password());
    }

    private RedisCache cacheOn(RedisTestServer server, String password) {
        Map<String, String> env = new HashMap<>(server.environment());
        env.put("APP_ENV", "test");
        env.put("CACHE_TTL", "120");
        if (password != null) {
            env.put("REDIS_PASSWORD", password);
        }
        var settings = RedisCacheSettings.from(StorageConfig.fromMap(env))
                .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofMillis(200));
        RedisCache cache = new RedisCache(settings);
        toClose.add(cache);
        return cache;
    }

    private static BsonDocument doc(String text) {
        return new BsonDocument("text", new BsonString(text)).append("n", new BsonInt64(7));
    }

    @Test
    @FollowsTarget(Server.REDIS)
    void aFilledListIsReadBackAsOurJsonWithTheTtl() {
        var redis = server(RedisTestServer.open());
        var cache = cacheOn(redis);
        String key = cache.keys().history("u1", "s1");

        assertThat(cache.readList(key).outcome()).isEqualTo(CacheRead.Outcome.MISS);
        cache.fillList(cache.startFill(key), new BsonDocument("complete", BsonBoolean.TRUE), List.of(doc("a"), doc("b")));

        CacheRead<CachedList> read = cache.readList(key);
        assertThat(read.isHit()).isTrue();
        assertThat(read.value().elements()).containsExactly(doc("a"), doc("b"));
        long ttl = redis.client().ttl(key);
        assertThat(ttl).isBetween(1L, 120L);
        List<String> raw = redis.client().lrange(key, 0, -1);
        assertThat(raw).hasSize(3);
        assertThat(raw.get(0)).contains("orchestra-ejson/1");
        assertThat(raw.get(1)).contains("\"$numberLong\": \"7\"");
    }

    @Test
    @FollowsTarget(Server.REDIS)
    void aFillNeverReplacesAnExistingValue() {
        var redis = server(RedisTestServer.open());
        var cache = cacheOn(redis);
        String key = cache.keys().history("u1", "s1");
        cache.fillList(cache.startFill(key), new BsonDocument(), List.of(doc("first")));

        cache.fillList(cache.startFill(key), new BsonDocument(), List.of(doc("second")));

        assertThat(cache.readList(key).value().elements()).containsExactly(doc("first"));
    }

    @Test
    @FollowsTarget(Server.REDIS)
    void aPickleUnderOurKeyIsForeignNeverOverwrittenButInvalidated() {
        var redis = server(RedisTestServer.open());
        var cache = cacheOn(redis);
        String listKey = cache.keys().history("u1", "s1");
        String hashKey = cache.keys().session("u1", "s1");
        byte[] rawKey = listKey.getBytes(StandardCharsets.UTF_8);
        redis.client().set(rawKey, PICKLE);
        redis.client().hset(hashKey, Map.of("data", "gAR9lC4=", "format", "pickle"));

        assertThat(cache.readList(listKey).outcome()).isEqualTo(CacheRead.Outcome.FOREIGN);
        assertThat(cache.readDocumentHash(hashKey).outcome()).isEqualTo(CacheRead.Outcome.FOREIGN);
        cache.fillList(cache.startFill(listKey), new BsonDocument(), List.of(doc("ours")));
        cache.fillDocumentHash(cache.startFill(hashKey), doc("ours"), Map.of());

        assertThat(redis.client().get(rawKey)).isEqualTo(PICKLE);
        assertThat(redis.client().hgetAll(hashKey)).containsEntry("format", "pickle").doesNotContainKey("document");
        assertThat(cache.statistics().foreignValues()).isEqualTo(2);

        cache.invalidate(List.of(listKey, hashKey));
        assertThat(redis.client().exists(listKey)).isFalse();
        assertThat(redis.client().exists(hashKey)).isFalse();
    }

    @Test
    @FollowsTarget(Server.REDIS)
    void aListOfPicklesIsForeignToo() {
        var redis = server(RedisTestServer.open());
        var cache = cacheOn(redis);
        String key = cache.keys().history("u2", null);
        redis.client().rpush(key.getBytes(StandardCharsets.UTF_8), PICKLE, PICKLE);

        assertThat(cache.readList(key).outcome()).isEqualTo(CacheRead.Outcome.FOREIGN);
        assertThat(redis.client().llen(key)).isEqualTo(2);
    }

    @Test
    @FollowsTarget(Server.REDIS)
    void documentHashesRoundTrip() {
        var redis = server(RedisTestServer.open());
        var cache = cacheOn(redis);
        String key = cache.keys().session("u1", "s1");

        cache.fillDocumentHash(cache.startFill(key), doc("session"), Map.of("user_id", "u1"));

        assertThat(cache.readDocumentHash(key).value()).isEqualTo(doc("session"));
        assertThat(redis.client().hget(key, "user_id")).isEqualTo("u1");
        assertThat(redis.client().ttl(key)).isBetween(1L, 120L);
    }

    @Test
    @FollowsTarget(Server.REDIS)
    void aFillThatRacedWithAnInvalidationIsUndone() {
        var redis = server(RedisTestServer.open());
        var cache = cacheOn(redis);
        String key = cache.keys().history("u1", "s1");
        FillTicket ticket = cache.startFill(key); // value read from the source before...

        cache.invalidate(List.of(key)); // ...a write, whose invalidation ran before the fill landed

        cache.fillList(ticket, new BsonDocument(), List.of(doc("stale")));
        assertThat(redis.client().exists(key)).isFalse();
    }

    @Test
    @FollowsTarget(Server.REDIS)
    void prefixInvalidationDeletesEveryMatchingKeyAcrossManyScanStepsAndNothingElse() {
        var redis = server(RedisTestServer.open());
        var cache = cacheOn(redis);
        List<String> userKeys = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            userKeys.add(cache.keys().history("u*1", "s" + i));
        }
        redis.client().mset(userKeys.stream().flatMap(k -> Stream.of(k, "x")).toArray(String[]::new));
        String otherUser = cache.keys().history("u*10", "s1");
        String userOwn = cache.keys().history("u*1", null);
        redis.client().set(otherUser, "x");
        redis.client().set(userOwn, "x");

        cache.invalidateStartingWith(cache.keys().userSessionHistoryPrefix("u*1"));

        assertThat(redis.client().exists(userKeys.toArray(String[]::new))).isZero();
        assertThat(redis.client().exists(otherUser)).isTrue();
        assertThat(redis.client().exists(userOwn)).as("not under the prefix").isTrue();
        assertThat(cache.pendingInvalidations()).isZero();
    }

    @Test
    void passwordIsSentAndAWrongOneNeverShows() {
        var redis = server(RedisTestServer.openEmbedded("correct-horse-battery"));
        var good = cacheOn(redis);
        String key = good.keys().history("u", "s");
        good.fillList(good.startFill(key), new BsonDocument(), List.of(doc("a")));
        assertThat(good.readList(key).isHit()).isTrue();

        var bad = cacheOn(redis, "wrong-secret-pw");
        assertThat(bad.readList(key).outcome()).isEqualTo(CacheRead.Outcome.BYPASSED);
        var health = bad.checkHealth();
        assertThat(health.status()).isEqualTo(HealthStatus.ERROR);
        assertThat(health.lastError()).isNotBlank().doesNotContain("wrong-secret-pw");
        assertThat(bad.settings().toString()).doesNotContain("wrong-secret-pw");
    }

    @Test
    @FollowsTarget(Server.REDIS)
    void healthAndStatisticsComeFromTheServer() {
        var redis = server(RedisTestServer.open());
        var cache = cacheOn(redis);

        var health = cache.checkHealth();
        assertThat(health.status()).isEqualTo(HealthStatus.OK);
        assertThat(health.latencyMillis()).isGreaterThanOrEqualTo(0);
        assertThat(health.details()).containsKey("server_version").containsEntry("pending_invalidations", 0);

        Map<String, Object> stats = cache.serverStatistics();
        assertThat(stats).containsKeys("storage_redis", "cache");
        assertThat(((Map<?, ?>) stats.get("storage_redis")).keySet()).asString()
                .contains("redis_version", "used_memory_human", "connected_clients", "keyspace_hits",
                        "keyspace_misses", "hit_ratio");
        assertThat(((Map<?, ?>) stats.get("cache")).keySet()).asString().contains("hits", "misses", "errors", "pending_invalidations");
    }

    @Test
    void anOutageBypassesTheCacheAndAfterRecoveryPendingDeletesRunFirst() {
        var redis = server(RedisTestServer.openEmbeddedPersistent());
        var cache = cacheOn(redis);
        String stale = cache.keys().history("u1", "s1");
        cache.fillList(cache.startFill(stale), new BsonDocument(), List.of(doc("old")));

        redis.stop();
        assertThat(cache.readList(stale).outcome()).isEqualTo(CacheRead.Outcome.BYPASSED);
        assertThat(cache.isAvailable()).isFalse();
        cache.invalidate(List.of(stale)); // a write happened while Redis was away
        assertThat(cache.pendingInvalidations()).isEqualTo(1);
        assertThat(cache.checkHealth().status()).isEqualTo(HealthStatus.ERROR);

        redis.start();
        assertThat(redis.client().exists(stale)).as("Redis kept the stale value").isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> cache.readList(stale).outcome() == CacheRead.Outcome.MISS);
        assertThat(redis.client().exists(stale)).isFalse();
        assertThat(cache.pendingInvalidations()).isZero();
        assertThat(cache.isAvailable()).isTrue();
    }

    @Test
    void aHungRedisCostsOneTimeoutThenIsSkipped() throws IOException {
        try (var hung = new ServerSocket(0)) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (!hung.isClosed()) {
                        accepted.add(hung.accept()); // accept, never answer
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            var settings = new RedisCacheSettings("127.0.0.1", hung.getLocalPort(), null, false, "it:",
                    Duration.ofSeconds(60), Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofSeconds(30));
            try (var cache = new RedisCache(settings)) {
                String key = cache.keys().history("u", "s");
                assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                    assertThat(cache.readList(key).outcome()).isEqualTo(CacheRead.Outcome.BYPASSED);
                    assertThat(cache.readList(key).outcome()).isEqualTo(CacheRead.Outcome.BYPASSED);
                    cache.invalidate(List.of(key));
                });
                assertThat(cache.statistics().errors()).as("only the first call waited for Redis").isEqualTo(1);
                assertThat(cache.statistics().bypasses()).as("the second read did not ask").isEqualTo(1);
                assertThat(cache.pendingInvalidations()).isEqualTo(1);
            }
        }
    }
}
