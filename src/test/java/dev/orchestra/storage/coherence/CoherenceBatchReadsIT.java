package dev.orchestra.storage.coherence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.bench.MongoWireTap;
import dev.orchestra.storage.mapping.SessionBatches;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.mongo.MongoMemoryManager;
import dev.orchestra.storage.redis.RedisCache;
import dev.orchestra.storage.redis.RedisCacheSettings;
import dev.orchestra.storage.testsupport.FaultProxy;
import dev.orchestra.storage.testsupport.MongoTestServer;
import dev.orchestra.storage.testsupport.RedisTestServer;
import dev.orchestra.storage.tiered.CacheTruth;
import dev.orchestra.storage.tiered.TieredMemoryManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The check of a page of keys reads MongoDB a few times per page, not once per key: the commands the driver sends
 * are counted on the wire (a {@link FaultProxy} with {@link MongoWireTap} in front of mongo-java-server) during a
 * check of more than 400 keys, and the findings are exactly those of the per-key reads.
 */
class CoherenceBatchReadsIT {
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(1, ChronoUnit.DAYS);
    private static final int SESSIONS = 220;
    private static final int USERS = 30;
    private static final int CACHED_ITEMS = 5;

    private static MongoTestServer mongo;
    private static FaultProxy proxy;
    private static RedisTestServer redis;
    private static final MongoWireTap TAP = new MongoWireTap();

    @BeforeAll
    static void startServers() {
        mongo = MongoTestServer.start();
        proxy = FaultProxy.start(mongo.host(), mongo.port());
        proxy.setTap(TAP);
        redis = RedisTestServer.openEmbedded();
    }

    @AfterAll
    static void stopServers() {
        redis.close();
        proxy.close();
        mongo.close();
    }

    @Test
    void aCheckOfHundredsOfKeysMakesAFewMongoDbRoundTripsPerPageWithThePerKeyFindings() {
        String database = mongo.uniqueDatabaseName();
        RedisCache cache = new RedisCache(new RedisCacheSettings(redis.host(), redis.port(), redis.password(),
                redis.tls(), redis.keyPrefix() + database + ":", Duration.ofSeconds(600), Duration.ofMillis(500),
                Duration.ofMillis(1000), Duration.ofMillis(200)));
        try (MongoMemoryManager behindTheBack = new MongoMemoryManager(mongo.connectionString(), database,
                Duration.ofSeconds(10));
             TieredMemoryManager tiered = new TieredMemoryManager(new MongoMemoryManager(
                     proxy.mongoConnectionString(), database, Duration.ofSeconds(10)), cache, CACHED_ITEMS,
                     Clock.systemUTC())) {
            tiered.initialize();
            behindTheBack.initialize();
            fillTheCache(tiered);
            // one stale history, one orphan record, one stale user-level history: behind the cache's back
            behindTheBack.addMemoryItem(MemoryItem.of("u3", "s3", "conversation", "late")
                    .withTimestamp(T0.plusSeconds(9999)));
            behindTheBack.deleteByIds(StoreCollection.USER_SESSIONS, List.of(new BsonString("u7:s7")));
            CoherenceChecker checker = CoherenceChecker.of(tiered).orElseThrow();
            CoherenceLimits limits = checker.limits().withSampleSize(10_000);

            TAP.start();
            CoherenceReport batched = checker.withLimits(limits).check(CoherenceScope.sample(), CheckProgress.NONE);
            TAP.stop();
            long commands = TAP.commands();
            String names = TAP.commandNames();
            CoherenceReport oneByOne = new CoherenceChecker(perKey(CacheTruth.of(tiered).orElseThrow()), limits)
                    .check(CoherenceScope.sample(), CheckProgress.NONE);

            int keys = 2 * SESSIONS + USERS;
            assertThat(batched.checked()).isEqualTo(keys);
            assertThat(batched.sourceReads()).isEqualTo(keys);
            // per page of keys: at most ROUNDS queries of session histories, of user histories and of records
            int pages = (keys + limits.batchSize() - 1) / limits.batchSize() + 1;
            assertThat(SessionBatches.sessionsPerHistoryQuery(CACHED_ITEMS)).isGreaterThanOrEqualTo(limits.batchSize());
            assertThat(commands).as("MongoDB commands during the check: %s", names).isLessThanOrEqualTo(3L * SessionBatches.ROUNDS * pages)
                    .isLessThan(keys / 20);
            assertThat(batched.counts()).containsEntry(CoherenceClass.STALE, 2).containsEntry(CoherenceClass.ORPHAN, 1)
                    .containsEntry(CoherenceClass.FRESH, keys - 3);
            assertThat(batched.counts()).isEqualTo(oneByOne.counts());
            assertThat(problems(batched)).isEqualTo(problems(oneByOne)).hasSize(3);
        }
    }

    private static void fillTheCache(TieredMemoryManager tiered) {
        List<BsonDocument> items = new ArrayList<>();
        List<BsonDocument> records = new ArrayList<>();
        for (int s = 0; s < SESSIONS; s++) {
            String user = "u" + (s % USERS);
            for (int i = 0; i <= s % 9; i++) { // 1–9 items: some sessions have more than the cache holds
                items.add(new BsonDocument("_id", new BsonString("i" + s + "-" + i))
                        .append("user_id", new BsonString(user)).append("session_id", new BsonString("s" + s))
                        .append("timestamp", new BsonDateTime(T0.plusSeconds(i % 4).toEpochMilli()))
                        .append("item_type", new BsonString("conversation"))
                        .append("text_content", new BsonString("m" + i)).append("metadata", new BsonDocument()));
            }
            records.add(new BsonDocument("_id", new BsonString(user + ":s" + s))
                    .append("user_id", new BsonString(user)).append("session_id", new BsonString("s" + s))
                    .append("created_at", new BsonDateTime(T0.toEpochMilli()))
                    .append("updated_at", new BsonDateTime(T0.toEpochMilli())));
        }
        tiered.insertAll(StoreCollection.MEMORY_ITEMS, items);
        tiered.insertAll(StoreCollection.USER_SESSIONS, records);
        for (int s = 0; s < SESSIONS; s++) {
            String user = "u" + (s % USERS);
            tiered.getConversationHistory(user, "s" + s, CACHED_ITEMS, null);
            tiered.findPage(StoreCollection.USER_SESSIONS, DocumentFilter.forSession(user, "s" + s),
                    PageRequest.first(2));
        }
        for (int u = 0; u < USERS; u++) {
            tiered.getConversationHistory("u" + u, null, CACHED_ITEMS, null);
        }
    }

    /** The same truth read one key at a time (the interface's defaults). */
    private static CacheTruth perKey(CacheTruth truth) {
        return new CacheTruth() {
            @Override
            public RedisCache redisCache() {
                return truth.redisCache();
            }

            @Override
            public int cachedItemsPerKey() {
                return truth.cachedItemsPerKey();
            }

            @Override
            public List<MemoryItem> historyFromSource(String userId, String sessionId) {
                return truth.historyFromSource(userId, sessionId);
            }

            @Override
            public Optional<BsonDocument> sessionFromSource(String userId, String sessionId) {
                return truth.sessionFromSource(userId, sessionId);
            }
        };
    }

    private static List<String> problems(CoherenceReport report) {
        return report.findings().stream().filter(f -> f.coherence() != CoherenceClass.FRESH)
                .map(f -> f.key() + " " + f.coherence() + " " + f.detail()).sorted().toList();
    }
}
