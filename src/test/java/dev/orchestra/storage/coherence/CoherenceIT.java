package dev.orchestra.storage.coherence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.storage.error.ReadOnlyViolationException;
import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.mongo.MongoMemoryManager;
import dev.orchestra.storage.redis.CacheKeys;
import dev.orchestra.storage.redis.RedisCache;
import dev.orchestra.storage.redis.RedisCacheSettings;
import dev.orchestra.storage.safety.Actor;
import dev.orchestra.storage.safety.AuditEntry;
import dev.orchestra.storage.safety.SafeStorage;
import dev.orchestra.storage.safety.WriteLock;
import dev.orchestra.storage.testsupport.MongoTestTarget;
import dev.orchestra.storage.testsupport.RedisTestServer;
import dev.orchestra.storage.tiered.TieredMemoryManager;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each coherence class produced deliberately on a real redis-server and the real driver against mongo-java-server:
 * writes behind the manager's back (through a second, uncached manager on the same database), a Python pickle
 * under our key names, a key about to expire. Then repair: only stale and orphan keys go, foreign ones stay
 * byte-identical (DUMP), and the next read returns MongoDB's data.
 */
class CoherenceIT {
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(1, ChronoUnit.DAYS);
    private static final byte[] PICKLE = {(byte) 0x80, 0x04, (byte) 0x95, 0x0c, 0, 0, 0, 0, 0, 0, 0, (byte) 0x8c,
        0x05, 'h', 'e', 'l', 'l', 'o', (byte) 0x94, '.'};

    private static MongoTestTarget mongo;
    private static RedisTestServer redis;

    private MongoMemoryManager behindTheBack;
    private TieredMemoryManager tiered;
    private SafeStorage safe;
    private CacheKeys keys;
    private CoherenceChecker checker;

    @BeforeAll
    static void startServers() {
        mongo = MongoTestTarget.open();
        redis = RedisTestServer.openEmbedded();
    }

    @AfterAll
    static void stopServers() {
        redis.close();
        mongo.close();
    }

    @BeforeEach
    void open() {
        String database = mongo.newDatabaseName();
        behindTheBack = new MongoMemoryManager(mongo.connectionString(), database, Duration.ofSeconds(5));
        RedisCache cache = new RedisCache(new RedisCacheSettings(redis.host(), redis.port(), redis.password(),
                redis.tls(), redis.keyPrefix() + database + ":", Duration.ofSeconds(600), Duration.ofMillis(500),
                Duration.ofMillis(1000), Duration.ofMillis(200)));
        tiered = new TieredMemoryManager(new MongoMemoryManager(mongo.connectionString(), database,
                Duration.ofSeconds(5)), cache, 5, Clock.systemUTC());
        tiered.initialize();
        behindTheBack.initialize();
        safe = SafeStorage.wrap(tiered, WriteLock.unlocked(), new Actor("tester", Actor.CLI));
        keys = cache.keys();
        checker = CoherenceChecker.of(safe.manager()).orElseThrow();
    }

    @AfterEach
    void close() {
        tiered.close();
        behindTheBack.close();
    }

    private void say(String user, String session, String text, int second) {
        tiered.addMemoryItem(MemoryItem.of(user, session, "conversation", text).withTimestamp(T0.plusSeconds(second)));
    }

    private List<String> history(String user, String session) {
        return tiered.getConversationHistory(user, session, 5, null).stream().map(MemoryItem::textContent).toList();
    }

    private static BsonDocument sessionRecord(String user, String session, String persona) {
        return new BsonDocument("_id", new BsonString(user + ":" + session))
                .append("user_id", new BsonString(user)).append("session_id", new BsonString(session))
                .append("created_at", new BsonDateTime(T0.toEpochMilli()))
                .append("updated_at", new BsonDateTime(T0.toEpochMilli()))
                .append("persona_active", new BsonString(persona));
    }

    private void readSession(String user, String session) {
        tiered.findPage(StoreCollection.USER_SESSIONS, DocumentFilter.forSession(user, session), PageRequest.first(20));
    }

    private Map<String, CoherenceClass> classes(CoherenceReport report) {
        return report.findings().stream().collect(Collectors.toMap(CacheFinding::key, CacheFinding::coherence));
    }

