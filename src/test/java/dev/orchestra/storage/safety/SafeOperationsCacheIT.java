package dev.orchestra.storage.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.storage.error.StorageConflictException;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.testsupport.FollowsTarget.Server;
import dev.orchestra.storage.testsupport.FollowsTarget;
import dev.orchestra.storage.testsupport.MongoTestTarget;
import dev.orchestra.storage.testsupport.RedisTestServer;
import java.util.List;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Safe edits and deletes through MongoDB (real driver) + Redis (real server) + the tiered manager. */
@FollowsTarget({Server.MONGODB, Server.REDIS})
class SafeOperationsCacheIT {
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
        stack.close();
    }

    @Test
    void afterASafeEditTheCachedHistoryIsGoneAndTheNextReadReturnsTheNewText() {
        seedConversation("u1", "s1", 3);
        assertThat(history("u1", "s1")).extracting(MemoryItem::textContent).contains("message 1");
        String key = stack.cache.keys().history("u1", "s1");
        assertThat(redisServer.client().exists(key)).as("history cached after the first read").isTrue();

        BsonDocument loaded = stack.storage.manager().findById(StoreCollection.MEMORY_ITEMS, new BsonString("u1-s1-1"))
                .orElseThrow();
        stack.operations().update(StoreCollection.MEMORY_ITEMS, loaded,
                loaded.clone().append("text_content", new BsonString("repaired")));

        assertThat(redisServer.client().exists(key)).as("history key invalidated").isFalse();
        assertThat(history("u1", "s1")).extracting(MemoryItem::textContent)
                .contains("repaired").doesNotContain("message 1");
    }

    @Test
    void afterASafeDeleteTheCachedHistoryIsGoneAndTheNextReadLacksTheItem() {
        seedConversation("u1", "s1", 3);
        history("u1", "s1");
        String key = stack.cache.keys().history("u1", "s1");
        assertThat(redisServer.client().exists(key)).isTrue();

        DeleteResult result = stack.operations().delete(StoreCollection.MEMORY_ITEMS, new BsonString("u1-s1-2"));

        assertThat(result.deleted()).isEqualTo(1);
        assertThat(redisServer.client().exists(key)).isFalse();
        assertThat(history("u1", "s1")).extracting(MemoryItem::textContent).containsExactly("message 0", "message 1");

        stack.operations().undo(result.batchId());
        assertThat(history("u1", "s1")).extracting(MemoryItem::textContent)
                .containsExactly("message 0", "message 1", "message 2");
    }

    @Test
    void deletingASessionRemovesItsItemsItsRecordAndItsRedisKeys() {
        seedConversation("u1", "s1", 4);
        seedConversation("u1", "s2", 2);
        stack.operations().insert(StoreCollection.USER_SESSIONS, new BsonDocument("user_id", new BsonString("u1"))
                .append("session_id", new BsonString("s1")));
        history("u1", "s1");
        history("u1", null);
        stack.storage.manager().findPage(StoreCollection.USER_SESSIONS, DocumentFilter.forSession("u1", "s1"),
                PageRequest.first(1));
        var keys = stack.cache.keys();
        assertThat(redisServer.client().exists(keys.session("u1", "s1"))).as("session cached").isTrue();

        SessionDeleteResult result = stack.operations().deleteSession("u1", "s1");

        assertThat(result.itemsDeleted()).isEqualTo(4);
        assertThat(result.sessionRecordsDeleted()).isEqualTo(1);
        assertThat(redisServer.client().exists(keys.history("u1", "s1"))).isFalse();
        assertThat(redisServer.client().exists(keys.history("u1", null))).isFalse();
        assertThat(redisServer.client().exists(keys.session("u1", "s1"))).isFalse();
        assertThat(history("u1", "s1")).isEmpty();
        assertThat(history("u1", null)).hasSize(2);
        assertThat(stack.storage.manager().findPage(StoreCollection.USER_SESSIONS,
                DocumentFilter.forSession("u1", "s1"), PageRequest.first(1)).items()).isEmpty();
    }

    @Test
    void aConcurrentChangeBetweenLoadAndSaveIsDetectedWithTheCurrentDocument() {
        seedConversation("u1", "s1", 1);
        BsonDocument loaded = stack.storage.manager().findById(StoreCollection.MEMORY_ITEMS, new BsonString("u1-s1-0"))
                .orElseThrow();
        BsonDocument theirs = loaded.clone().append("text_content", new BsonString("theirs"));
        try (var someoneElse = stack.anotherClient(mongoServer)) {
            someoneElse.replace(StoreCollection.MEMORY_ITEMS, loaded, theirs);
        }
        BsonDocument mine = loaded.clone().append("text_content", new BsonString("mine"));

        StorageConflictException conflict = Assertions.assertThrows(
                StorageConflictException.class,
                () -> stack.operations().update(StoreCollection.MEMORY_ITEMS, loaded, mine));

        assertThat(conflict.current()).contains(theirs);
        assertThat(stack.mongo.findById(StoreCollection.MEMORY_ITEMS, new BsonString("u1-s1-0"))).contains(theirs);
        assertThat(stack.operations().audit().list(PageRequest.first(10)).items())
                .noneMatch(e -> "update".equals(e.action()));
    }

    @Test
    void theEditorPathKeepsEveryBsonTypeByteForByteExceptTheEditedField() {
        stack.operations().insert(StoreCollection.MEMORY_ITEMS, Documents.everyType());
        BsonDocument loaded = stack.storage.manager().findById(StoreCollection.MEMORY_ITEMS,
                Documents.everyType().get("_id")).orElseThrow();
        // What the editor does: canonical Extended JSON out, the user edits one field, parse back in.
        String json = loaded.toJson(JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build());
        BsonDocument edited = BsonDocument.parse(json.replace("\"every type\"", "\"edited\""));

        stack.operations().update(StoreCollection.MEMORY_ITEMS, loaded, edited);

        BsonDocument stored = stack.mongo.findById(StoreCollection.MEMORY_ITEMS, loaded.get("_id")).orElseThrow();
        assertThat(stored.getString("text_content").getValue()).isEqualTo("edited");
        BsonDocument storedWithOldText = stored.clone().append("text_content", new BsonString("every type"));
        assertThat(BsonBytes.of(storedWithOldText)).isEqualTo(BsonBytes.of(loaded));
    }

    private void seedConversation(String user, String session, int n) {
        for (int i = 0; i < n; i++) {
            BsonDocument doc = Documents.memoryItem(user + "-" + session + "-" + i, user, session, "message " + i);
            doc.put("timestamp", new BsonDateTime(Documents.T0.toEpochMilli() + i * 1000L));
            stack.operations().insert(StoreCollection.MEMORY_ITEMS, doc);
        }
    }

    private List<MemoryItem> history(String user, String session) {
        return stack.storage.manager().getConversationHistory(user, session, 20, null);
    }
}
