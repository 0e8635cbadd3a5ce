package dev.orchestra.storage.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.connection.ClusterType;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.PollingSessionTail;
import dev.orchestra.storage.SessionFeed;
import dev.orchestra.storage.SessionTail;
import dev.orchestra.storage.model.SessionChanges;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.safety.ReadOnlyMemoryManager;
import dev.orchestra.storage.safety.WriteLock;
import dev.orchestra.storage.testsupport.FollowsTarget;
import dev.orchestra.storage.testsupport.FollowsTarget.Server;
import dev.orchestra.storage.testsupport.MongoTestTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Predicate;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * Following a session while another client writes to it with the raw driver: by polling on the test target (through
 * the read-only guard, which passes the capability on), and by change stream on a mongo-java-server with its oplog
 * on (it answers "standalone", so the test tells the tail the deployment is a replica set).
 */
@FollowsTarget(Server.MONGODB)
class MongoSessionTailIT {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static Document item(String id, String session, String text, Instant time) {
        return new Document("_id", id).append("user_id", "tail-user").append("session_id", session)
                .append("timestamp", Date.from(time)).append("item_type", "conversation")
                .append("text_content", text).append("metadata", new Document())
                .append("embedding", List.of(0.1, 0.2));
    }

    /** Polls until the accumulated changes satisfy {@code done}; each poll is bounded by the store's timeout. */
    private static Seen pollUntil(SessionFeed feed, Predicate<Seen> done) {
        Seen seen = new Seen();
        await().atMost(WAIT).until(() -> {
            seen.add(feed.poll());
            return done.test(seen);
        });
        return seen;
    }

    private static final class Seen {
        final List<String> texts = new ArrayList<>();
        final List<BsonValue> removed = new ArrayList<>();
        final List<BsonDocument> documents = new ArrayList<>();

        void add(SessionChanges changes) {
            changes.upserted().forEach(d -> {
                documents.add(d);
                texts.add(d.getString("text_content").getValue());
            });
            removed.addAll(changes.removed());
        }
    }

    private static void writeAndFollow(SessionFeed feed, MongoCollection<Document> raw) {
        Instant t0 = Instant.now().minusSeconds(60);
        SessionChanges first = feed.poll();
        assertThat(first.complete()).isTrue();
        assertThat(first.upserted()).extracting(d -> d.getString("text_content").getValue())
                .containsExactly("before");

        raw.insertOne(item("t2", "s1", "written by another process", t0.plusSeconds(2)));
        raw.insertOne(item("x1", "s2", "another session", t0.plusSeconds(3)));
        Seen added = pollUntil(feed, s -> s.texts.contains("written by another process"));
        assertThat(added.texts).doesNotContain("another session");
        assertThat(added.documents).allSatisfy(d -> assertThat(d.containsKey("embedding")).isFalse());

        raw.updateOne(Filters.eq("_id", "t1"), Updates.set("text_content", "before, edited"));
        raw.deleteOne(Filters.eq("_id", "t2"));
        Seen changed = pollUntil(feed, s -> s.texts.contains("before, edited")
                && s.removed.contains(new BsonString("t2")));
        assertThat(changed.texts).doesNotContain("another session");
    }

    @Test
    void pollingSeesAnotherClientsInsertsEditsAndDeletesThroughTheReadOnlyGuard() {
        try (MongoTestTarget target = MongoTestTarget.open()) {
            String database = target.newDatabaseName();
            MongoCollection<Document> raw = target.rawClient().getDatabase(database)
                    .getCollection(StoreCollection.MEMORY_ITEMS.collectionName());
            raw.insertOne(item("t1", "s1", "before", Instant.now().minusSeconds(59)));
            MemoryManager guarded = new ReadOnlyMemoryManager(
                    new MongoMemoryManager(target.connectionString(), database, Duration.ofSeconds(5)),
                    WriteLock.locked("following only reads"));
            try (guarded; SessionFeed feed = guarded.capability(SessionTail.class).orElseThrow()
                    .follow("tail-user", "s1", 50)) {
                assertThat(feed.mode()).isEqualTo(target.isExternal() ? feed.mode() : SessionFeed.Mode.POLLING);
                writeAndFollow(feed, raw);
            }
        }
    }

    @Test
    void aChangeStreamSeesTheSameWhereTheServerHasOne() {
        MemoryBackend backend = new MemoryBackend();
        backend.enableOplog();
        MongoServer server = new MongoServer(backend);
        String uri = server.bindAndGetConnectionString();
        try (MongoClient client = MongoClients.create(uri);
             MongoMemoryManager manager = new MongoMemoryManager(uri, "tail", Duration.ofSeconds(5))) {
            MongoCollection<Document> raw = client.getDatabase("tail")
                    .getCollection(StoreCollection.MEMORY_ITEMS.collectionName());
            raw.insertOne(item("t1", "s1", "before", Instant.now().minusSeconds(59)));
            MongoCollection<BsonDocument> items = client.getDatabase("tail")
                    .getCollection(StoreCollection.MEMORY_ITEMS.collectionName(), BsonDocument.class);
            MongoErrors errors = new MongoErrors("127.0.0.1", (String) null);
            SessionTail asReplicaSet = new MongoSessionTail(items, () -> ClusterType.REPLICA_SET, errors,
                    new PollingSessionTail(manager));
            SessionTail asStandalone = new MongoSessionTail(items, () -> ClusterType.STANDALONE, errors,
                    new PollingSessionTail(manager));

            try (SessionFeed standalone = asStandalone.follow("tail-user", "s1", 50)) {
                assertThat(standalone.mode()).isEqualTo(SessionFeed.Mode.POLLING);
            }
            try (SessionFeed feed = asReplicaSet.follow("tail-user", "s1", 50)) {
                assertThat(feed.mode()).isEqualTo(SessionFeed.Mode.CHANGE_STREAM);
                writeAndFollow(feed, raw);
            }
        } finally {
            server.shutdownNow();
        }
    }
}
