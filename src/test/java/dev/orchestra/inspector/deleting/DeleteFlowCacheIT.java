package dev.orchestra.inspector.deleting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.inspector.common.SameThreadRunner;
import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.inspector.editing.DocumentEditorViewModel;
import dev.orchestra.inspector.common.SafeStorageHolder;
import dev.orchestra.inspector.common.SecretDisplay;
import dev.orchestra.inspector.common.SecretMasker;
import dev.orchestra.storage.inmemory.InMemoryMemoryManager;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.redis.RedisCache;
import dev.orchestra.storage.redis.RedisCacheSettings;
import dev.orchestra.storage.safety.Actor;
import dev.orchestra.storage.safety.WriteLock;
import dev.orchestra.storage.testsupport.RedisTestServer;
import dev.orchestra.storage.tiered.TieredMemoryManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A delete or edit whose cache keys Redis did not delete ends with a warning, not just "Deleted" / "Saved". */
class DeleteFlowCacheIT {
    private final SameThreadRunner runner = new SameThreadRunner();
    private final InMemoryMemoryManager raw = new InMemoryMemoryManager();
    private final DeleteFlowTest.RecordingDialogs dialogs = new DeleteFlowTest.RecordingDialogs();
    private RedisTestServer redis;
    private TieredMemoryManager tiered;
    private SafeStorageHolder storage;

    @BeforeEach
    void start() {
        redis = RedisTestServer.openEmbedded();
        var cache = new RedisCache(new RedisCacheSettings(redis.host(), redis.port(), null, false, redis.keyPrefix(),
                Duration.ofMinutes(10), Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMinutes(1)));
        tiered = new TieredMemoryManager(raw, cache);
        storage = new SafeStorageHolder(WriteLock.unlocked(), new Actor("tester", "unit-test"));
        new StoreConnection(runner, storage.wrap(() -> tiered)).connect();
        for (int i = 0; i < 3; i++) {
            raw.insert(StoreCollection.MEMORY_ITEMS, new BsonDocument("_id", new BsonString("i" + i))
                    .append("user_id", new BsonString("u")).append("session_id", new BsonString("s"))
                    .append("item_type", new BsonString("conversation"))
                    .append("timestamp", new BsonDateTime(Instant.now().toEpochMilli() + i)));
        }
        tiered.getConversationHistory("u", "s", 10, null); // fills the cache
    }

    @AfterEach
    void stop() {
        tiered.close();
        if (!redis.isRunning()) {
            redis.start();
        }
        redis.close();
    }

    private DeleteFlow flow() {
        return new DeleteFlow(runner, storage, dialogs, new SecretDisplay(new SecretMasker()), 10);
    }

    @Test
    void aSessionDeleteWithRedisUpShowsNoWarning() {
        dialogs.typed = "s";
        flow().start(new DeleteRequest.Session("u", "s"), () -> { });
        assertThat(dialogs.notifications).hasSize(1);
        assertThat(dialogs.warnings).isEmpty();
    }

    @Test
    void aSessionDeleteWhileRedisIsDownWarnsThatTheCacheIsNotCleaned() {
        dialogs.typed = "s";
        redis.stop();
        var flow = flow();
        flow.start(new DeleteRequest.Session("u", "s"), () -> { });

        assertThat(flow.lastOutcomeProperty().get().deleted()).isEqualTo(3);
        assertThat(flow.lastOutcomeProperty().get().cacheKeysQueued()).isPositive();
        assertThat(dialogs.warnings).singleElement().asString()
                .startsWith("Cache not cleaned: ").contains("queued, deleted when Redis answers");
    }

    @Test
    void anUndoWhileRedisIsDownWarnsToo() {
        dialogs.typed = "s";
        var flow = flow();
        flow.start(new DeleteRequest.Session("u", "s"), () -> { });
        redis.stop();
        dialogs.undoActions.get(0).run();
        assertThat(raw.findById(StoreCollection.MEMORY_ITEMS, new BsonString("i0"))).isPresent();
        assertThat(dialogs.warnings).singleElement().asString().startsWith("Cache not cleaned: ");
    }

    @Test
    void anEditSavedWhileRedisIsDownSaysTheCacheIsNotCleaned() {
        BsonDocument loaded = raw.findById(StoreCollection.MEMORY_ITEMS, new BsonString("i0")).orElseThrow();
        var editor = DocumentEditorViewModel.edit(runner, storage, StoreCollection.MEMORY_ITEMS, loaded,
                Clock.systemUTC(), () -> { });
        redis.stop();
        editor.content().jsonProperty().set(editor.content().jsonProperty().get().replace("\"conversation\"", "\"note\""));

        editor.save();

        assertThat(raw.findById(StoreCollection.MEMORY_ITEMS, new BsonString("i0")).orElseThrow()
                .getString("item_type").getValue()).isEqualTo("note");
        assertThat(editor.statusProperty().get()).startsWith("Saved at").contains("Cache not cleaned: ");
    }
}
