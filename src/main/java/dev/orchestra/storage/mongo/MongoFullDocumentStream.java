package dev.orchestra.storage.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import dev.orchestra.storage.DocumentCursor;
import dev.orchestra.storage.FullDocumentStreaming;
import dev.orchestra.storage.StorageConnectionException;
import dev.orchestra.storage.StorageOperationException;
import dev.orchestra.storage.mapping.StoreQueries;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.StoreCollection;
import org.bson.BsonDocument;

/**
 * {@link FullDocumentStreaming} for MongoDB: one {@code find} with the same filter as the inspector's pages
 * ({@link StoreQueries#filter}), no projection, no sort (natural order is the cheapest for a full scan), fetched in
 * batches so that memory stays flat, on the manager's own client.
 */
final class MongoFullDocumentStream implements FullDocumentStreaming {
    private static final int BATCH_SIZE = 1000;

    private final MongoDatabase database;

    MongoFullDocumentStream(MongoDatabase database) {
        this.database = database;
    }

    @Override
    public DocumentCursor streamFullDocuments(StoreCollection collection, DocumentFilter filter) {
        BsonDocument query = StoreQueries.filter(collection, filter);
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

    private static <T> T guarded(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (com.mongodb.MongoSocketException | com.mongodb.MongoTimeoutException e) {
            throw new StorageConnectionException("MongoDB stopped answering during the export: "
                    + e.getClass().getSimpleName(), e);
        } catch (MongoException e) {
            throw new StorageOperationException("MongoDB refused the export query: " + e.getMessage(), e);
        }
    }
}
