package dev.orchestra.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.storage.testsupport.redis.RedisCli;
import dev.orchestra.storage.testsupport.redis.RedisFixture;
import dev.orchestra.storage.testsupport.redis.RedisProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * Slots move between masters ({@code redis-cli --cluster reshard}) while the cache reads, fills and invalidates:
 * Jedis follows MOVED and ASK, so no command fails, nothing is bypassed and no error reaches the caller.
 */
class ClusterReshardIT {
    private static final int KEYS = 300;

    @Test
    void aReshardingDuringReadsAndInvalidationsCostsNoError() throws Exception {
        ExecutorService readers = Executors.newSingleThreadExecutor();
        try (RedisFixture redis = RedisFixture.start(RedisFixture.Shape.CLUSTER);
             RedisCache cache = new RedisCache(redis.settings("reshard", Duration.ofMinutes(5)))) {
            List<String> keys = new ArrayList<>();
            for (int u = 0; u < KEYS; u++) {
                String key = cache.keys().history("user-" + u, null);
                fill(cache, key, u);
                keys.add(key);
            }
            RedisProcess from = redis.dataNodes().get(0);
            RedisProcess to = redis.dataNodes().get(1);
            List<String> movedKeys = keys.stream().filter(k -> cache.deployment().nodeOf(k).equals(from.address()))
                    .toList();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong reads = new AtomicLong();
            ConcurrentLinkedQueue<Throwable> thrown = new ConcurrentLinkedQueue<>();
            Future<?> reading = readers.submit(() -> {
                for (int i = 0; !stop.get(); i++) {
                    try {
                        String key = keys.get(i % KEYS);
                        if (i % 10 == 0) {
                            cache.invalidate(List.of(key, keys.get((i * 7) % KEYS)));
                        }
                        if (!cache.readList(key).isHit()) {
                            fill(cache, key, i);
                        }
                        reads.incrementAndGet();
                    } catch (RuntimeException e) {
                        thrown.add(e);
                    }
                }
            });

            long readsBefore = reads.get();
            String output = RedisCli.run(redis.root(), List.of("redis-cli", "--cluster", "reshard", from.address(),
                    "--cluster-from", from.onThis(j -> j.clusterMyId()), "--cluster-to", to.onThis(j -> j.clusterMyId()),
                    "--cluster-slots", "1500", "--cluster-yes"));
            long readsDuring = reads.get() - readsBefore;
            long readsAfterReshard = reads.get() + 200;
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> reads.get() > readsAfterReshard);
            stop.set(true);
            reading.get(20, TimeUnit.SECONDS);

            assertThat(output).contains("Moving slot");
            assertThat(readsDuring).as("reads while slots were moving").isGreaterThan(100);
            assertThat(thrown).as("errors that reached the caller").isEmpty();
            assertThat(cache.statistics().errors()).as("commands that failed (MOVED/ASK not followed)").isZero();
            assertThat(cache.statistics().bypasses()).isZero();
            assertThat(cache.pendingInvalidations()).isZero();
            assertThat(movedKeys.stream().filter(k -> cache.deployment().nodeOf(k).equals(to.address())).count())
                    .as("keys whose slot moved are now found on the new master").isPositive();
            for (String key : keys) {
                fill(cache, key, 0);
                assertThat(cache.readList(key).isHit()).as(key).isTrue();
            }
            cache.invalidate(keys);
            assertThat(redis.keys(cache.keys().prefix())).isEmpty();
        } finally {
            readers.shutdownNow();
        }
    }

    @Test
    void aPrefixDeletionWhileASlotMovesStaysPendingAndFinishesOnceTheSlotsSettle() {
        try (RedisFixture redis = RedisFixture.start(RedisFixture.Shape.CLUSTER);
             RedisCache cache = new RedisCache(redis.settings("moving", Duration.ofMinutes(5)))) {
            List<String> keys = new ArrayList<>();
            for (int s = 0; s < 50; s++) {
                String key = cache.keys().history("mover", "s" + s);
                redis.client().set(key, "x");
                keys.add(key);
            }
            String watched = keys.get(0);
            int slot = JedisClusterCRC16.getSlot(watched);
            RedisProcess from = redis.process(cache.deployment().nodeOf(watched));
            RedisProcess to = redis.dataNodes().stream().filter(n -> n != from).findFirst().orElseThrow();
            String fromId = from.onThis(j -> j.clusterMyId());
            String toId = to.onThis(j -> j.clusterMyId());
            to.onThis(j -> j.clusterSetSlotImporting(slot, fromId));
            from.onThis(j -> j.clusterSetSlotMigrating(slot, toId));

            cache.invalidateStartingWith(cache.keys().userSessionHistoryPrefix("mover"));

            assertThat(redis.keys(cache.keys().userSessionHistoryPrefix("mover"))).as("what the scan saw").isEmpty();
            assertThat(cache.pendingInvalidationNames()).as("not finished while a slot moves")
                    .containsExactly(cache.keys().userSessionHistoryPrefix("mover") + "*");
            assertThat(cache.readList(watched).outcome()).isEqualTo(CacheRead.Outcome.BYPASSED);

            from.onThis(j -> j.clusterSetSlotStable(slot));
            to.onThis(j -> j.clusterSetSlotStable(slot));
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(cache::retryPendingInvalidations);
            assertThat(cache.readList(watched).outcome()).isEqualTo(CacheRead.Outcome.MISS);
            assertThat(cache.statistics().errors()).isZero();
        }
    }

    private static void fill(RedisCache cache, String key, int n) {
        cache.fillList(cache.startFill(key), new BsonDocument("complete", BsonBoolean.TRUE),
                List.of(new BsonDocument("n", new BsonInt32(n))));
    }
}