    /** fresh (alice), stale (carol: an item added and the session record changed behind the back), orphan (dave),
     *  foreign (erin: a pickle string; frank: a pickle list), expiring (gina). */
    private void produceEveryClass() {
        say("alice", "s1", "fresh one", 1);
        say("alice", "s1", "fresh two", 2);
        assertThat(history("alice", "s1")).containsExactly("fresh one", "fresh two");
        tiered.insert(StoreCollection.USER_SESSIONS, sessionRecord("alice", "s1", "tutor"));
        readSession("alice", "s1");

        say("carol", "s3", "before", 1);
        assertThat(history("carol", "s3")).containsExactly("before");
        behindTheBack.addMemoryItem(MemoryItem.of("carol", "s3", "conversation", "written behind the back")
                .withTimestamp(T0.plusSeconds(2)));
        tiered.insert(StoreCollection.USER_SESSIONS, sessionRecord("carol", "s3", "tutor"));
        readSession("carol", "s3");
        BsonDocument stored = behindTheBack.findById(StoreCollection.USER_SESSIONS, new BsonString("carol:s3"))
                .orElseThrow();
        behindTheBack.replace(StoreCollection.USER_SESSIONS, stored,
                stored.clone().append("persona_active", new BsonString("coach")));

        say("dave", "s4", "soon gone", 1);
        assertThat(history("dave", "s4")).containsExactly("soon gone");
        behindTheBack.deleteMatching(StoreCollection.MEMORY_ITEMS, DocumentFilter.forSession("dave", "s4"), 100,
                null);

        redis.client().set(keys.history("erin", "s5").getBytes(StandardCharsets.UTF_8), PICKLE);
        redis.client().rpush(keys.history("frank", null).getBytes(StandardCharsets.UTF_8), PICKLE, PICKLE);

        say("gina", "s6", "short lived", 1);
        assertThat(history("gina", "s6")).containsExactly("short lived");
        redis.client().pexpire(keys.history("gina", "s6"), 20_000);
    }

    @Test
    void everyClassIsProducedAndFoundInOneSampleWithFewerRoundTripsThanKeys() {
        produceEveryClass();
        AtomicInteger progressCalls = new AtomicInteger();
        CoherenceReport report = checker.check(CoherenceScope.sample(), (done, planned) -> progressCalls.incrementAndGet());

        Map<String, CoherenceClass> classes = classes(report);
        assertThat(classes).containsEntry(keys.history("alice", "s1"), CoherenceClass.FRESH)
                .containsEntry(keys.session("alice", "s1"), CoherenceClass.FRESH)
                .containsEntry(keys.history("carol", "s3"), CoherenceClass.STALE)
                .containsEntry(keys.session("carol", "s3"), CoherenceClass.STALE)
                .containsEntry(keys.history("dave", "s4"), CoherenceClass.ORPHAN)
                .containsEntry(keys.history("erin", "s5"), CoherenceClass.FOREIGN)
                .containsEntry(keys.history("frank", null), CoherenceClass.FOREIGN)
                .containsEntry(keys.history("gina", "s6"), CoherenceClass.EXPIRING);
        assertThat(report.count(CoherenceClass.STALE)).isEqualTo(2);
        assertThat(report.count(CoherenceClass.ORPHAN)).isEqualTo(1);
        assertThat(report.count(CoherenceClass.FOREIGN)).isEqualTo(2);
        assertThat(report.checked()).isEqualTo(classes.size());
        assertThat(report.redisRoundTrips()).isLessThan(report.checked());
        assertThat(report.stoppedEarly()).isNull();
        assertThat(progressCalls).hasPositiveValue();

        CacheFinding staleHistory = report.findings().stream()
                .filter(f -> f.key().equals(keys.history("carol", "s3"))).findFirst().orElseThrow();
        assertThat(staleHistory.diff().missingCount()).isEqualTo(1);
        assertThat(staleHistory.diff().extraCount()).isZero();
        CacheFinding staleSession = report.findings().stream()
                .filter(f -> f.key().equals(keys.session("carol", "s3"))).findFirst().orElseThrow();
        assertThat(staleSession.diff().changed()).contains("persona_active");
    }

    @Test
    void aUsersAndASessionsScopeSeeOnlyTheirKeysAndOneKeyIsClassifiedAlone() {
        produceEveryClass();
        CoherenceReport carol = checker.check(CoherenceScope.user("carol"), CheckProgress.NONE);
        assertThat(classes(carol)).containsOnlyKeys(keys.history("carol", "s3"), keys.session("carol", "s3"));

        CoherenceReport alice = checker.check(CoherenceScope.session("alice", "s1"), CheckProgress.NONE);
        assertThat(classes(alice)).containsOnly(Map.entry(keys.history("alice", "s1"), CoherenceClass.FRESH),
                Map.entry(keys.session("alice", "s1"), CoherenceClass.FRESH));

        assertThat(checker.classify(keys.history("erin", "s5")).coherence()).isEqualTo(CoherenceClass.FOREIGN);
        assertThat(checker.classify(keys.history("nobody", "x")).coherence()).isEqualTo(CoherenceClass.ABSENT);
        assertThat(checker.classify("someone-else:key").coherence()).isEqualTo(CoherenceClass.NOT_OURS);
    }

