package dev.orchestra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.factory.MemoryManagerFactory;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.mongo.MongoMemoryManager;
import dev.orchestra.storage.redis.CacheKeys;
import dev.orchestra.storage.testsupport.MongoTestTarget;
import dev.orchestra.storage.testsupport.RedisTestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code cache-check} with its real wiring against mongo-java-server and a redis-server of its own: exit codes. */
class CacheCheckCliIT {
    private static final byte[] PICKLE = {(byte) 0x80, 0x04, (byte) 0x95, 0x03, 0, 0, 0, 0, 0, 0, 0, 'K', 0x01, '.'};
    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    private MongoTestTarget mongo;
    private RedisTestServer redis;
    private String database;
    private CacheKeys keys;

    @BeforeEach
    void start() {
        mongo = MongoTestTarget.open();
        redis = RedisTestServer.openEmbedded();
        database = mongo.newDatabaseName();
        keys = new CacheKeys(redis.keyPrefix());
    }

    @AfterEach
    void stop() {
        redis.close();
        mongo.close();
    }

    private CliHarness cli() {
        CliHarness cli = new CliHarness(MemoryManagerFactory::create);
        cli.env.put("APP_ENV", "staging");
        cli.env.put("MONGODB_URI", mongo.connectionString());
        cli.env.put("MONGODB_DATABASE", database);
        cli.env.putAll(redis.environment());
        return cli;
    }

    /** alice's history cached and fresh; carol's cached, then an item added behind the cache's back. */
    private void cacheTwoSessionsAndMakeOneStale() {
        try (MemoryManager tiered = MemoryManagerFactory.create(StorageConfig.fromMap(cli().env));
             MongoMemoryManager behindTheBack = new MongoMemoryManager(mongo.connectionString(), database,
                     Duration.ofSeconds(5))) {
            tiered.addMemoryItem(MemoryItem.of("alice", "s1", "conversation", "hi").withTimestamp(T0));
            tiered.addMemoryItem(MemoryItem.of("carol", "s3", "conversation", "hello").withTimestamp(T0));
            tiered.getConversationHistory("alice", "s1", 10, null);
            tiered.getConversationHistory("carol", "s3", 10, null);
            behindTheBack.initialize();
            behindTheBack.addMemoryItem(MemoryItem.of("carol", "s3", "conversation", "unseen")
                    .withTimestamp(T0.plusSeconds(5)));
        }
        assertThat(redis.client().exists(keys.history("carol", "s3"))).isTrue();
    }

    @Test
    void staleKeysExitOneAndARepairDeletesThemSoTheNextCheckExitsZero() {
        cacheTwoSessionsAndMakeOneStale();

        var check = cli().run("cache-check");
        var alice = cli().run("cache-check", "--user", "alice", "--session", "s1");
        var json = cli().run("cache-check", "--json");
        var repair = cli().run("cache-check", "--repair");
        var again = cli().run("cache-check");

        assertThat(check.exitCode()).as(check.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(check.out()).contains(keys.history("carol", "s3")).contains("stale").contains("1 missing");
        assertThat(alice.exitCode()).as(alice.err()).isZero();
        assertThat(alice.out()).contains("1 fresh, 0 stale");
        assertThat(json.exitCode()).isEqualTo(ExitCodes.FAILED);
        BsonDocument report = BsonDocument.parse(json.out());
        assertThat(report.getDocument("counts").getInt32("stale").getValue()).isEqualTo(1);
        assertThat(report.getDocument("counts").getInt32("fresh").getValue()).isEqualTo(1);
        assertThat(report.getBoolean("ok").getValue()).isFalse();
        assertThat(repair.exitCode()).as(repair.err()).isZero();
        assertThat(repair.out()).contains("Repair: 1 key deleted");
        assertThat(redis.client().exists(keys.history("carol", "s3"))).isFalse();
        assertThat(redis.client().exists(keys.history("alice", "s1"))).isTrue();
        assertThat(again.exitCode()).as(again.out()).isZero();
    }

    @Test
    void foreignKeysAloneExitZeroAndAreNeverTouchedByARepair() {
        byte[] key = keys.history("erin", "s5").getBytes(StandardCharsets.UTF_8);
        redis.client().set(key, PICKLE);
        byte[] before = redis.client().dump(key);

        var check = cli().run("cache-check", "--repair", "--yes");

        assertThat(check.exitCode()).as(check.err()).isZero();
        assertThat(check.out()).contains("foreign");
        assertThat(redis.client().dump(key)).isEqualTo(before);
    }

    @Test
    void readOnlyRefusesARepairBeforeCheckingAndDeletesNothing() {
        cacheTwoSessionsAndMakeOneStale();
        CliHarness readOnly = cli();
        readOnly.env.put("INSPECTOR_READ_ONLY", "true");

        var refused = readOnly.run("cache-check", "--repair", "--yes");
        var checkOnly = readOnly.run("cache-check");

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(refused.err()).containsIgnoringCase("read-only");
        assertThat(redis.client().exists(keys.history("carol", "s3"))).isTrue();
        assertThat(checkOnly.exitCode()).isEqualTo(ExitCodes.FAILED);
    }

    @Test
    void moreThanOneKeyToRepairNeedsAConfirmationWhichNoTerminalCanGive() {
        cacheTwoSessionsAndMakeOneStale();
        redis.client().del(keys.history("alice", "s1"));
        try (MongoMemoryManager behindTheBack = new MongoMemoryManager(mongo.connectionString(), database,
                Duration.ofSeconds(5))) {
            behindTheBack.initialize();
            behindTheBack.addMemoryItem(MemoryItem.of("carol", null, "conversation", "x").withTimestamp(T0));
        }
        try (MemoryManager tiered = MemoryManagerFactory.create(StorageConfig.fromMap(cli().env));
             MongoMemoryManager behindTheBack = new MongoMemoryManager(mongo.connectionString(), database,
                     Duration.ofSeconds(5))) {
            tiered.getConversationHistory("carol", null, 10, null);
            behindTheBack.initialize();
            behindTheBack.addMemoryItem(MemoryItem.of("carol", "s9", "conversation", "y").withTimestamp(T0));
        }

        var refused = cli().run("cache-check", "--repair");

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(refused.err()).contains("--yes");
        assertThat(redis.client().exists(keys.history("carol", "s3"))).isTrue();
        assertThat(redis.client().exists(keys.history("carol", null))).isTrue();
    }
}
