package dev.orchestra.storage.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.redis.CacheKeyView;
import dev.orchestra.storage.redis.CacheKeyView.Kind;
import dev.orchestra.storage.testsupport.FollowsTarget;
import dev.orchestra.storage.testsupport.FollowsTarget.Server;
import dev.orchestra.storage.testsupport.MongoTestTarget;
import dev.orchestra.storage.testsupport.RedisTestServer;
import dev.orchestra.storage.tiered.CacheInspection;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The inspector's read-only look at a session's Redis keys, on the real servers behind the write gate. */
@FollowsTarget({Server.MONGODB, Server.REDIS})
class CacheInspectionIT {
    /** The start of a Python pickle (protocol 4): not UTF-8, never to be decoded or touched by us. */
    private static final byte[] PICKLE = {(byte) 0x80, 0x04, (byte) 0x95, 0x1d, 0, 0, 0, 0, 0, 0, 0, 0x7d,
            (byte) 0x94, (byte) 0x8c, 0x07, 'u', 's', 'e', 'r', '_', 'i', 'd', (byte) 0x94, (byte) 0x8c, 0x02, 'u',
            '1', (byte) 0x94, 0x73, 0x2e};

    private static MongoTestTarget mongoServer;
    private static RedisTestServer redisServer;
    private RealStack stack;

    @BeforeAll
    static void startServers() {
        mongoServer = MongoTestTarget.open();
        redisServer = RedisTestServer.open();
    }

    @AfterAll
    static void stopServers() {
        redisServer.close();
        mongoServer.close();
    }

    @BeforeEach
    void openStack() {
        stack = new RealStack(mongoServer, redisServer);
    }

    @AfterEach
    void closeStack() {
        redisServer.deleteOwnKeys();
        stack.close();
    }

    private List<CacheKeyView> inspect(String user, String session) {
        return CacheInspection.inspectSession(stack.storage.manager(), user, session).orElseThrow();
    }

    private static CacheKeyView view(List<CacheKeyView> views, String key) {
        return views.stream().filter(v -> v.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void showsOurJsonListDecodedAndAForeignPickleAsBytesWithoutChangingIt() {
        for (int i = 0; i < 3; i++) {
            stack.tiered.addMemoryItem(MemoryItem.of("u1", "s1", MemoryItem.CONVERSATION, "message " + i)
                    .withTimestamp(Instant.parse("2024-05-01T10:00:00Z").plusSeconds(i)));
        }
        stack.storage.manager().getConversationHistory("u1", "s1", 10, null); // fills history:u1:s1
        var keys = stack.cache.keys();
        byte[] sessionKey = keys.session("u1", "s1").getBytes(StandardCharsets.UTF_8);
        redisServer.client().set(sessionKey, PICKLE);
        redisServer.client().pexpire(sessionKey, 600_000);
        long listBytes = redisServer.client().lrange(keys.history("u1", "s1").getBytes(StandardCharsets.UTF_8), 0, -1)
                .stream().mapToLong(b -> b.length).sum();

        List<CacheKeyView> views = inspect("u1", "s1");

        assertThat(views).extracting(CacheKeyView::key).containsExactly(keys.history("u1", "s1"),
                keys.history("u1", null), keys.session("u1", "s1"));
        CacheKeyView history = view(views, keys.history("u1", "s1"));
        assertThat(history.kind()).isEqualTo(Kind.OURS);
        assertThat(history.type()).isEqualTo("list");
        assertThat(history.elements()).isEqualTo(4); // header + 3 items
        assertThat(history.sizeBytes()).isEqualTo(listBytes);
        assertThat(history.ttlMillis()).isBetween(1L, 600_000L);
        assertThat(history.json()).contains("message 0").contains("message 2").contains("\n  ");
        assertThat(history.hexPreview()).isNull();

        assertThat(view(views, keys.history("u1", null)).kind()).isEqualTo(Kind.ABSENT);

        CacheKeyView pickle = view(views, keys.session("u1", "s1"));
        assertThat(pickle.kind()).isEqualTo(Kind.FOREIGN);
        assertThat(pickle.type()).isEqualTo("string");
        assertThat(pickle.sizeBytes()).isEqualTo(PICKLE.length);
        assertThat(pickle.json()).isNull();
        assertThat(pickle.hexPreview()).startsWith("80 04 95 1d");
        assertThat(redisServer.client().get(sessionKey)).as("the foreign value is untouched").isEqualTo(PICKLE);
        assertThat(redisServer.client().pttl(sessionKey)).as("and keeps its TTL").isBetween(1L, 600_000L);
        assertThat(redisServer.client().type(sessionKey)).isEqualTo("string");
    }

    @Test
    void editingTheSessionRecordThroughSafeOperationsDropsItsCachedHash() {
        stack.operations().insert(StoreCollection.USER_SESSIONS, new BsonDocument("user_id", new BsonString("u2"))
                .append("session_id", new BsonString("s2")).append("persona_active", new BsonString("helper")));
        var lookup = stack.storage.manager().findPage(StoreCollection.USER_SESSIONS,
                DocumentFilter.forSession("u2", "s2"), PageRequest.first(1)); // fills session:u2:s2
        String key = stack.cache.keys().session("u2", "s2");
        CacheKeyView cached = view(inspect("u2", "s2"), key);
        assertThat(cached.kind()).isEqualTo(Kind.OURS);
        assertThat(cached.type()).isEqualTo("hash");
        assertThat(cached.json()).contains("\"persona_active\": \"helper\"");

        BsonDocument loaded = stack.storage.manager().findById(StoreCollection.USER_SESSIONS,
                lookup.items().get(0).get("_id")).orElseThrow();
        stack.operations().update(StoreCollection.USER_SESSIONS, loaded,
                loaded.clone().append("persona_active", new BsonString("tutor")));

        assertThat(view(inspect("u2", "s2"), key).kind()).isEqualTo(Kind.ABSENT);
        assertThat(redisServer.client().exists(key)).isFalse();
    }
}
