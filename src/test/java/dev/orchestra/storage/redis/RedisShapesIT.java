package dev.orchestra.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.storage.model.HealthStatus;
import dev.orchestra.storage.testsupport.redis.RedisFixture;
import dev.orchestra.storage.testsupport.redis.RedisFixture.Shape;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import redis.clients.jedis.params.ScanParams;

/**
 * The cache's own contract on every deployment shape (one node, Sentinel, a 3-master cluster): many users' keys
 * land on different masters, multi-key deletions never meet CROSSSLOT, prefix deletion and SCAN listing reach every
 * master, and health names the shape and every node.
 */
class RedisShapesIT {
    private static final Map<Shape, RedisFixture> FIXTURES = new EnumMap<>(Shape.class);
    private final List<RedisCache> caches = new ArrayList<>();

    @BeforeAll
    static void startDeployments() {
        for (Shape shape : Shape.values()) {
            FIXTURES.put(shape, RedisFixture.start(shape));
        }
    }

    @AfterAll
    static void stopDeployments() {
        FIXTURES.values().forEach(RedisFixture::close);
    }

    @AfterEach
    void closeCaches() {
        caches.forEach(RedisCache::close);
    }

    private RedisCache cacheOn(Shape shape) {
        RedisCache cache = new RedisCache(FIXTURES.get(shape).settings(UUID.randomUUID().toString().substring(0, 6),
                Duration.ofMinutes(2)));
        caches.add(cache);
        return cache;
    }

    private static List<String> fillHistories(RedisCache cache, int users) {
        List<String> keys = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            String key = cache.keys().history("user-" + u, "s");
            cache.fillList(cache.startFill(key), new BsonDocument("complete", BsonBoolean.TRUE),
                    List.of(new BsonDocument("n", new BsonInt32(u))));
            keys.add(key);
        }
        return keys;
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void manyUsersKeysAreCachedOnEveryMasterAndReadBack(Shape shape) {
        RedisCache cache = cacheOn(shape);
        List<String> keys = fillHistories(cache, 40);

        Set<String> nodes = new HashSet<>();
        for (String key : keys) {
            assertThat(cache.readList(key).isHit()).as(key).isTrue();
            nodes.add(cache.deployment().nodeOf(key));
        }
        assertThat(nodes).as("the masters holding the keys")
                .containsExactlyInAnyOrderElementsOf(cache.deployment().masters());
        assertThat(cache.deployment().masters()).hasSize(shape == Shape.CLUSTER ? 3 : 1);
        assertThat(FIXTURES.get(shape).client().pttl(keys.get(0))).isBetween(1L, 120_000L);
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void oneInvalidationOfKeysInManySlotsDeletesThemAllWithoutCrossSlot(Shape shape) {
        RedisCache cache = cacheOn(shape);
        List<String> keys = fillHistories(cache, 40);
        List<String> sessionKeys = new ArrayList<>(keys);
        sessionKeys.add(cache.keys().session("user-1", "s"));

        cache.invalidate(sessionKeys);

        assertThat(FIXTURES.get(shape).keys(cache.keys().prefix())).isEmpty();
        assertThat(cache.statistics().errors()).as("no CROSSSLOT or other error").isZero();
        assertThat(cache.pendingInvalidations()).isZero();
        assertThat(cache.readList(keys.get(7)).outcome()).isEqualTo(CacheRead.Outcome.MISS);
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void prefixInvalidationReachesEveryMasterAndNothingElse(Shape shape) {
        RedisCache cache = cacheOn(shape);
        var client = FIXTURES.get(shape).client();
        List<String> userKeys = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            String key = cache.keys().history("u*1", "s" + i);
            client.set(key, "x"); // one SET per key: a cluster refuses an MSET across slots
            userKeys.add(key);
        }
        String otherUser = cache.keys().history("u*10", "s1");
        String userOwn = cache.keys().history("u*1", null);
        client.set(otherUser, "x");
        client.set(userOwn, "x");

        cache.invalidateStartingWith(cache.keys().userSessionHistoryPrefix("u*1"));

        assertThat(FIXTURES.get(shape).keys(cache.keys().userSessionHistoryPrefix("u*1"))).isEmpty();
        assertThat(client.exists(otherUser)).isTrue();
        assertThat(client.exists(userOwn)).as("not under the prefix").isTrue();
        assertThat(cache.pendingInvalidations()).isZero();
        assertThat(cache.statistics().errors()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void aScanOnEachMasterListsEveryKey(Shape shape) {
        RedisCache cache = cacheOn(shape);
        Set<String> written = new HashSet<>(fillHistories(cache, 60));

        Set<String> listed = new HashSet<>();
        RedisDeployment deployment = cache.deployment();
        var params = new ScanParams().match(CacheKeys.globStartingWith(cache.keys().prefix())).count(100);
        for (String master : deployment.masters()) {
            byte[] cursor = ScanParams.SCAN_POINTER_START_BINARY;
            int steps = 0;
            do {
                var page = deployment.scan(master, cursor, params);
                page.getResult().forEach(k -> listed.add(new String(k, StandardCharsets.UTF_8)));
                cursor = page.getCursorAsBytes();
                steps++;
            } while (!ScanParams.SCAN_POINTER_START.equals(new String(cursor, StandardCharsets.UTF_8)) && steps < 100);
        }

        assertThat(listed).isEqualTo(written);
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void healthNamesTheShapeAndEveryNode(Shape shape) {
        RedisCache cache = cacheOn(shape);
        String key = fillHistories(cache, 1).get(0);

        var health = cache.checkHealth();

        assertThat(health.status()).isEqualTo(HealthStatus.OK);
        assertThat(health.details().get("shape").toString()).startsWith(shape.name().toLowerCase());
        List<?> nodes = (List<?>) health.details().get("nodes");
        assertThat(nodes).hasSize(switch (shape) {
            case STANDALONE -> 1;
            case SENTINEL -> 5;
            case CLUSTER -> 3;
        });
        assertThat(nodes).allSatisfy(n -> assertThat(n.toString()).contains(" up "));
        if (shape == Shape.SENTINEL) {
            assertThat(health.details()).containsEntry("master_name", RedisFixture.MASTER_NAME)
                    .containsKey("failovers_seen");
        }
        if (shape == Shape.CLUSTER) {
            assertThat(health.details()).containsEntry("cluster_state", "ok")
                    .containsEntry("cluster_slots_ok", "16384");
        }
        CacheKeyView view = cache.inspectKey(key);
        assertThat(view.kind()).isEqualTo(CacheKeyView.Kind.OURS);
        assertThat(view.node()).isEqualTo(cache.deployment().nodeOf(key));
        assertThat(cache.deployment().client().memoryUsage(key)).isPositive();
        assertThat(cache.deployment().client().dump(key)).isNotEmpty();
    }
}
