package dev.orchestra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.factory.MemoryManagerFactory;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.InspectorCollection;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.testsupport.FollowsTarget.Server;
import dev.orchestra.storage.testsupport.FollowsTarget;
import dev.orchestra.storage.testsupport.MongoTestServer;
import dev.orchestra.storage.testsupport.MongoTestTarget;
import dev.orchestra.storage.testsupport.RedisTestServer;
import dev.orchestra.storage.transfer.EveryBsonType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI with its real wiring (MemoryManagerFactory) against mongo-java-server and a real redis-server. */
class CliServersIT {
    private static final JsonWriterSettings CANONICAL = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    @TempDir
    Path dir;

    private MongoTestTarget mongo;
    private RedisTestServer redis;

    @BeforeEach
    void start() {
        mongo = MongoTestTarget.open();
        redis = RedisTestServer.open();
    }

    @AfterEach
    void stop() {
        redis.close();
        mongo.close();
    }

    private CliHarness cliOn(String database) {
        return cliOn(mongo.connectionString(), database, redis);
    }

    private static CliHarness cliOn(String mongoUri, String database, RedisTestServer redisServer) {
        CliHarness cli = new CliHarness(MemoryManagerFactory::create);
        cli.env.put("APP_ENV", "staging");
        cli.env.put("MONGODB_URI", mongoUri);
        cli.env.put("MONGODB_DATABASE", database);
        cli.env.put("STORAGE_TIMEOUT_MS", "1500");
        cli.env.putAll(redisServer.environment());
        return cli;
    }

    private MemoryManager managerOn(String database) {
        return MemoryManagerFactory.create(StorageConfig.fromMap(cliOn(database).env));
    }

    @Test
    @FollowsTarget({Server.MONGODB, Server.REDIS})
    void generateAgainWithMoreItemsPassesTheUniqueSessionIndexAndAddsOnlyTheRest() {
        String db = mongo.newDatabaseName();

        var small = cliOn(db).run("generate", "--items", "400", "--yes");
        var larger = cliOn(db).run("generate", "--items", "800", "--yes");

        assertThat(small.exitCode()).as(small.err()).isZero();
        assertThat(larger.exitCode()).as(larger.err()).isZero();
        try (MemoryManager store = managerOn(db)) {
            assertThat(store.count(StoreCollection.MEMORY_ITEMS, DocumentFilter.none()).value()).isEqualTo(800);
            assertThat(store.count(StoreCollection.USER_SESSIONS, DocumentFilter.none()).value()).isEqualTo(20);
            assertThat(store.count(StoreCollection.AGENT_DATA, DocumentFilter.none()).value()).isEqualTo(80);
        }
    }

    @Test
    @FollowsTarget({Server.MONGODB, Server.REDIS})
    void exportThenImportIntoAnEmptyDatabaseReproducesEveryDocumentExactly() throws Exception {
        String sourceDb = mongo.newDatabaseName();
        String targetDb = mongo.newDatabaseName();
        List<BsonDocument> originals = new ArrayList<>();
        try (MemoryManager source = managerOn(sourceDb)) {
            source.initialize();
            for (int n = 0; n < 12; n++) {
                BsonValue id = n % 2 == 0 ? new BsonString("item-" + n) : new BsonObjectId(new ObjectId());
                source.insert(StoreCollection.MEMORY_ITEMS, EveryBsonType.memoryItem(id, "alice", "s1", n));
                originals.add(source.findById(StoreCollection.MEMORY_ITEMS, id).orElseThrow());
            }
        }
        Path file = dir.resolve("alice.jsonl");

        var exported = cliOn(sourceDb).run("export", "memory_items", "--user", "alice", "--out", file.toString());
        var imported = cliOn(targetDb).run("import", "memory_items", file.toString(), "--batch", "5");

        assertThat(exported.exitCode()).as(exported.err()).isZero();
        assertThat(Files.readAllLines(file)).hasSize(12);
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("12 inserted");
        try (MemoryManager target = managerOn(targetDb)) {
            for (BsonDocument original : originals) {
                BsonDocument copy = target.findById(StoreCollection.MEMORY_ITEMS, original.get("_id")).orElseThrow();
                assertThat(copy.toJson(CANONICAL)).isEqualTo(original.toJson(CANONICAL));
            }
        }
    }

    @Test
    @FollowsTarget({Server.MONGODB, Server.REDIS})
    void importInvalidatesTheCachedHistoryAndWritesNothingForBadLines() throws Exception {
        String db = mongo.newDatabaseName();
        BsonValue id;
        try (MemoryManager store = managerOn(db)) {
            store.initialize();
            id = store.addMemoryItem(MemoryItem.of("bob", "s2", MemoryItem.CONVERSATION, "before"));
            assertThat(store.getConversationHistory("bob", "s2", 10, null)).extracting(MemoryItem::textContent)
                    .containsExactly("before"); // now cached in Redis
            assertThat(redis.keys()).anyMatch(k -> k.contains("history:bob:s2"));
            BsonDocument changed = store.findById(StoreCollection.MEMORY_ITEMS, id).orElseThrow();
            changed.put("text_content", new BsonString("after"));
            Files.write(dir.resolve("fix.jsonl"), List.of(changed.toJson(CANONICAL),
                    "{\"_id\": \"bad\", \"item_type\": \"conversation\"}"));
        }

        var result = cliOn(db).run("import", "memory_items", dir.resolve("fix.jsonl").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(result.err()).contains("line 2: Missing required field 'user_id'");
        assertThat(result.out()).contains("1 replaced");
        try (MemoryManager store = managerOn(db)) {
            assertThat(store.getConversationHistory("bob", "s2", 10, null)).extracting(MemoryItem::textContent)
                    .containsExactly("after");
            assertThat(store.findById(StoreCollection.MEMORY_ITEMS, new BsonString("bad"))).isEmpty();
            assertThat(store.count(InspectorCollection.AUDIT, DocumentFilter.none()).value()).as("before and after the batch").isEqualTo(2);
        }
    }

    @Test
    void healthExitCodesFollowTheServers() {
        // servers of its own: this test stops them
        try (MongoTestServer ownMongo = MongoTestServer.start();
             RedisTestServer ownRedis = RedisTestServer.openEmbedded()) {
            CliHarness cli = cliOn(ownMongo.connectionString(), ownMongo.uniqueDatabaseName(), ownRedis);

            var ok = cli.run("health", "--json");
            ownRedis.stop();
            var degraded = cli.run("health", "--json");
            ownMongo.stop();
            var error = cli.run("health", "--json");

            assertThat(ok.exitCode()).as(ok.out() + ok.err()).isZero();
            assertThat(BsonDocument.parse(ok.out()).getString("status").getValue()).isEqualTo("ok");
            assertThat(degraded.exitCode()).as(degraded.out()).isEqualTo(1);
            assertThat(BsonDocument.parse(degraded.out()).getDocument("components").getBoolean("storage_redis").getValue())
                    .isFalse();
            assertThat(error.exitCode()).as(error.out()).isEqualTo(2);
            assertThat(BsonDocument.parse(error.out()).getString("status").getValue()).isEqualTo("error");
        }
    }
}