    @Test
    void repairDeletesOnlyStaleAndOrphanKeysAuditedAndTheNextReadReturnsMongoDbsData() {
        produceEveryClass();
        byte[] erin = redis.client().dump(keys.history("erin", "s5").getBytes(StandardCharsets.UTF_8));
        byte[] frank = redis.client().dump(keys.history("frank", null).getBytes(StandardCharsets.UTF_8));
        CoherenceReport report = checker.check(CoherenceScope.sample(), CheckProgress.NONE);

        RepairResult result = new CoherenceRepair(checker, safe.writeLock(), safe.operations().audit())
                .repair(report.findings());

        assertThat(result.deleted()).containsExactlyInAnyOrder(keys.history("carol", "s3"),
                keys.session("carol", "s3"), keys.history("dave", "s4"));
        assertThat(redis.client().dump(keys.history("erin", "s5").getBytes(StandardCharsets.UTF_8))).isEqualTo(erin);
        assertThat(redis.client().dump(keys.history("frank", null).getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(frank);
        assertThat(redis.client().exists(keys.history("alice", "s1"))).isTrue();
        assertThat(redis.client().exists(keys.history("gina", "s6"))).isTrue();

        assertThat(history("carol", "s3")).containsExactly("before", "written behind the back");
        assertThat(history("dave", "s4")).isEmpty();
        CoherenceReport after = checker.check(CoherenceScope.user("carol"), CheckProgress.NONE);
        assertThat(after.problems()).isZero();
        assertThat(after.count(CoherenceClass.FRESH)).isEqualTo(1);

        List<AuditEntry> audit = safe.operations().audit().list(PageRequest.first(20)).items();
        assertThat(audit).filteredOn(e -> e.action().equals("cache_repair")).hasSize(3)
                .allSatisfy(e -> assertThat(e.collection()).isEqualTo("redis"));
    }

    @Test
    void readOnlyRefusesRepairAndForeignDeletionAndDeletesNothing() {
        produceEveryClass();
        CoherenceReport report = checker.check(CoherenceScope.sample(), CheckProgress.NONE);
        WriteLock locked = WriteLock.locked("production");
        CoherenceRepair repair = new CoherenceRepair(checker, locked, safe.operations().audit());

        assertThatThrownBy(() -> repair.repair(report.findings())).isInstanceOf(ReadOnlyViolationException.class);
        assertThatThrownBy(() -> repair.deleteForeign(keys.history("erin", "s5")))
                .isInstanceOf(ReadOnlyViolationException.class);
        assertThat(redis.client().exists(keys.history("carol", "s3"))).isTrue();
        assertThat(redis.client().exists(keys.history("dave", "s4"))).isTrue();
        assertThat(redis.client().exists(keys.history("erin", "s5"))).isTrue();
    }

    @Test
    void aForeignKeyIsDeletedOnlyByItsOwnActionWhichRefusesOurKeys() {
        produceEveryClass();
        CoherenceRepair repair = new CoherenceRepair(checker, safe.writeLock(), safe.operations().audit());

        assertThatThrownBy(() -> repair.deleteForeign(keys.history("alice", "s1")))
                .isInstanceOf(StorageValidationException.class).hasMessageContaining("not foreign");
        repair.deleteForeign(keys.history("erin", "s5"));

        assertThat(redis.client().exists(keys.history("erin", "s5"))).isFalse();
        assertThat(redis.client().exists(keys.history("alice", "s1"))).isTrue();
        assertThat(safe.operations().audit().list(PageRequest.first(20)).items())
                .filteredOn(e -> e.action().equals("delete_foreign_cache_key")).singleElement()
                .satisfies(e -> assertThat(e.documentId()).isEqualTo(new BsonString(keys.history("erin", "s5"))));
    }

    @Test
    void aSampleStopsAtItsSizeAndACancelledCheckStopsBetweenBatches() {
        for (int i = 0; i < 30; i++) {
            say("user" + i, "s", "hello " + i, 1);
            history("user" + i, "s");
        }
        CoherenceChecker small = checker.withLimits(checker.limits().withSampleSize(10));
        CoherenceReport sampled = small.check(CoherenceScope.sample(), CheckProgress.NONE);
        assertThat(sampled.checked()).isEqualTo(10);
        assertThat(sampled.stoppedEarly()).isEqualTo("sample size reached");

        CoherenceChecker batches = checker.withLimits(new CoherenceLimits(1000, Duration.ofSeconds(30),
                Duration.ofSeconds(60), 10, 5, 100));
        CoherenceReport cancelled = batches.check(CoherenceScope.sample(), new CheckProgress() {
            @Override
            public void checked(int checked, int planned) {
            }

            @Override
            public boolean cancelled() {
                return true;
            }
        });
        assertThat(cancelled.checked()).isEqualTo(5);
        assertThat(cancelled.stoppedEarly()).isEqualTo("cancelled");
    }
}
