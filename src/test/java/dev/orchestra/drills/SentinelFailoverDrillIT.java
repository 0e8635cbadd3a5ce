package dev.orchestra.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orchestra.storage.mongo.MongoMemoryManager;
import dev.orchestra.storage.redis.RedisCache;
import dev.orchestra.storage.testsupport.MongoTestServer;
import dev.orchestra.storage.testsupport.redis.RedisFixture;
import dev.orchestra.storage.testsupport.redis.RedisProcess;
import dev.orchestra.storage.tiered.TieredMemoryManager;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The fault drill through Sentinel: the mixed workload runs through {@link TieredMemoryManager} while the Redis
 * master is killed (SIGKILL, persistent data); the sentinels promote the replica and the cache follows it; the old
 * master comes back (as a replica). Then: nothing acknowledged is lost, no read serves anything MongoDB does not
 * hold, and the time from the kill to the first cache hit on the new master is reported.
 */
class SentinelFailoverDrillIT {
    private static final int OPS_PER_PHASE = 60;
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final Duration PHASE_LIMIT = Duration.ofSeconds(40);

    @Test
    void killingTheMasterDuringWritesLosesNothingAndServesNothingStale() throws Exception {
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try (MongoTestServer mongo = MongoTestServer.start();
             RedisFixture redis = RedisFixture.start(RedisFixture.Shape.SENTINEL, true)) {
            String db = mongo.uniqueDatabaseName();
            RedisCache cache = new RedisCache(redis.settings("drill", Duration.ofHours(1)));
            try (TieredMemoryManager tiered = new TieredMemoryManager(
                    new MongoMemoryManager(mongo.connectionString(), db, TIMEOUT), cache);
                 MongoMemoryManager truth = new MongoMemoryManager(mongo.connectionString(), db, TIMEOUT)) {
                tiered.initialize();
                DrillLedger ledger = new DrillLedger();
                DrillWorkload workload = new DrillWorkload(tiered, ledger, 11, 1_000_000);
                Future<?> running = worker.submit(workload);
                DrillChecks.awaitOperations(workload, OPS_PER_PHASE, PHASE_LIMIT);
                await().atMost(PHASE_LIMIT).until(() -> cache.statistics().hits() > 0);

                RedisProcess oldMaster = redis.sentinelMaster();
                long killedAt = System.nanoTime();
                oldMaster.kill();
                long hitsAtKill = cache.statistics().hits();
                await().atMost(PHASE_LIMIT).pollInterval(Duration.ofMillis(20)).ignoreExceptions()
                        .until(() -> redis.sentinelMaster() != oldMaster);
                long electedMillis = (System.nanoTime() - killedAt) / 1_000_000;
                String newMaster = redis.sentinelMaster().address();
                await().atMost(PHASE_LIMIT).pollInterval(Duration.ofMillis(5)).until(() ->
                        cache.statistics().hits() > hitsAtKill
                                && newMaster.equals(cache.deployment().nodeOf("any")));
                long firstHitMillis = (System.nanoTime() - killedAt) / 1_000_000;
                DrillChecks.awaitOperations(workload, OPS_PER_PHASE, PHASE_LIMIT);

                oldMaster.start(); // comes back with its stale data; the sentinels make it a replica
                await().atMost(PHASE_LIMIT).ignoreExceptions().until(() ->
                        oldMaster.onThis(j -> j.info("replication")).contains("role:slave"));
                DrillChecks.awaitOperations(workload, OPS_PER_PHASE, PHASE_LIMIT);

                workload.stop();
                running.get(PHASE_LIMIT.toSeconds(), TimeUnit.SECONDS);
                await().atMost(PHASE_LIMIT).until(() -> cache.retryPendingInvalidations());
                long lost = DrillChecks.countLost(ledger, truth);
                long stale = DrillChecks.countStaleReads(tiered, truth);
                System.out.println("DRILL sentinel attempted=" + workload.attempted.get() + " succeeded="
                        + workload.succeeded.get() + " failedWithStorageException=" + workload.failedClearly.get()
                        + " unclearFailures=" + workload.unclear.size() + " lost=" + lost
                        + " staleReadsAfterRecovery=" + stale + " masterKilled=" + oldMaster.address()
                        + " newMaster=" + newMaster + " killToElectedMs=" + electedMillis
                        + " killToFirstCacheHitMs=" + firstHitMillis + " failoversSeen="
                        + cache.checkHealth().details().get("failovers_seen"));

                assertThat(workload.unclear).as("failures that were not a StorageException").isEmpty();
                assertThat(lost).as("acknowledged writes missing from MongoDB").isZero();
                assertThat(stale).as("reads after the failover that differ from MongoDB").isZero();
                assertThat(workload.failedClearly.get()).as("MongoDB never failed: Redis's outage is invisible")
                        .isZero();
                assertThat(cache.checkHealth().details().get("failovers_seen")).isEqualTo(1L);
            }
        } finally {
            worker.shutdownNow();
        }
    }
}
