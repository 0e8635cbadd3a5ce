package dev.orchestra.storage.coherence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.mongo.MongoMemoryManager;
import dev.orchestra.storage.redis.CacheKeys;
import dev.orchestra.storage.redis.RedisCache;
import dev.orchestra.storage.safety.Actor;
import dev.orchestra.storage.safety.SafeStorage;
import dev.orchestra.storage.safety.WriteLock;
import dev.orchestra.storage.testsupport.MongoTestTarget;
import dev.orchestra.storage.testsupport.redis.RedisFixture;
import dev.orchestra.storage.testsupport.redis.RedisFixture.Shape;
import dev.orchestra.storage.tiered.TieredMemoryManager;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The check and the repair on Sentinel and on a 3-master Cluster (standalone: {@link CoherenceIT}): keys of many
 * users land on every master; SCAN visits each, the pipelined reads are routed by slot, the repair deletes only the
 * stale and orphan keys and the foreign ones stay byte-identical.
 */
class CoherenceOnShapesIT {
    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    private static final byte[] PICKLE = {(byte) 0x80, 0x04, 'K', 0x07, '.'};
    private static final int USERS = 12;

    @ParameterizedTest
    @EnumSource(value = Shape.class, names = {"SENTINEL", "CLUSTER"})
    void everyMasterIsCheckedAndRepaired(Shape shape) {
        try (MongoTestTarget mongo = MongoTestTarget.open(); RedisFixture redis = RedisFixture.start(shape)) {
            String database = mongo.newDatabaseName();
            RedisCache cache = new RedisCache(redis.settings(database, Duration.ofMinutes(10)));
            try (TieredMemoryManager tiered = new TieredMemoryManager(new MongoMemoryManager(
                    mongo.connectionString(), database, Duration.ofSeconds(5)), cache, 5, Clock.systemUTC());
                 MongoMemoryManager behindTheBack = new MongoMemoryManager(mongo.connectionString(), database,
                         Duration.ofSeconds(5))) {
                tiered.initialize();
                behindTheBack.initialize();
                CacheKeys keys = cache.keys();
                for (int u = 0; u < USERS; u++) {
                    tiered.addMemoryItem(MemoryItem.of("user" + u, "s", "conversation", "hi").withTimestamp(T0));
                    tiered.getConversationHistory("user" + u, "s", 5, null);
                }
                // every third user's history goes stale; user1's key is a pickle
                for (int u = 0; u < USERS; u += 3) {
                    behindTheBack.addMemoryItem(MemoryItem.of("user" + u, "s", "conversation", "late")
                            .withTimestamp(T0.plusSeconds(5)));
                }
                byte[] foreignKey = keys.history("user1", "s").getBytes(StandardCharsets.UTF_8);
                redis.client().del(foreignKey);
                redis.client().set(foreignKey, PICKLE);
                byte[] foreignDump = redis.client().dump(foreignKey);
                assertThat(cache.deployment().masters()).hasSize(shape == Shape.CLUSTER ? 3 : 1);

                CoherenceChecker checker = CoherenceChecker.of(tiered).orElseThrow();
                CoherenceReport report = checker.check(CoherenceScope.sample(), CheckProgress.NONE);
                Map<String, CoherenceClass> classes = report.findings().stream()
                        .collect(Collectors.toMap(CacheFinding::key, CacheFinding::coherence));

                assertThat(report.checked()).isEqualTo(USERS);
                assertThat(classes).containsEntry(keys.history("user0", "s"), CoherenceClass.STALE)
                        .containsEntry(keys.history("user1", "s"), CoherenceClass.FOREIGN)
                        .containsEntry(keys.history("user2", "s"), CoherenceClass.FRESH);
                assertThat(report.count(CoherenceClass.STALE)).isEqualTo(4);
                assertThat(report.count(CoherenceClass.FRESH)).isEqualTo(7);

                SafeStorage safe = SafeStorage.wrap(tiered, WriteLock.unlocked(), new Actor("tester", Actor.CLI));
                RepairResult repaired = new CoherenceRepair(checker, safe.writeLock(), safe.operations().audit())
                        .repair(report.findings());
                assertThat(repaired.deleted()).hasSize(4);
                assertThat(redis.client().dump(foreignKey)).isEqualTo(foreignDump);
                assertThat(checker.check(CoherenceScope.sample(), CheckProgress.NONE).problems()).isZero();
                assertThat(tiered.getConversationHistory("user0", "s", 5, null)).extracting(MemoryItem::textContent)
                        .containsExactly("hi", "late");
                assertThat(safe.operations().audit().list(PageRequest.first(10)).items()).hasSize(4);
            }
        }
    }
}
