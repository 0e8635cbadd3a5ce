package dev.orchestra.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orchestra.storage.mongo.MongoMemoryManager;
import dev.orchestra.storage.redis.CacheRead;
import dev.orchestra.storage.redis.RedisCache;
import dev.orchestra.storage.testsupport.MongoTestServer;
import dev.orchestra.storage.testsupport.redis.RedisFixture;
import dev.orchestra.storage.tiered.TieredMemoryManager;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The fault drill on a cluster of three masters with a replica each: the master holding a drill key is killed; the
 * cluster promotes its replica; the cache follows the new slot owner (the promoted master may lack deletions the
 * old one acknowledged, so the cache forgets its namespace first). Afterwards nothing is lost and nothing is stale.
 */
class ClusterReplicaFailoverDrillIT {
    private static final int OPS_PER_PHASE = 80;
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final Duration PHASE_LIMIT = Duration.ofSeconds(40);

    @Test
    void aPromotedReplicaTakesOverWithoutLossOrStaleReads() throws Exception {
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try (MongoTestServer mongo = MongoTestServer.start();
             RedisFixture redis = RedisFixture.clusterWithReplicas()) {
            String db = mongo.uniqueDatabaseName();
            RedisCache cache = new RedisCache(redis.settings("drill", Duration.ofHours(1)));
            try (TieredMemoryManager tiered = new TieredMemoryManager(
                    new MongoMemoryManager(mongo.connectionString(), db, TIMEOUT), cache);
                 MongoMemoryManager truth = new MongoMemoryManager(mongo.connectionString(), db, TIMEOUT)) {
                tiered.initialize();
                String watched = cache.keys().history(DrillWorkload.user(0), DrillWorkload.session(0, 0));
                String victim = cache.deployment().nodeOf(watched);
                DrillLedger ledger = new DrillLedger();
                DrillWorkload workload = new DrillWorkload(tiered, ledger, 17, 1_000_000);
                Future<?> running = worker.submit(workload);
                DrillChecks.awaitOperations(workload, OPS_PER_PHASE, PHASE_LIMIT);

                long killedAt = System.nanoTime();
                redis.process(victim).kill();
                await().atMost(PHASE_LIMIT).pollInterval(Duration.ofMillis(10)).until(() ->
                        cache.readList(watched).outcome() != CacheRead.Outcome.BYPASSED
                                && !victim.equals(cache.deployment().nodeOf(watched)));
                long takeOverMillis = (System.nanoTime() - killedAt) / 1_000_000;
                String promoted = cache.deployment().nodeOf(watched);
                DrillChecks.awaitOperations(workload, OPS_PER_PHASE, PHASE_LIMIT);

                workload.stop();
                running.get(PHASE_LIMIT.toSeconds(), TimeUnit.SECONDS);
                await().atMost(PHASE_LIMIT).until(cache::retryPendingInvalidations);
                long lost = DrillChecks.countLost(ledger, truth);
                long stale = DrillChecks.countStaleReads(tiered, truth);
                Object changes = cache.checkHealth().details().get("master_changes_seen");
                System.out.println("DRILL cluster-replicas attempted=" + workload.attempted.get() + " succeeded="
                        + workload.succeeded.get() + " unclearFailures=" + workload.unclear.size() + " lost=" + lost
                        + " staleReadsAfterRecovery=" + stale + " masterKilled=" + victim + " promoted=" + promoted
                        + " killToCacheUsedAgainMs=" + takeOverMillis + " masterChangesSeen=" + changes);

                assertThat(workload.unclear).as("failures that were not a StorageException").isEmpty();
                assertThat(lost).as("acknowledged writes missing from MongoDB").isZero();
                assertThat(stale).as("reads after the failover that differ from MongoDB").isZero();
                assertThat(promoted).isNotEqualTo(victim);
                assertThat((Long) changes).isPositive();
            }
        } finally {
            worker.shutdownNow();
        }
    }
}
