package dev.orchestra.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orchestra.storage.mongo.MongoMemoryManager;
import dev.orchestra.storage.redis.RedisCache;
import dev.orchestra.storage.redis.RedisCacheSettings;
import dev.orchestra.storage.testsupport.MongoTestServer;
import dev.orchestra.storage.testsupport.RedisTestServer;
import dev.orchestra.storage.tiered.TieredMemoryManager;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Fault drill: a mixed workload through {@link TieredMemoryManager} on mongo-java-server and a real redis-server
 * (persistent, so stale values survive its restarts) while Redis is stopped and started several times and MongoDB
 * once. Then: nothing acknowledged is lost, no read serves anything MongoDB does not hold, and every failure was a
 * StorageException. Short by default (well under a minute); {@code -Ddrill.long=true} runs ten Redis cycles with
 * longer outages.
 */
class TieredFaultDrillIT {
    private static final boolean LONG = Boolean.getBoolean("drill.long");
    private static final int REDIS_CYCLES = LONG ? 10 : 3;
    private static final int OPS_PER_PHASE = LONG ? 400 : 60;
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final Duration PHASE_LIMIT = Duration.ofSeconds(LONG ? 120 : 20);

    @Test
    void mixedWorkloadSurvivesRedisAndMongoOutagesWithoutLossOrStaleReads() throws Exception {
        DrillTimings timings = new DrillTimings();
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try (MongoTestServer mongo = MongoTestServer.start();
             RedisTestServer redis = RedisTestServer.openEmbeddedPersistent()) {
            String db = mongo.uniqueDatabaseName();
            RedisCache cache = new RedisCache(new RedisCacheSettings(redis.host(), redis.port(), null, false,
                    redis.keyPrefix(), Duration.ofHours(1), Duration.ofMillis(300), Duration.ofMillis(500),
                    Duration.ofMillis(200)));
            try (TieredMemoryManager tiered = new TieredMemoryManager(
                    new MongoMemoryManager(mongo.connectionString(), db, TIMEOUT), cache);
                 MongoMemoryManager truth = new MongoMemoryManager(mongo.connectionString(), db, TIMEOUT)) {
                tiered.initialize();
                DrillLedger ledger = new DrillLedger();
                DrillWorkload workload = new DrillWorkload(tiered, ledger, 7, 1_000_000);
                Future<?> running = worker.submit(workload);

                awaitOperations(workload, OPS_PER_PHASE);
                for (int cycle = 0; cycle < REDIS_CYCLES; cycle++) {
                    long down = System.nanoTime();
                    redis.stop();
                    await().atMost(PHASE_LIMIT).until(() -> !cache.isAvailable());
                    timings.redisDetected(System.nanoTime() - down);
                    awaitOperations(workload, OPS_PER_PHASE);
                    long up = System.nanoTime();
                    redis.start();
                    await().atMost(PHASE_LIMIT).until(() -> cache.isAvailable() && cache.pendingInvalidations() == 0);
                    timings.redisRecovered(System.nanoTime() - up);
                    awaitOperations(workload, OPS_PER_PHASE);
                }

                long failuresBefore = workload.connectionFailures.get();
                long down = System.nanoTime();
                mongo.stop();
                await().atMost(PHASE_LIMIT).until(() -> workload.connectionFailures.get() > failuresBefore);
                timings.mongoDetected(System.nanoTime() - down);
                awaitFailures(workload, failuresBefore + 3);
                long up = System.nanoTime();
                mongo.restart();
                await().atMost(PHASE_LIMIT).until(() -> workload.lastSuccessAt.get() > up);
                timings.mongoRecovered(System.nanoTime() - up);
                awaitOperations(workload, OPS_PER_PHASE);

                workload.stop();
                running.get(PHASE_LIMIT.toSeconds(), TimeUnit.SECONDS);
                long lost = DrillChecks.countLost(ledger, truth);
                long stale = DrillChecks.countStaleReads(tiered, truth);
                DrillReport report = new DrillReport(workload.attempted.get(), workload.succeeded.get(),
                        workload.failedClearly.get(), workload.unclear.size(), lost, stale, REDIS_CYCLES, 1, timings);
                System.out.println(report.describe());

                assertThat(workload.unclear).as("failures that were not a StorageException").isEmpty();
                assertThat(lost).as("acknowledged writes missing from MongoDB").isZero();
                assertThat(stale).as("reads after recovery that differ from MongoDB").isZero();
                assertThat(workload.succeeded.get()).isGreaterThan((long) OPS_PER_PHASE * (2 * REDIS_CYCLES + 2));
                assertThat(workload.failedClearly.get()).as("MongoDB's outage was noticed").isPositive();
            }
        } finally {
            worker.shutdownNow();
        }
    }

    private static void awaitOperations(DrillWorkload workload, int more) {
        DrillChecks.awaitOperations(workload, more, PHASE_LIMIT);
    }

    private static void awaitFailures(DrillWorkload workload, long target) {
        await().atMost(PHASE_LIMIT).until(() -> workload.connectionFailures.get() >= target);
    }
}
