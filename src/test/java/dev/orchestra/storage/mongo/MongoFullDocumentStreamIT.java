package dev.orchestra.storage.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.orchestra.storage.FullDocumentStreaming;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.error.StorageOperationException;
import dev.orchestra.storage.inmemory.InMemoryMemoryManager;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.CollectionRef;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.safety.ReadOnlyMemoryManager;
import dev.orchestra.storage.safety.WriteLock;
import dev.orchestra.storage.testsupport.FaultProxy;
import dev.orchestra.storage.testsupport.FollowsTarget;
import dev.orchestra.storage.testsupport.FollowsTarget.Server;
import dev.orchestra.storage.testsupport.MongoTestServer;
import dev.orchestra.storage.ForwardingMemoryManager;
import dev.orchestra.storage.testsupport.MongoTestTarget;
import dev.orchestra.storage.transfer.EveryBsonType;
import dev.orchestra.storage.transfer.ExportFormat;
import dev.orchestra.storage.transfer.ExportService;
import dev.orchestra.storage.transfer.TransferProgress;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Exports through the decorators the GUI and the CLI stack on the store (the cache's forwarding base, the read-only
 * guard) stream from MongoDB through one cursor: whole documents, embeddings included, and no per-row reads.
 */
class MongoFullDocumentStreamIT {
    private static MongoTestTarget target;

    @BeforeAll
    static void start() {
        target = MongoTestTarget.open();
    }

    @AfterAll
    static void stop() {
        target.close();
    }

    /** Counts the per-document reads a paged export would make. */
    private static final class CountingReads extends ForwardingMemoryManager {
        final AtomicInteger findById = new AtomicInteger();

        CountingReads(MemoryManager delegate) {
            super(delegate);
        }

        @Override
        public Optional<BsonDocument> findById(CollectionRef collection, BsonValue id) {
            findById.incrementAndGet();
            return super.findById(collection, id);
        }
    }

    @Test
    @FollowsTarget(Server.MONGODB)
    void throughTheDecoratorsAnExportStreamsEveryWholeDocumentWithoutPerRowReads() throws Exception {
        try (MongoMemoryManager mongo = new MongoMemoryManager(target.connectionString(), target.newDatabaseName(),
                Duration.ofSeconds(5))) {
            mongo.initialize();
            List<BsonDocument> stored = new ArrayList<>();
            for (int n = 0; n < 25; n++) { // every document has an embedding: the paged path reads each one again
                BsonDocument item = EveryBsonType.memoryItem(new BsonString("item-" + n), "alice", "s1", n);
                mongo.insert(StoreCollection.MEMORY_ITEMS, item);
                stored.add(mongo.findById(StoreCollection.MEMORY_ITEMS, item.get("_id")).orElseThrow());
            }
            CountingReads counting = new CountingReads(mongo);
            MemoryManager guiChain = new ReadOnlyMemoryManager(counting, WriteLock.unlocked());

            assertThat(guiChain.capability(FullDocumentStreaming.class)).isPresent();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            var result = ExportService.forManager(guiChain).export(StoreCollection.MEMORY_ITEMS, DocumentFilter.none(),
                    ExportFormat.JSONL, out, TransferProgress.NONE);

            assertThat(result.documents()).isEqualTo(25);
            assertThat(counting.findById).hasValue(0);
            List<BsonDocument> exported = out.toString(StandardCharsets.UTF_8).lines().map(BsonDocument::parse)
                    .sorted(Comparator.comparing(d -> d.getString("_id").getValue())).toList();
            stored.sort(Comparator.comparing(d -> d.getString("_id").getValue()));
            assertThat(exported).isEqualTo(stored);
            assertThat(exported.get(0).getArray("embedding")).isNotEmpty();
        }
    }

    @Test
    void exportsHaveTheirOwnPatientClientOpenedOnFirstUseAndClosedWithTheStore() throws Exception {
        // a server of its own: the proxy in front of it counts the connections
        try (MongoTestServer server = MongoTestServer.start();
             FaultProxy proxy = FaultProxy.start(server.host(), server.port())) {
            MongoMemoryManager mongo = new MongoMemoryManager(proxy.mongoConnectionString(),
                    server.uniqueDatabaseName(), Duration.ofMillis(500));
            mongo.initialize();
            mongo.insert(StoreCollection.MEMORY_ITEMS, EveryBsonType.memoryItem(new BsonString("one"), "a", "s", 1));
            long connectionsBeforeExport = proxy.acceptedConnections();
            var streaming = (MongoFullDocumentStream) mongo.capability(FullDocumentStreaming.class).orElseThrow();

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            var result = ExportService.forManager(mongo).export(StoreCollection.MEMORY_ITEMS, DocumentFilter.none(),
                    ExportFormat.JSONL, out, TransferProgress.NONE);
            mongo.close();

            assertThat(result.documents()).isEqualTo(1);
            assertThat(proxy.acceptedConnections()).as("the export opened its own connections")
                    .isGreaterThan(connectionsBeforeExport);
            assertThat(streaming.readTimeout()).isEqualTo(Duration.ofSeconds(30));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(proxy.openConnections()).as("every client closed with the store").isZero());
            assertThatThrownBy(() -> streaming.streamFullDocuments(StoreCollection.MEMORY_ITEMS, DocumentFilter.none()))
                    .isInstanceOf(StorageOperationException.class).hasMessageContaining("closed");
        }
    }

    @Test
    void aStoreWithoutACursorHasNoStreaming() {
        try (var memory = new InMemoryMemoryManager()) {
            assertThat(new ReadOnlyMemoryManager(memory, WriteLock.unlocked()).capability(FullDocumentStreaming.class)).isEmpty();
        }
    }
}
