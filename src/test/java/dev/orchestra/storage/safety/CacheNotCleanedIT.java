package dev.orchestra.storage.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.testsupport.FollowsTarget;
import dev.orchestra.storage.testsupport.FollowsTarget.Server;
import dev.orchestra.storage.testsupport.MongoTestTarget;
import dev.orchestra.storage.testsupport.RedisTestServer;
import dev.orchestra.storage.tiered.CacheInvalidations;
import java.time.Instant;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A session delete tells whether its cache keys were deleted; those Redis did not delete go when it answers. */
@FollowsTarget(Server.MONGODB) // Redis is its own: the test stops it
class CacheNotCleanedIT {
    private MongoTestTarget mongoServer;
    private RedisTestServer redisServer;
    private RealStack stack;

    @BeforeEach
    void start() {
        mongoServer = MongoTestTarget.open();
        redisServer = RedisTestServer.openEmbedded();
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
    void aSessionDeleteWithRedisUpReportsTheCacheCleaned() {
        seed("u1", "s1", 2);
        SessionDeleteResult result = stack.operations().deleteSession("u1", "s1");
        assertThat(result.itemsDeleted()).isEqualTo(2);
        assertThat(result.cacheCleaned()).isTrue();
    }

    @Test
    void aSessionDeleteWhileRedisIsDownReportsTheQueuedKeysWhichGoOnceRedisAnswers() {
        seed("u1", "s1", 2);
        String key = stack.cache.keys().history("u1", "s1");
        assertThat(redisServer.client().exists(key)).isTrue();
        CacheInvalidations invalidations = stack.operations().cacheInvalidations();

        redisServer.stop();
        SessionDeleteResult result = stack.operations().deleteSession("u1", "s1");

        assertThat(result.itemsDeleted()).isEqualTo(2);
        assertThat(result.cacheCleaned()).isFalse();
        assertThat(result.cacheKeysQueued()).isPositive();
        assertThat(invalidations.pendingInvalidations()).contains(key);
        assertThat(invalidations.retryPendingInvalidations()).as("Redis is still down").isFalse();

        redisServer.start();
        assertThat(invalidations.retryPendingInvalidations()).isTrue();
        assertThat(invalidations.pendingInvalidations()).isEmpty();
        assertThat(redisServer.client().exists(key)).as("deleted once Redis answered").isFalse();
    }

    private void seed(String user, String session, int n) {
        for (int i = 0; i < n; i++) {
            stack.mongo.insert(StoreCollection.MEMORY_ITEMS, new BsonDocument("_id", new BsonString(user + session + i))
                    .append("user_id", new BsonString(user)).append("session_id", new BsonString(session))
                    .append("item_type", new BsonString("conversation"))
                    .append("text_content", new BsonString("message " + i))
                    .append("timestamp", new BsonDateTime(Instant.now().toEpochMilli() + i)));
        }
        assertThat(stack.tiered.getConversationHistory(user, session, 10, null)).extracting(MemoryItem::textContent)
                .hasSize(n); // fills the cache
    }
}
