package dev.orchestra.storage.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import dev.orchestra.storage.StoreParts;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.model.BulkProgress;
import dev.orchestra.storage.model.RecordlessSessions;
import dev.orchestra.storage.model.SessionSummary;
import java.time.Duration;
import java.util.List;

/**
 * What one {@link MongoMemoryManager} is made of: the client it was opened with or shares, and every collaborator,
 * built in {@link #connect} before the manager exists, so that the manager can hand its {@link StoreParts} to its
 * base.
 *
 * @param opened the client and whether this manager owns it (closes it) or shares another manager's
 * @param parts  the contract's roles, carried out by {@code documents}, {@code batches} and their siblings
 */
record MongoComponents(MongoClientShare opened, MongoDatabase database, MongoErrors errors, MongoHealth health,
                       MongoFullDocumentStream exports, MongoIndexCatalog indexes, MongoDocuments documents,
                       MongoBatchWrites batches, MongoRawAccess raw, StoreParts parts) {

    /**
     * Checks the database name (nothing opened when it is bad), opens the client unless {@code share} already holds
     * one (a manager on another database of the same client), then builds the rest.
     */
    static MongoComponents connect(MongoClientShare share, String databaseName) {
        StorageConfig.checkDatabaseName(databaseName);
        Duration operationTimeout = share.operationTimeout();
        MongoClientShare opened = share.client() != null ? share
                : share.openedWith(MongoConnection.open(share.connection(), operationTimeout, share.route()));
        MongoClient client = opened.client();
        MongoErrors errors = opened.errors();
        MongoDatabase database = client.getDatabase(databaseName);
        MongoOwnIndexes ownIndexes = new MongoOwnIndexes(database, errors);
        MongoDocuments documents = new MongoDocuments(database, errors, operationTimeout, ownIndexes,
                MongoConnection.listReads(opened.connection()));
        MongoBatchWrites batches = new MongoBatchWrites(errors, operationTimeout, documents, ownIndexes);
        StoreParts parts = new StoreParts(new MongoOrchestraOperations(database, errors, operationTimeout),
                documents, batches, sessions(new MongoSessions(database, operationTimeout), errors));
        return new MongoComponents(opened, database, errors,
                new MongoHealth(client.getDatabase("admin"), errors, opened.hosts(), databaseName),
                new MongoFullDocumentStream(opened.connection(), databaseName, operationTimeout, opened.route()),
                new MongoIndexCatalog(database, errors, operationTimeout), documents, batches,
                new MongoRawAccess(database, errors, operationTimeout), parts);
    }

    /** The sessions role: the limit checked before any query, driver errors mapped like every other call's. */
    private static StoreParts.Sessions sessions(MongoSessions sessions, MongoErrors errors) {
        return new StoreParts.Sessions() {
            @Override
            public List<SessionSummary> listSessions(String userId, int limit) {
                requireSessionLimit(limit);
                return errors.call("list sessions", () -> sessions.list(userId, limit));
            }

            @Override
            public RecordlessSessions findSessionsWithoutRecord(String userId, int limit, BulkProgress progress) {
                requireSessionLimit(limit);
                return errors.call("find sessions without a record",
                        () -> sessions.findWithoutRecord(userId, limit, progress));
            }
        };
    }

    private static void requireSessionLimit(int limit) {
        if (limit < 1) {
            throw new StorageValidationException("The session limit must be at least 1, was " + limit);
        }
    }
}
