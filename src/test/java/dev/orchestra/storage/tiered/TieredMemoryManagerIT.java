package dev.orchestra.storage.tiered;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orchestra.storage.health.HealthChecker;
import dev.orchestra.storage.model.BulkProgress;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.HealthStatus;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.mongo.MongoMemoryManager;
import dev.orchestra.storage.redis.CacheKeys;
import dev.orchestra.storage.redis.RedisCache;
import dev.orchestra.storage.testsupport.FollowsTarget.Server;
import dev.orchestra.storage.testsupport.FollowsTarget;
import dev.orchestra.storage.testsupport.MongoTestTarget;
import dev.orchestra.storage.testsupport.RedisTestServer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cache observed in Redis itself (through a separate client) and checked against the source of truth (a plain
 * {@link MongoMemoryManager} on the same database). Outage tests run on a Redis of their own.
 */
@FollowsTarget({Server.MONGODB, Server.REDIS})
class TieredMemoryManagerIT {
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(1, ChronoUnit.DAYS);
    private static final int CACHED_ITEMS = 5;
    private static final byte[] PICKLE = {(byte) 0x80, 0x04, (byte) 0x95, 0x0c, 0, 0, 0, 0, 0, 0, 0, (byte) 0x8c,
        0x05, 'h', 'e', 'l', 'l', 'o', (byte) 0x94, '.'};

    private static MongoTestTarget mongo;
    private static RedisTestServer sharedRedis;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private RedisTestServer redis;
    private MongoMemoryManager sourceOfTruth;
    private TieredMemoryManager tiered;
    private CacheKeys keys;

    @BeforeAll
    static void startServers() {
        mongo = MongoTestTarget.open();
        sharedRedis = RedisTestServer.open();
    }

