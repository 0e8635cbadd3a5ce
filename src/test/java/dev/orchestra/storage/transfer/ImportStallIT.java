package dev.orchestra.storage.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.mongo.MongoMemoryManager;
import dev.orchestra.storage.safety.Actor;
import dev.orchestra.storage.safety.SafeStorage;
import dev.orchestra.storage.safety.WriteLock;
import dev.orchestra.storage.testsupport.FaultProxy;
import dev.orchestra.storage.testsupport.MongoTestServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MongoDB stalls right after it received an import batch: the server stores the batch, the client never hears back
 * and times out. Afterwards every stored document must be covered by an audit entry, and the failure must say
 * exactly how many documents are stored and how to resume; running the same import again completes it.
 */
class ImportStallIT {
    private static final int LINES = 200;
    private static final int BATCH = 20;
    /** The insert command of an import batch into memory_items, as BSON: {insert: "memory_items", …}. */
    private static final byte[] INSERT_INTO_ITEMS = insertCommand();

    @TempDir
    Path dir;

    private MongoTestServer mongo;
    private FaultProxy proxy;
    private MongoMemoryManager manager;
    private MongoClient direct;
    private MongoDatabase database;

    @BeforeEach
    void start() {
        mongo = MongoTestServer.start();
        proxy = FaultProxy.start(mongo.host(), mongo.port());
        String name = mongo.uniqueDatabaseName();
        manager = new MongoMemoryManager(proxy.mongoConnectionString(), name, Duration.ofMillis(800));
        manager.initialize();
        direct = MongoClients.create(mongo.connectionString());
        database = direct.getDatabase(name);
    }

    @AfterEach
    void stop() {
        manager.close();
        direct.close();
        proxy.close();
        mongo.close();
    }

    @Test
    void aBatchTheServerStoredButNeverAnsweredIsAuditedAndTheFailureCountsWhatIsStored() throws Exception {
        Path file = dir.resolve("items.jsonl");
        List<String> lines = new ArrayList<>();
        for (int n = 1; n <= LINES; n++) {
            lines.add("{\"_id\": \"i" + n + "\", \"user_id\": \"alice\", \"item_type\": \"note\"}");
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
        stallAfterTheThirdBatchIsSent();
        SafeStorage safe = SafeStorage.wrap(manager, WriteLock.unlocked(), new Actor("ann", "cli"));
        ImportOptions options = ImportOptions.defaults().withBatchSize(BATCH);

        ImportInterruptedException failure = catchThrowableOfType(ImportInterruptedException.class,
                () -> ImportService.forSafeStorage(safe)
                        .importFile(StoreCollection.MEMORY_ITEMS, file, options, TransferProgress.NONE));

        Set<BsonValue> stored = ids(database.getCollection("memory_items", BsonDocument.class).find());
        assertThat(stored).as("the third batch reached the server").hasSize(3 * BATCH);
        assertThat(auditedIds()).as("every stored document is covered by an audit entry").containsAll(stored);
        assertThat(failure.exact()).isTrue();
        assertThat(failure.written()).isEqualTo(stored.size());
        assertThat(failure.getMessage()).contains("lines 41–60", "60 documents of the file are stored",
                "20 of that batch of 20", "140 valid documents are not", "run the same import again");

        ImportReport resumed = ImportService.forSafeStorage(safe).importFile(StoreCollection.MEMORY_ITEMS, file,
                options, TransferProgress.NONE);
        assertThat(resumed.inserted()).isEqualTo(LINES - 3 * BATCH);
        assertThat(resumed.unchanged()).isEqualTo(3 * BATCH);
        assertThat(database.getCollection("memory_items").countDocuments()).isEqualTo(LINES);
    }

    /**
     * Lets the third insert into memory_items through, then holds the server's answer on that connection until the
     * client gives up and closes it (the tap runs on the proxy's forwarding thread, before the bytes are sent on).
     */
    private void stallAfterTheThirdBatchIsSent() {
        AtomicInteger inserts = new AtomicInteger();
        AtomicLong held = new AtomicLong(-1);
        CountDownLatch clientGaveUp = new CountDownLatch(1);
        proxy.setTap(new FaultProxy.Tap() {
            @Override
            public void onData(long connectionId, boolean fromClient, byte[] data, int offset, int length) {
                if (fromClient && contains(data, offset, length, INSERT_INTO_ITEMS) && inserts.incrementAndGet() == 3) {
                    held.set(connectionId);
                } else if (!fromClient && held.get() == connectionId) {
                    awaitQuietly(clientGaveUp);
                }
            }

            @Override
            public void onClose(long connectionId) {
                if (held.get() == connectionId) {
                    clientGaveUp.countDown();
                }
            }
        });
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).as("the client timed out").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Set<BsonValue> auditedIds() {
        Set<BsonValue> ids = new HashSet<>();
        for (BsonDocument entry : database.getCollection("inspector_audit", BsonDocument.class).find()) {
            BsonDocument filter = entry.getDocument("filter", new BsonDocument());
            if (filter.isArray("_ids")) {
                ids.addAll(filter.getArray("_ids"));
            }
        }
        return ids;
    }

    private static Set<BsonValue> ids(Iterable<BsonDocument> documents) {
        Set<BsonValue> ids = new HashSet<>();
        documents.forEach(d -> ids.add(d.get("_id")));
        return ids;
    }

    private static byte[] insertCommand() {
        byte[] key = "\u0002insert\u0000".getBytes(StandardCharsets.US_ASCII);
        byte[] value = "memory_items\u0000".getBytes(StandardCharsets.US_ASCII);
        byte[] pattern = new byte[key.length + 4 + value.length];
        System.arraycopy(key, 0, pattern, 0, key.length);
        pattern[key.length] = (byte) value.length; // the string's length, little-endian int32
        System.arraycopy(value, 0, pattern, key.length + 4, value.length);
        return pattern;
    }

    private static boolean contains(byte[] data, int offset, int length, byte[] pattern) {
        outer:
        for (int i = offset; i <= offset + length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
