package dev.orchestra.storage.transfer;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.tiered.ForwardingMemoryManager;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.bson.UuidRepresentation;

/**
 * A MongoDB-backed manager that can also stream full documents, until {@code MongoMemoryManager} implements
 * {@link FullDocumentStreaming} itself (then this class goes): it forwards everything to the given manager and
 * streams through a client of its own on the same connection string, opened on the first export only.
 */
public final class StreamingMongoMemoryManager extends ForwardingMemoryManager implements FullDocumentStreaming {
    private final String connectionString;
    private final String databaseName;
    private final Duration timeout;
    private MongoClient client;

    public StreamingMongoMemoryManager(MemoryManager mongo, String connectionString, String databaseName,
                                       Duration timeout) {
        super(mongo);
        this.connectionString = connectionString;
        this.databaseName = databaseName;
        this.timeout = timeout;
    }

    @Override
    public DocumentCursor streamFullDocuments(StoreCollection collection, DocumentFilter filter) {
        return new MongoFullDocumentStream(client().getDatabase(databaseName)).streamFullDocuments(collection, filter);
    }

    private synchronized MongoClient client() {
        if (client == null) {
            long millis = timeout.toMillis();
            client = MongoClients.create(MongoClientSettings.builder()
                    .applyConnectionString(new ConnectionString(connectionString))
                    .uuidRepresentation(UuidRepresentation.STANDARD)
                    .applyToClusterSettings(b -> b.serverSelectionTimeout(millis, TimeUnit.MILLISECONDS))
                    .applyToSocketSettings(b -> b.connectTimeout((int) millis, TimeUnit.MILLISECONDS)
                            .readTimeout((int) Math.max(millis, 30_000), TimeUnit.MILLISECONDS))
                    .build());
        }
        return client;
    }

    @Override
    public synchronized void close() {
        try {
            super.close();
        } finally {
            if (client != null) {
                client.close();
                client = null;
            }
        }
    }
}
