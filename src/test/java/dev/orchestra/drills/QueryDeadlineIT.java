package dev.orchestra.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.storage.error.StorageException;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.mongo.MongoMemoryManager;
import dev.orchestra.storage.testsupport.FaultProxy;
import dev.orchestra.storage.testsupport.MongoTestServer;
import java.time.Duration;
import org.bson.BsonString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A query the server never answers ends near STORAGE_TIMEOUT_MS, not at a multiple of it: the socket waits the
 * timeout plus a quarter and the driver does not retry the read (a retry used to wait a second timeout, and more).
 * The bound is the contract of the README's "What bounds a query", with a second of scheduling slack.
 */
class QueryDeadlineIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Duration BOUND = TIMEOUT.multipliedBy(5).dividedBy(4).plusSeconds(1);

    private MongoTestServer mongo;
    private FaultProxy proxy;
    private MongoMemoryManager manager;

    @BeforeEach
    void start() {
        mongo = MongoTestServer.start();
        proxy = FaultProxy.start(mongo.host(), mongo.port());
        manager = new MongoMemoryManager(proxy.mongoConnectionString(), mongo.uniqueDatabaseName(), TIMEOUT);
        manager.addMemoryItem(MemoryItem.of("u1", "s1", MemoryItem.CONVERSATION, "hello"));
    }

    @AfterEach
    void stop() {
        proxy.unstall();
        manager.close();
        proxy.close();
        mongo.close();
    }

    @Test
    void aFilteredPageOnAHungServerFailsWithinTheTimeoutAndAQuarter() {
        proxy.stall();
        long started = System.nanoTime();

        assertThatThrownBy(() -> manager.findPage(StoreCollection.MEMORY_ITEMS, DocumentFilter.forUser("u1"),
                PageRequest.first(50))).isInstanceOf(StorageException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BOUND);
    }

    @Test
    void aDocumentByIdOnAHungServerFailsWithinTheTimeoutAndAQuarter() {
        proxy.stall();
        long started = System.nanoTime();

        assertThatThrownBy(() -> manager.findById(StoreCollection.MEMORY_ITEMS, new BsonString("x")))
                .isInstanceOf(StorageException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BOUND);
    }
}
