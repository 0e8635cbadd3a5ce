package dev.orchestra.storage.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.testsupport.FollowsTarget.Server;
import dev.orchestra.storage.testsupport.FollowsTarget;
import dev.orchestra.storage.testsupport.MongoTestTarget;
import dev.orchestra.storage.testsupport.RedisTestServer;
import java.time.Duration;
import java.util.List;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisConnectionException;

/** A safe delete or edit while Redis is down must not leave a stale cached history once Redis is back. */
@FollowsTarget(Server.MONGODB)
class DeleteDuringRedisOutageIT {
    private MongoTestTarget mongoServer;
    private RedisTestServer redisServer;
    private RealStack stack;

    @BeforeEach
    void start() {
        mongoServer = MongoTestTarget.open();
        redisServer = RedisTestServer.openEmbedded(); // ours alone: this test stops and starts it
        stack = new RealStack(mongoServer, redisServer);
    }

    @AfterEach
    void stop() {
        stack.close();
        if (!redisServer.isRunning()) {
            redisServer.start();
        }
        redisServer.close();
        mongoServer.close();
    }

    @Test
    void aDeleteWhileRedisIsDownLeavesNoStaleCacheOnceRedisReturns() {
        seed("u1", "s1", 3);
        assertThat(texts()).containsExactly("message 0", "message 1", "message 2");
        String key = stack.cache.keys().history("u1", "s1");
        assertThat(redisServer.client().exists(key)).isTrue();

        redisServer.stop();
        DeleteResult deleted = stack.operations().delete(StoreCollection.MEMORY_ITEMS, new BsonString("u1-s1-1"));
        assertThat(deleted.deleted()).isEqualTo(1);
        assertThat(texts()).as("served from MongoDB while Redis is down").containsExactly("message 0", "message 2");

        redisServer.start();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(texts()).containsExactly("message 0", "message 2");
            assertThat(stack.cache.pendingInvalidations()).isZero();
        });
        assertThat(stack.tiered.getConversationHistory("u1", "s1", 20, null)).extracting(MemoryItem::textContent)
                .containsExactly("message 0", "message 2");
        // Our own assertion client's pooled connection broke with the restart: let it reconnect.
        await().atMost(Duration.ofSeconds(10)).ignoreExceptionsInstanceOf(JedisConnectionException.class)
                .untilAsserted(() -> assertThat(redisServer.client().exists(key)
                        ? String.join(" ", redisServer.client().lrange(key, 0, -1)) : "").doesNotContain("message 1"));
    }

    @Test
    void anEditWhileRedisIsDownIsSeenOnceRedisReturns() {
        seed("u1", "s1", 2);
        texts();
        BsonDocument loaded = stack.mongo.findById(StoreCollection.MEMORY_ITEMS, new BsonString("u1-s1-0")).orElseThrow();

        redisServer.stop();
        stack.operations().update(StoreCollection.MEMORY_ITEMS, loaded,
                loaded.clone().append("text_content", new BsonString("edited while down")));
        redisServer.start();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(texts()).containsExactly("edited while down", "message 1");
            assertThat(stack.cache.pendingInvalidations()).isZero();
        });
    }

    private void seed(String user, String session, int n) {
        for (int i = 0; i < n; i++) {
            BsonDocument doc = Documents.memoryItem(user + "-" + session + "-" + i, user, session, "message " + i);
            doc.put("timestamp", new BsonDateTime(Documents.T0.toEpochMilli() + i * 1000L));
            stack.operations().insert(StoreCollection.MEMORY_ITEMS, doc);
        }
    }

    private List<String> texts() {
        return stack.storage.manager().getConversationHistory("u1", "s1", 20, null).stream()
                .map(MemoryItem::textContent).toList();
    }
}