    @AfterAll
    static void stopServers() {
        sharedRedis.close();
        mongo.close();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private void open(RedisTestServer redisServer) {
        redis = redisServer;
        String database = mongo.newDatabaseName();
        sourceOfTruth = new MongoMemoryManager(mongo.connectionString(), database, Duration.ofSeconds(5));
        RedisCache cache = TieredTestSupport.cacheOn(redis, database, Duration.ofSeconds(600));
        tiered = new TieredMemoryManager(new MongoMemoryManager(mongo.connectionString(), database,
                Duration.ofSeconds(5)), cache, CACHED_ITEMS, Clock.systemUTC());
        tiered.initialize();
        keys = cache.keys();
        toClose.add(sourceOfTruth);
        toClose.add(tiered);
    }

    private void openOnSharedRedis() {
        open(sharedRedis);
    }

    private RedisCache cache() {
        return tiered.cache().orElseThrow();
    }

    private void say(String user, String session, String text, int second) {
        tiered.addMemoryItem(MemoryItem.of(user, session, "conversation", text).withTimestamp(T0.plusSeconds(second)));
    }

    private List<String> history(String user, String session, int limit) {
        return tiered.getConversationHistory(user, session, limit, null).stream().map(MemoryItem::textContent).toList();
    }

    private List<String> truth(String user, String session, int limit) {
        return sourceOfTruth.getConversationHistory(user, session, limit, null).stream()
                .map(MemoryItem::textContent).toList();
    }

    private boolean cached(String key) {
        return redis.client().exists(key);
    }

    // ---- cache-aside ---------------------------------------------------------------------------------------------

    @Test
    void aMissFillsRedisWithOurJsonAndTheTtlThenTheNextReadIsAHit() {
        openOnSharedRedis();
        say("u1", "s1", "hello", 1);
        say("u1", "s1", "hi there", 2);
        String key = keys.history("u1", "s1");
        assertThat(cached(key)).isFalse();

        assertThat(history("u1", "s1", 10)).containsExactly("hello", "hi there");

        assertThat(cached(key)).isTrue();
        assertThat(redis.client().ttl(key)).isBetween(1L, 600L);
        List<String> raw = redis.client().lrange(key, 0, -1);
        assertThat(raw).hasSize(3);
        assertThat(raw.get(0)).contains("\"complete\": true");
        assertThat(raw.get(1)).contains("\"text_content\": \"hello\"").contains("\"$date\"");
        assertThat(cache().statistics().misses()).isEqualTo(1);

        assertThat(history("u1", "s1", 10)).containsExactly("hello", "hi there");
        assertThat(cache().statistics().hits()).isEqualTo(1);
    }

    @Test
    void theCacheHoldsTheNewestItemsAndAnswersOnlyLimitsItCan() {
        openOnSharedRedis();
        for (int i = 0; i < 8; i++) {
            say("u1", "s1", "m" + i, i);
        }
        say("u2", "s1", "a", 1);
        say("u2", "s1", "b", 2);

        assertThat(history("u1", "s1", 3)).containsExactly("m5", "m6", "m7");
        assertThat(redis.client().llen(keys.history("u1", "s1"))).isEqualTo(1 + CACHED_ITEMS);
        assertThat(history("u1", "s1", 5)).containsExactly("m3", "m4", "m5", "m6", "m7");
        assertThat(cache().statistics().hits()).isEqualTo(1);
        assertThat(history("u1", "s1", 7)).as("more than cached, and not all").isEqualTo(truth("u1", "s1", 7));
        assertThat(cache().statistics().hits()).isEqualTo(1);

        assertThat(history("u2", "s1", 1)).containsExactly("b");
        assertThat(history("u2", "s1", 100)).as("all items are cached").containsExactly("a", "b");
        assertThat(cache().statistics().hits()).isEqualTo(2);
    }

    @Test
    void filteredRequestsAndAmbiguousUsersBypassTheCache() {
        openOnSharedRedis();
        say("u1", "s1", "x", 1);
        say("team:7", null, "y", 2);

        tiered.getConversationHistory("u1", "s1", 10, DocumentFilter.none().withItemType("conversation"));
        assertThat(history("team:7", null, 10)).containsExactly("y");

        assertThat(redis.keys()).noneMatch(k -> k.startsWith(keys.prefix()));
    }

    // ---- invalidation ----------------------------------------------------------------------------------------------

    private void warm(String... userSessionPairs) {
        for (int i = 0; i < userSessionPairs.length; i += 2) {
            history(userSessionPairs[i], userSessionPairs[i + 1], 10);
            assertThat(cached(keys.history(userSessionPairs[i], userSessionPairs[i + 1]))).isTrue();
        }
    }

    @Test
    void addingAnItemDeletesExactlyTheSessionAndUserKeys() {
        openOnSharedRedis();
        say("u1", "s1", "a", 1);
        say("u1", "s2", "b", 2);
        say("u2", "s1", "c", 3);
        warm("u1", "s1", "u1", null, "u1", "s2", "u2", "s1", "u2", null);

        say("u1", "s1", "new", 4);

        assertThat(cached(keys.history("u1", "s1"))).isFalse();
        assertThat(cached(keys.history("u1", null))).isFalse();
        assertThat(cached(keys.history("u1", "s2"))).isTrue();
        assertThat(cached(keys.history("u2", "s1"))).isTrue();
        assertThat(cached(keys.history("u2", null))).isTrue();
        assertThat(history("u1", "s1", 10)).containsExactly("a", "new");
        assertThat(history("u1", null, 10)).containsExactly("a", "b", "new");
    }

    @Test
    void replaceInvalidatesTheOldAndTheNewOwner() {
        openOnSharedRedis();
        say("u1", "s1", "moving", 1);
        say("u2", "s9", "stays", 2);
        warm("u1", "s1", "u1", null, "u2", "s9", "u2", null);
        BsonDocument stored = tiered.findPage(StoreCollection.MEMORY_ITEMS, DocumentFilter.forUser("u1"),
                PageRequest.first(10)).items().get(0);
        BsonDocument full = tiered.findById(StoreCollection.MEMORY_ITEMS, stored.get("_id")).orElseThrow();
        BsonDocument moved = full.clone().append("user_id", new BsonString("u2")).append("session_id",
                new BsonString("s9"));

        tiered.replace(StoreCollection.MEMORY_ITEMS, full, moved);

        assertThat(cached(keys.history("u1", "s1"))).isFalse();
        assertThat(cached(keys.history("u1", null))).isFalse();
        assertThat(cached(keys.history("u2", "s9"))).isFalse();
        assertThat(cached(keys.history("u2", null))).isFalse();
        assertThat(history("u1", "s1", 10)).isEmpty();
        assertThat(history("u2", "s9", 10)).containsExactly("moving", "stays");
    }

    @Test
    void deleteByIdInvalidatesTheStoredDocumentsKeys() {
        openOnSharedRedis();
        say("u1", "s1", "a", 1);
        say("u1", "s1", "b", 2);
        warm("u1", "s1", "u1", null);
        BsonValue id = tiered.getConversationHistory("u1", "s1", 10, null).get(0).id();

        assertThat(tiered.delete(StoreCollection.MEMORY_ITEMS, id)).isTrue();

        assertThat(cached(keys.history("u1", "s1"))).isFalse();
        assertThat(cached(keys.history("u1", null))).isFalse();
        assertThat(history("u1", "s1", 10)).containsExactly("b");
    }

    @Test
    void deleteMatchingInvalidatesBySessionByUserOrEverything() {
        openOnSharedRedis();
        say("u1", "s1", "a", 1);
        say("u1", "s2", "b", 2);
        say("u2", "s1", "c", 3);
        say("u3", "s1", "d", 4);
        warm("u1", "s1", "u1", "s2", "u1", null, "u2", "s1", "u3", "s1");

        tiered.deleteMatching(StoreCollection.MEMORY_ITEMS, DocumentFilter.forSession("u1", "s1"), 10,
                BulkProgress.IGNORE);
        assertThat(cached(keys.history("u1", "s1"))).isFalse();
        assertThat(cached(keys.history("u1", null))).isFalse();
        assertThat(cached(keys.history("u1", "s2"))).isTrue();

        warm("u1", null);
        tiered.deleteMatching(StoreCollection.MEMORY_ITEMS, DocumentFilter.forUser("u1"), 10, BulkProgress.IGNORE);
        assertThat(cached(keys.history("u1", "s2"))).isFalse();
        assertThat(cached(keys.history("u1", null))).isFalse();
        assertThat(cached(keys.history("u2", "s1"))).isTrue();

        tiered.deleteMatching(StoreCollection.MEMORY_ITEMS, DocumentFilter.none().withTextContains("c"), 10,
                BulkProgress.IGNORE);
        assertThat(cached(keys.history("u2", "s1"))).isFalse();
        assertThat(cached(keys.history("u3", "s1"))).as("a filter without user may hit anyone").isFalse();
        assertThat(history("u2", "s1", 10)).isEqualTo(truth("u2", "s1", 10)).isEmpty();
        assertThat(history("u3", "s1", 10)).containsExactly("d");
    }

    @Test
    void expiredItemsAreNotServedAfterCleanup() {
        openOnSharedRedis();
        Instant past = Instant.now().minus(1, ChronoUnit.HOURS);
        tiered.addMemoryItem(MemoryItem.of("u1", "s1", "conversation", "expired").withTimestamp(T0)
                .withExpiration(past));
        say("u1", "s1", "kept", 2);
        history("u1", "s1", 10); // whatever the store returns before cleanup

        assertThat(tiered.cleanupExpiredItems()).isEqualTo(1);

        assertThat(history("u1", "s1", 10)).containsExactly("kept").isEqualTo(truth("u1", "s1", 10));
    }

    @Test
    void sessionRecordsAreCachedAsAHashAndInvalidatedOnChange() {
        openOnSharedRedis();
        BsonDocument session = new BsonDocument("user_id", new BsonString("u1"))
                .append("session_id", new BsonString("s1")).append("persona_active", new BsonString("tutor"));
        tiered.insert(StoreCollection.USER_SESSIONS, session);
        var lookup = DocumentFilter.forSession("u1", "s1");
        String key = keys.session("u1", "s1");

        BsonDocument first = tiered.findPage(StoreCollection.USER_SESSIONS, lookup, PageRequest.first(10)).items()
                .get(0);
        assertThat(redis.client().hget(key, "persona_active")).isEqualTo("tutor");
        assertThat(redis.client().ttl(key)).isBetween(1L, 600L);
        assertThat(tiered.findPage(StoreCollection.USER_SESSIONS, lookup, PageRequest.first(10)).items())
                .containsExactly(first);
        assertThat(cache().statistics().hits()).isEqualTo(1);

        BsonDocument changed = first.clone().append("persona_active", new BsonString("critic"))
                .append("updated_at", new BsonDateTime(Instant.now().toEpochMilli()));
        tiered.replace(StoreCollection.USER_SESSIONS, first, changed);

        assertThat(cached(key)).isFalse();
        assertThat(tiered.findPage(StoreCollection.USER_SESSIONS, lookup, PageRequest.first(10)).items().get(0)
                .getString("persona_active").getValue()).isEqualTo("critic");
    }

    // ---- values written by other services ----------------------------------------------------------------------

    @Test
    void aPickleUnderOurKeyIsAMissLeftUntouchedAndDeletedOnWrite() {
        openOnSharedRedis();
        say("u1", "s1", "from mongo", 1);
        byte[] key = keys.history("u1", "s1").getBytes(StandardCharsets.UTF_8);
        redis.client().set(key, PICKLE);

        assertThat(history("u1", "s1", 10)).containsExactly("from mongo");
        assertThat(history("u1", "s1", 10)).containsExactly("from mongo");

        assertThat(redis.client().get(key)).isEqualTo(PICKLE);
        assertThat(cache().statistics().hits()).isZero();
        assertThat(cache().statistics().foreignValues()).isEqualTo(2);

        say("u1", "s1", "new", 2);
        assertThat(redis.client().exists(key)).as("invalidation deletes it, which is right for everyone").isFalse();
    }

    // ---- Redis outages -------------------------------------------------------------------------------------------

    @Test
    @FollowsTarget(Server.MONGODB)
    void redisStoppedMidTestReadsAndWritesWorkAndHealthIsDegraded() {
        var ownRedis = RedisTestServer.openEmbedded();
        toClose.add(ownRedis);
        open(ownRedis);
        say("u1", "s1", "before", 1);
        history("u1", "s1", 10);

        ownRedis.stop();

        assertThat(history("u1", "s1", 10)).containsExactly("before");
        say("u1", "s1", "during", 2);
        assertThat(history("u1", "s1", 10)).containsExactly("before", "during");
        try (var checker = new HealthChecker(tiered, "test", "dev", Duration.ofSeconds(5))) {
            var report = checker.check();
            assertThat(report.status()).isEqualTo(HealthStatus.DEGRADED);
            assertThat(report.components()).containsEntry("storage_mongodb", true).containsEntry("storage_redis", false);
        }
    }

    @Test
    void upsertAllInvalidatesTheOldAndNewOwnersOfTheBatchAndDeleteByIdsTheStoredOnes() {
        openOnSharedRedis();
        say("u1", "s1", "moving", 1);
        say("u2", "s9", "stays", 2);
        say("u3", "s3", "untouched", 3);
        warm("u1", "s1", "u1", null, "u2", "s9", "u2", null, "u3", "s3");
        BsonDocument full = tiered.findPage(StoreCollection.MEMORY_ITEMS, DocumentFilter.forUser("u1"),
                PageRequest.first(10)).items().get(0);
        full = tiered.findById(StoreCollection.MEMORY_ITEMS, full.get("_id")).orElseThrow();
        BsonDocument moved = full.clone().append("user_id", new BsonString("u2"))
                .append("session_id", new BsonString("s9"));
        BsonDocument added = full.clone().append("_id", new BsonString("imported-1"))
                .append("text_content", new BsonString("imported"));
        added.put("timestamp", new BsonDateTime(T0.plusSeconds(4).toEpochMilli()));

        var result = tiered.upsertAll(StoreCollection.MEMORY_ITEMS, List.of(moved, added));

        assertThat(result.replaced()).isEqualTo(1);
        assertThat(result.inserted()).isEqualTo(1);
        for (String key : List.of(keys.history("u1", "s1"), keys.history("u1", null), keys.history("u2", "s9"),
                keys.history("u2", null))) {
            assertThat(cached(key)).as(key).isFalse();
        }
        assertThat(cached(keys.history("u3", "s3"))).isTrue();
        assertThat(history("u1", "s1", 10)).isEqualTo(truth("u1", "s1", 10)).containsExactly("imported");
        assertThat(history("u2", "s9", 10)).isEqualTo(truth("u2", "s9", 10)).containsExactly("moving", "stays");
        warm("u2", "s9");

        assertThat(tiered.deleteByIds(StoreCollection.MEMORY_ITEMS, List.of(full.get("_id")))).isEqualTo(1);

        assertThat(cached(keys.history("u2", "s9"))).isFalse();
        assertThat(history("u2", "s9", 10)).isEqualTo(truth("u2", "s9", 10)).containsExactly("stays");
    }

    @Test
    @FollowsTarget(Server.MONGODB)
    void anUpsertBatchDuringAnOutageIsJournaledOnceAndNothingIsStaleAfterwards() {
        var ownRedis = RedisTestServer.openEmbeddedPersistent();
        toClose.add(ownRedis);
        open(ownRedis);
        say("u1", "s1", "old", 1);
        String key = keys.history("u1", "s1");
        assertThat(history("u1", "s1", 10)).containsExactly("old");
        BsonDocument stored = tiered.findById(StoreCollection.MEMORY_ITEMS,
                tiered.getConversationHistory("u1", "s1", 10, null).get(0).id()).orElseThrow();

        ownRedis.stop();
        tiered.upsertAll(StoreCollection.MEMORY_ITEMS, List.of(
                stored.clone().append("text_content", new BsonString("edited by import")),
                stored.clone().append("_id", new BsonString("imp-2")).append("text_content", new BsonString("second"))));
        assertThat(cache().pendingInvalidations()).isEqualTo(2); // history:u1:s1 and history:u1, once each
        ownRedis.start();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(history("u1", "s1", 10)).isEqualTo(truth("u1", "s1", 10)).contains("edited by import", "second");
            assertThat(cache().pendingInvalidations()).isZero();
        });
    }

    @Test
    @FollowsTarget(Server.MONGODB)
    void aWriteDuringAnOutageLeavesNothingStaleAfterRedisReturnsAndTheCacheIsUsedAgain() {
        var ownRedis = RedisTestServer.openEmbeddedPersistent();
        toClose.add(ownRedis);
        open(ownRedis);
        say("u1", "s1", "old", 1);
        String key = keys.history("u1", "s1");
        assertThat(history("u1", "s1", 10)).containsExactly("old");
        assertThat(cached(key)).isTrue();

        ownRedis.stop();
        say("u1", "s1", "written while Redis was down", 2);
        assertThat(cache().pendingInvalidations()).isEqualTo(2);
        ownRedis.start();
        assertThat(cached(key)).as("Redis kept the stale list").isTrue();

        assertThat(history("u1", "s1", 10)).isEqualTo(truth("u1", "s1", 10))
                .containsExactly("old", "written while Redis was down");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(history("u1", "s1", 10)).isEqualTo(truth("u1", "s1", 10));
            assertThat(cache().pendingInvalidations()).isZero();
        });
        long hitsBefore = cache().statistics().hits();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(history("u1", "s1", 10)).containsExactly("old", "written while Redis was down");
            assertThat(cache().statistics().hits()).isGreaterThan(hitsBefore);
        });
        assertThat(redis.client().lrange(key, 0, -1)).hasSize(3).anyMatch(v -> v.contains("written while"));
        try (var checker = new HealthChecker(tiered, "test", "dev", Duration.ofSeconds(5))) {
            assertThat(checker.check().status()).isEqualTo(HealthStatus.OK);
        }
    }
}
