package dev.orchestra.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orchestra.storage.model.HealthStatus;
import dev.orchestra.storage.mongo.MongoMemoryManager;
import dev.orchestra.storage.redis.CacheRead;
import dev.orchestra.storage.redis.RedisCache;
import dev.orchestra.storage.testsupport.MongoTestServer;
import dev.orchestra.storage.testsupport.redis.RedisFixture;
import dev.orchestra.storage.testsupport.redis.RedisProcess;
import dev.orchestra.storage.tiered.TieredMemoryManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The fault drill on a 3-master cluster (persistent masters, no replicas): one master is killed mid-drill and
 * restarted with what it held. While it is down only the keys of its slots are bypassed (their invalidations
 * journalled); the other masters keep serving hits. Afterwards nothing acknowledged is lost and nothing stale is
 * read.
 */
class ClusterFaultDrillIT {
    private static final int OPS_PER_PHASE = 80;
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final Duration PHASE_LIMIT = Duration.ofSeconds(40);

    @Test
    void oneMasterDownBypassesOnlyItsKeysAndLeavesNothingStale() throws Exception {
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try (MongoTestServer mongo = MongoTestServer.start();
             RedisFixture redis = RedisFixture.start(RedisFixture.Shape.CLUSTER, true)) {
            String db = mongo.uniqueDatabaseName();
            RedisCache cache = new RedisCache(redis.settings("drill", Duration.ofHours(1)));
            try (TieredMemoryManager tiered = new TieredMemoryManager(
                    new MongoMemoryManager(mongo.connectionString(), db, TIMEOUT), cache);
                 MongoMemoryManager truth = new MongoMemoryManager(mongo.connectionString(), db, TIMEOUT)) {
                tiered.initialize();
                Map<String, List<String>> keysByMaster = drillKeysByMaster(cache);
                String victim = keysByMaster.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                        .max((a, b) -> Integer.compare(a.getValue().size(), b.getValue().size())).orElseThrow()
                        .getKey();
                assertThat(keysByMaster.values().stream().filter(k -> !k.isEmpty()).count())
                        .as("the drill's keys live on several masters").isGreaterThan(1);

                DrillLedger ledger = new DrillLedger();
                DrillWorkload workload = new DrillWorkload(tiered, ledger, 13, 1_000_000);
                Future<?> running = worker.submit(workload);
                DrillChecks.awaitOperations(workload, OPS_PER_PHASE, PHASE_LIMIT);

                RedisProcess down = redis.process(victim);
                down.kill();
                await().atMost(PHASE_LIMIT).until(() -> cache.checkHealth().status() == HealthStatus.DEGRADED);
                long hitsWhileDown = cache.statistics().hits();
                long bypassesWhileDown = cache.statistics().bypasses();
                DrillChecks.awaitOperations(workload, OPS_PER_PHASE, PHASE_LIMIT);
                await().atMost(PHASE_LIMIT).until(() -> cache.statistics().hits() > hitsWhileDown);
                long hitsDuring = cache.statistics().hits() - hitsWhileDown;
                long bypassesDuring = cache.statistics().bypasses() - bypassesWhileDown;
                String victimKey = keysByMaster.get(victim).get(0);
                String otherKey = keysByMaster.entrySet().stream().filter(e -> !e.getKey().equals(victim))
                        .flatMap(e -> e.getValue().stream()).findFirst().orElseThrow();
                assertThat(cache.readList(victimKey).outcome()).isEqualTo(CacheRead.Outcome.BYPASSED);
                assertThat(cache.readList(otherKey).outcome()).isNotEqualTo(CacheRead.Outcome.BYPASSED);
                int pendingWhileDown = cache.pendingInvalidations();

                down.start(); // with its append-only file: the stale values are back
                await().atMost(PHASE_LIMIT).until(() -> cache.retryPendingInvalidations() && cache.isAvailable());
                DrillChecks.awaitOperations(workload, OPS_PER_PHASE, PHASE_LIMIT);

                workload.stop();
                running.get(PHASE_LIMIT.toSeconds(), TimeUnit.SECONDS);
                await().atMost(PHASE_LIMIT).until(cache::retryPendingInvalidations);
                long lost = DrillChecks.countLost(ledger, truth);
                long stale = DrillChecks.countStaleReads(tiered, truth);
                System.out.println("DRILL cluster attempted=" + workload.attempted.get() + " succeeded="
                        + workload.succeeded.get() + " unclearFailures=" + workload.unclear.size() + " lost=" + lost
                        + " staleReadsAfterRecovery=" + stale + " masterKilled=" + victim + " keysOnIt="
                        + keysByMaster.get(victim).size() + "/" + keysByMaster.values().stream().mapToInt(List::size)
                        .sum() + " hitsWhileDown=" + hitsDuring + " bypassesWhileDown=" + bypassesDuring
                        + " pendingWhileDown=" + pendingWhileDown);

                assertThat(workload.unclear).as("failures that were not a StorageException").isEmpty();
                assertThat(lost).as("acknowledged writes missing from MongoDB").isZero();
                assertThat(stale).as("reads after recovery that differ from MongoDB").isZero();
                assertThat(hitsDuring).as("the other masters kept serving").isPositive();
                assertThat(bypassesDuring).as("the down master's keys were bypassed").isPositive();
            }
        } finally {
            worker.shutdownNow();
        }
    }

    /** Which master holds each history key the drill uses (its users' and sessions'). */
    private static Map<String, List<String>> drillKeysByMaster(RedisCache cache) {
        Map<String, List<String>> byMaster = new LinkedHashMap<>();
        cache.deployment().masters().forEach(m -> byMaster.put(m, new ArrayList<>()));
        for (int u = 0; u < DrillWorkload.USERS; u++) {
            for (int s = 0; s < DrillWorkload.SESSIONS_PER_USER; s++) {
                String key = cache.keys().history(DrillWorkload.user(u), DrillWorkload.session(u, s));
                byMaster.get(cache.deployment().nodeOf(key)).add(key);
            }
        }
        return byMaster;
    }
}
