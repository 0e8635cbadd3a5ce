package dev.orchestra.storage.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.DocumentChecks;
import dev.orchestra.storage.model.UpsertResult;
import dev.orchestra.storage.testsupport.FollowsTarget;
import dev.orchestra.storage.testsupport.FollowsTarget.Server;
import dev.orchestra.storage.testsupport.MongoTestTarget;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The insert-or-replace split of a batch upsert against a real server, including another writer racing it. */
@FollowsTarget(Server.MONGODB)
class MongoBatchUpsertIT {
    private static MongoTestTarget server;
    private static MongoClient client;
    private MongoCollection<BsonDocument> items;

    @BeforeAll
    static void start() {
        server = MongoTestTarget.open();
        client = MongoClients.create(server.connectionString());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @BeforeEach
    void freshDatabase() {
        items = client.getDatabase(server.newDatabaseName()).getCollection("memory_items", BsonDocument.class);
    }

    @Test
    void newDocumentsAreInsertedStoredOnesReplacedAndCountedApart() {
        items.insertOne(item("kept", "same"));
        items.insertOne(item("changed", "before"));

        UpsertResult result = upsert(items, List.of(item("new1", "a"), item("kept", "same"),
                item("changed", "after"), item("new2", "b")));

        assertThat(result.inserted()).isEqualTo(2);
        assertThat(result.replaced()).isEqualTo(1);
        assertThat(result.unchanged()).isEqualTo(1);
        assertThat(result.failures()).isEmpty();
        assertThat(result.written()).extracting(v -> v.asString().getValue())
                .containsExactly("new1", "kept", "changed", "new2");
        assertThat(text("changed")).isEqualTo("after");
        assertThat(items.countDocuments()).isEqualTo(4);
    }

    @Test
    void theSameNewIdTwiceInABatchKeepsTheLastOne() {
        UpsertResult result = upsert(items, List.of(item("twice", "first"), item("twice", "second")));

        assertThat(items.countDocuments()).isEqualTo(1);
        assertThat(text("twice")).isEqualTo("second");
        assertThat(result.failures()).isEmpty();
        assertThat(result.inserted() + result.replaced()).isEqualTo(2);
    }

    @Test
    void aDocumentAnotherWriterInsertsMeanwhileIsReplacedNotLost() {
        // The other writer stores "raced" after our _id query and before our insertMany: ours fails with a
        // duplicate key and must then replace it (the outcome of an upsert), the rest of the batch inserted.
        MongoCollection<BsonDocument> racing = insertingFirst(items, item("raced", "theirs"));

        UpsertResult result = upsert(racing, List.of(item("calm", "ours"), item("raced", "ours")));

        assertThat(result.failures()).isEmpty();
        assertThat(result.written()).hasSize(2);
        assertThat(result.inserted()).isEqualTo(1);
        assertThat(result.replaced()).isEqualTo(1);
        assertThat(text("raced")).isEqualTo("ours");
        assertThat(text("calm")).isEqualTo("ours");
    }

    @Test
    void whenARacedIdComesTwiceInTheBatchTheLastDocumentWins() {
        // The first "raced" fails its insert (the other writer was first) and is replaced after the second one had
        // been set aside for replacing: the replacements must still run in batch order.
        MongoCollection<BsonDocument> racing = insertingFirst(items, item("raced", "theirs"));

        UpsertResult result = upsert(racing, List.of(item("raced", "ours-1"), item("raced", "ours-2"),
                item("raced", "ours-3")));

        assertThat(result.failures()).isEmpty();
        assertThat(result.written()).hasSize(3);
        assertThat(text("raced")).isEqualTo("ours-3");
        assertThat(items.countDocuments()).isEqualTo(1);
    }

    @Test
    void invalidDocumentsAreReportedByIndexAndNeverSent() {
        BsonDocument invalid = item("bad", "x");
        invalid.remove("user_id");

        UpsertResult result = upsert(items, List.of(item("good", "y"), invalid));

        assertThat(result.failures()).containsOnlyKeys(1);
        assertThat(result.failures().get(1)).contains("user_id");
        assertThat(items.countDocuments()).isEqualTo(1);
    }

    private static UpsertResult upsert(MongoCollection<BsonDocument> target, List<BsonDocument> batch) {
        return new MongoBatchUpsert(new MongoErrors("test-host", (String) null), Duration.ofSeconds(10), target,
                StoreCollection.MEMORY_ITEMS, DocumentChecks.SCHEMA).run(new ArrayList<>(batch));
    }

    /** The collection as it is, except that {@code theirs} is inserted (by another client) just before insertMany. */
    @SuppressWarnings("unchecked")
    private MongoCollection<BsonDocument> insertingFirst(MongoCollection<BsonDocument> real, BsonDocument theirs) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("insertMany")) {
                real.insertOne(theirs);
            }
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (MongoCollection<BsonDocument>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MongoCollection.class}, handler);
    }

    private String text(String id) {
        return items.find(new BsonDocument("_id", new BsonString(id))).first().getString("text_content").getValue();
    }

    private static BsonDocument item(String id, String text) {
        return new BsonDocument("_id", new BsonString(id))
                .append("user_id", new BsonString("u"))
                .append("session_id", new BsonString("s"))
                .append("timestamp", new BsonDateTime(1_700_000_000_000L))
                .append("item_type", new BsonString("conversation"))
                .append("text_content", new BsonString(text));
    }
}
