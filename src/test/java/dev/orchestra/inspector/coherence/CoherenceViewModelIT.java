package dev.orchestra.inspector.coherence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.inspector.common.ManualRunner;
import dev.orchestra.inspector.common.Messages;
import dev.orchestra.inspector.common.SafeStorageHolder;
import dev.orchestra.inspector.common.SameThreadRunner;
import dev.orchestra.inspector.common.BackgroundRunner;
import dev.orchestra.storage.coherence.CacheFinding;
import dev.orchestra.storage.coherence.CoherenceClass;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.mongo.MongoMemoryManager;
import dev.orchestra.storage.redis.CacheKeys;
import dev.orchestra.storage.redis.RedisCache;
import dev.orchestra.storage.redis.RedisCacheSettings;
import dev.orchestra.storage.safety.Actor;
import dev.orchestra.storage.safety.WriteLock;
import dev.orchestra.storage.testsupport.MongoTestTarget;
import dev.orchestra.storage.testsupport.RedisTestServer;
import dev.orchestra.storage.tiered.TieredMemoryManager;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Coherence ViewModel on a real redis-server and mongo-java-server: check, confirm, repair, cancel. */
class CoherenceViewModelIT {
    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    private static final byte[] PICKLE = {(byte) 0x80, 0x04, 'K', 0x01, '.'};

    private static MongoTestTarget mongo;
    private static RedisTestServer redis;

    private final Messages messages = Messages.load();
    private final CoherenceViewModelTest.Dialogs dialogs = new CoherenceViewModelTest.Dialogs();
    private TieredMemoryManager tiered;
    private MongoMemoryManager behindTheBack;
    private CacheKeys keys;

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
        RedisCache cache = new RedisCache(new RedisCacheSettings(redis.host(), redis.port(), null, false,
                redis.keyPrefix() + database + ":", Duration.ofSeconds(600), Duration.ofMillis(500),
                Duration.ofMillis(1000), Duration.ofMillis(200)));
        tiered = new TieredMemoryManager(new MongoMemoryManager(mongo.connectionString(), database,
                Duration.ofSeconds(5)), cache, 5, Clock.systemUTC());
        tiered.initialize();
        behindTheBack = new MongoMemoryManager(mongo.connectionString(), database, Duration.ofSeconds(5));
        behindTheBack.initialize();
        keys = cache.keys();
        for (String user : new String[] {"alice", "bob", "carol"}) {
            tiered.addMemoryItem(MemoryItem.of(user, "s1", "conversation", "hi " + user).withTimestamp(T0));
            tiered.getConversationHistory(user, "s1", 5, null);
        }
        behindTheBack.addMemoryItem(MemoryItem.of("bob", "s1", "conversation", "late").withTimestamp(T0.plusSeconds(9)));
        behindTheBack.addMemoryItem(MemoryItem.of("carol", "s1", "conversation", "late").withTimestamp(T0.plusSeconds(9)));
        redis.client().set(keys.history("erin", null).getBytes(StandardCharsets.UTF_8), PICKLE);
    }

    @AfterEach
    void close() {
        tiered.close();
        behindTheBack.close();
    }

    private CoherenceViewModel model(BackgroundRunner runner, WriteLock lock) throws Exception {
        SafeStorageHolder storage = new SafeStorageHolder(lock, new Actor("tester", Actor.GUI));
        storage.wrap(() -> tiered).open();
        return new CoherenceViewModel(runner, storage, dialogs, messages);
    }

    @Test
    void showingChecksASampleAndCountsEachClass() throws Exception {
        CoherenceViewModel model = model(new SameThreadRunner(), WriteLock.unlocked());

        model.setShowing(true);

        assertThat(model.errorProperty().get()).isNull();
        assertThat(model.countProperty(CoherenceClass.FRESH).get()).isEqualTo(1);
        assertThat(model.countProperty(CoherenceClass.STALE).get()).isEqualTo(2);
        assertThat(model.countProperty(CoherenceClass.FOREIGN).get()).isEqualTo(1);
        assertThat(model.findings()).hasSize(4);
        assertThat(model.anyRepairableProperty().get()).isTrue();
        assertThat(model.summaryProperty().get()).contains("4 keys: 1 fresh, 2 stale");
    }

    @Test
    void repairingMoreThanOneAsksFirstAndDeclinedDeletesNothingAcceptedDeletesOnlyStale() throws Exception {
        CoherenceViewModel model = model(new SameThreadRunner(), WriteLock.unlocked());
        model.check();

        dialogs.answer = false;
        model.repairAll();
        assertThat(dialogs.questions).singleElement().asString().contains("Delete 2 stale or orphan cache keys");
        assertThat(redis.client().exists(keys.history("bob", "s1"))).isTrue();

        dialogs.answer = true;
        model.repairAll();
        assertThat(redis.client().exists(keys.history("bob", "s1"))).isFalse();
        assertThat(redis.client().exists(keys.history("carol", "s1"))).isFalse();
        assertThat(redis.client().exists(keys.history("erin", null))).isTrue();
        assertThat(model.resultProperty().get()).isEqualTo("2 keys deleted");
        assertThat(model.countProperty(CoherenceClass.STALE).get()).as("checked again").isZero();
    }

    @Test
    void oneKeyIsRepairedWithoutAQuestionAndAForeignKeyOnlyAfterItsOwn() throws Exception {
        CoherenceViewModel model = model(new SameThreadRunner(), WriteLock.unlocked());
        model.check();
        CacheFinding bob = model.findings().stream().filter(f -> f.key().equals(keys.history("bob", "s1")))
                .findFirst().orElseThrow();

        model.selectedProperty().set(bob);
        model.repairSelected();
        assertThat(dialogs.questions).isEmpty();
        assertThat(redis.client().exists(keys.history("bob", "s1"))).isFalse();

        model.selectedProperty().set(model.findings().stream().filter(f -> f.coherence() == CoherenceClass.FOREIGN)
                .findFirst().orElseThrow());
        dialogs.answer = false;
        model.deleteSelectedForeign();
        assertThat(redis.client().exists(keys.history("erin", null))).isTrue();
        dialogs.answer = true;
        model.deleteSelectedForeign();
        assertThat(dialogs.questions).hasSize(2).allSatisfy(q -> assertThat(q).contains("never decoded"));
        assertThat(redis.client().exists(keys.history("erin", null))).isFalse();
    }

    @Test
    void cancelStopsTheRunningCheckWhichShowsWhatItFound() throws Exception {
        ManualRunner runner = new ManualRunner();
        CoherenceViewModel model = model(runner, WriteLock.unlocked());
        model.check();
        assertThat(model.checkingProperty().get()).isTrue();

        model.cancel();
        runner.runAll();

        assertThat(model.checkingProperty().get()).isFalse();
        assertThat(model.summaryProperty().get()).contains("stopped: cancelled");
    }
}
