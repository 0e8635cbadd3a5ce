package dev.orchestra.storage.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.storage.model.BulkProgress;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.testsupport.MongoTestTarget;
import dev.orchestra.storage.testsupport.redis.RedisFixture;
import dev.orchestra.storage.testsupport.redis.RedisFixture.Shape;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The user's writes through the safe operations, on every Redis shape: with many users their history and session
 * keys sit on different masters of a cluster, and an edit, a session delete, an import that moves items between
 * users and a delete by user each remove every affected key wherever it is — no CROSSSLOT, nothing journalled,
 * and the next read shows MongoDB's state.
 */
class SafeOperationsOnShapesIT {
    private static final int USERS = 12;
    private static MongoTestTarget mongo;
    private static final Map<Shape, RedisFixture> REDIS = new EnumMap<>(Shape.class);
    private RealStack stack;
    private RedisFixture redis;

    @BeforeAll
    static void startServers() {
        mongo = MongoTestTarget.open();
        for (Shape shape : Shape.values()) {
            REDIS.put(shape, RedisFixture.start(shape));
        }
    }

    @AfterAll
    static void stopServers() {
        REDIS.values().forEach(RedisFixture::close);
        mongo.close();
    }

    @AfterEach
    void closeStack() {
        if (stack != null) {
            stack.close();
        }
    }

    private void open(Shape shape) {
        redis = REDIS.get(shape);
        stack = new RealStack(mongo, redis.settings(UUID.randomUUID().toString().substring(0, 6),
                Duration.ofMinutes(10)));
        for (int u = 0; u < USERS; u++) {
            String user = "user-" + u;
            for (int i = 0; i < 2; i++) {
                BsonDocument doc = Documents.memoryItem(user + "-" + i, user, "s", "message " + i);
                doc.put("timestamp", new BsonDateTime(Documents.T0.toEpochMilli() + i * 1000L));
                stack.operations().insert(StoreCollection.MEMORY_ITEMS, doc);
            }
            stack.operations().insert(StoreCollection.USER_SESSIONS, Documents.session("sess-" + u, user, "s"));
            readEverything(user);
        }
        Set<String> masters = new HashSet<>();
        redis.keys(stack.cache.keys().prefix()).forEach(k -> masters.add(stack.cache.deployment().nodeOf(k)));
        assertThat(masters).as("cached keys on every master").hasSize(shape == Shape.CLUSTER ? 3 : 1);
    }

    private void readEverything(String user) {
        stack.tiered.getConversationHistory(user, "s", 20, null);
        stack.tiered.getConversationHistory(user, null, 20, null);
        stack.tiered.findPage(StoreCollection.USER_SESSIONS, DocumentFilter.forSession(user, "s"),
                PageRequest.first(10));
    }

    private List<String> cachedKeysOf(String user) {
        List<String> keys = new ArrayList<>(redis.keys(stack.cache.keys().userSessionHistoryPrefix(user)));
        keys.addAll(redis.keys(stack.cache.keys().userSessionPrefix(user)));
        if (redis.client().exists(stack.cache.keys().history(user, null))) {
            keys.add(stack.cache.keys().history(user, null));
        }
        return keys;
    }

    private void assertCleanInvalidation() {
        assertThat(stack.cache.pendingInvalidations()).as("nothing journalled").isZero();
        assertThat(stack.cache.statistics().errors()).as("no CROSSSLOT or other error").isZero();
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void editsOfManyUsersRemoveTheirKeysOnEveryMaster(Shape shape) {
        open(shape);
        for (int u = 0; u < USERS; u++) {
            BsonDocument loaded = stack.tiered.findById(StoreCollection.MEMORY_ITEMS,
                    new BsonString("user-" + u + "-0")).orElseThrow();
            stack.operations().update(StoreCollection.MEMORY_ITEMS, loaded,
                    loaded.clone().append("text_content", new BsonString("edited " + u)));
            assertThat(redis.client().exists(stack.cache.keys().history("user-" + u, "s"))).isFalse();
            assertThat(redis.client().exists(stack.cache.keys().history("user-" + u, null))).isFalse();
        }
        assertCleanInvalidation();
        assertThat(stack.tiered.getConversationHistory("user-5", "s", 20, null)).extracting(MemoryItem::textContent)
                .containsExactly("edited 5", "message 1");
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void sessionDeletesRemoveHistoryAndSessionKeysWhereverTheyAre(Shape shape) {
        open(shape);
        for (int u = 0; u < USERS; u++) {
            var result = stack.operations().deleteSession("user-" + u, "s");
            assertThat(result.cacheCleaned()).isTrue();
            assertThat(cachedKeysOf("user-" + u)).isEmpty();
        }
        assertCleanInvalidation();
        assertThat(stack.tiered.getConversationHistory("user-3", "s", 20, null)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void anImportMovingItemsBetweenUsersRemovesTheKeysOfBoth(Shape shape) {
        open(shape);
        List<BsonDocument> moved = new ArrayList<>();
        for (int u = 0; u < USERS; u += 2) {
            BsonDocument doc = Documents.memoryItem("user-" + u + "-1", "user-" + (u + 1), "s", "moved from " + u);
            doc.put("timestamp", new BsonDateTime(Documents.T0.toEpochMilli() + 5000L));
            moved.add(doc);
        }

        stack.operations().importBatch(StoreCollection.MEMORY_ITEMS, moved);

        for (int u = 0; u < USERS; u++) {
            assertThat(redis.client().exists(stack.cache.keys().history("user-" + u, "s"))).as("user-" + u)
                    .isFalse();
        }
        assertCleanInvalidation();
        assertThat(stack.tiered.getConversationHistory("user-0", "s", 20, null)).extracting(MemoryItem::textContent)
                .containsExactly("message 0");
        assertThat(stack.tiered.getConversationHistory("user-1", "s", 20, null)).extracting(MemoryItem::textContent)
                .containsExactly("message 0", "message 1", "moved from 0");
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void aDeleteByUserScansEveryMaster(Shape shape) {
        open(shape);
        for (int u = 0; u < USERS; u++) {
            stack.operations().deleteMatching(StoreCollection.MEMORY_ITEMS, DocumentFilter.forUser("user-" + u), 100,
                    BulkProgress.IGNORE);
            assertThat(redis.keys(stack.cache.keys().userSessionHistoryPrefix("user-" + u))).isEmpty();
            assertThat(redis.client().exists(stack.cache.keys().history("user-" + u, null))).isFalse();
        }
        assertCleanInvalidation();
    }
}
