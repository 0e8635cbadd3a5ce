package dev.orchestra.storage.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import dev.orchestra.storage.DocumentCursor;
import dev.orchestra.storage.FullDocumentStreaming;
import dev.orchestra.storage.config.NetworkRoute;
import dev.orchestra.storage.error.StorageConnectionException;
import dev.orchestra.storage.error.StorageOperationException;
import dev.orchestra.storage.mapping.StoreQueries;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.CollectionRef;
import java.time.Duration;
import java.util.function.Supplier;
import org.bson.BsonDocument;

/**
 * {@link FullDocumentStreaming} for MongoDB: one {@code find} with the same filter as the inspector's pages
 * ({@link StoreQueries#filter}), no projection, no sort (natural order is the cheapest for a full scan), fetched in
 * batches so that memory stays flat. It has its own client, opened on the first export: filling one batch of a
 * filtered full scan (an unindexed text search over millions of items) may take the server far longer than a page
 * is allowed to, so its socket waits {@link #readTimeout} for each batch instead of twice the operation timeout.
 */
final class MongoFullDocumentStream implements FullDocumentStreaming, AutoCloseable {
    private static final int BATCH_SIZE = 1000;
    private static final Duration MIN_READ_TIMEOUT = Duration.ofSeconds(30);

    private final ConnectionString connection;
    private final String databaseName;
    private final Duration operationTimeout;
    private final NetworkRoute route;
    private MongoClient client; // guarded by this
    private boolean closed; // guarded by this

    MongoFullDocumentStream(ConnectionString connection, String databaseName, Duration operationTimeout,
                            NetworkRoute route) {
        this.connection = connection;
        this.route = route;
        this.databaseName = databaseName;
        this.operationTimeout = operationTimeout;
    }

    /** How long the socket waits for one batch: at least 30 s, or six operation timeouts if that is longer. */
    Duration readTimeout() {
        Duration six = operationTimeout.multipliedBy(6);
        return six.compareTo(MIN_READ_TIMEOUT) > 0 ? six : MIN_READ_TIMEOUT;
    }

    @Override
    public DocumentCursor streamFullDocuments(CollectionRef collection, DocumentFilter filter) {
        BsonDocument query = StoreQueries.filter(collection, filter);
        MongoDatabase database = database();
        MongoCursor<BsonDocument> cursor = guarded(() -> database
                .getCollection(collection.collectionName(), BsonDocument.class)
                .find(query).batchSize(BATCH_SIZE).iterator());
        return new DocumentCursor() {
            @Override
            public boolean hasNext() {
                return guarded(cursor::hasNext);
            }

            @Override
            public BsonDocument next() {
                return guarded(cursor::next);
            }

            @Override
            public void close() {
                cursor.close();
            }
        };
    }

    private synchronized MongoDatabase database() {
        if (closed) {
            throw new StorageOperationException("The store is closed");
        }
        if (client == null) {
            client = MongoConnection.open(connection, operationTimeout, readTimeout(), route);
        }
        return client.getDatabase(databaseName);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (client != null) {
            client.close();
        }
    }

    private static <T> T guarded(Supplier<T> call) {
        try {
            return call.get();
        } catch (MongoSocketException | MongoTimeoutException e) {
            throw new StorageConnectionException("MongoDB stopped answering during the export: "
                    + e.getClass().getSimpleName(), e);
        } catch (MongoException e) {
            throw new StorageOperationException("MongoDB refused the export query: " + e.getMessage(), e);
        }
    }
}
