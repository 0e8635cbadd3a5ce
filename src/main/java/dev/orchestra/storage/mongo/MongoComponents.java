package dev.orchestra.storage.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import dev.orchestra.storage.StoreParts;
import dev.orchestra.storage.config.NetworkRoute;
import dev.orchestra.storage.config.Redactor;
import dev.orchestra.storage.error.StorageValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one {@link MongoMemoryManager} is made of: the connected client and every collaborator, built in
 * {@link #connect} before the manager exists, so that the manager can hand its {@link StoreParts} to its base.
 *
 * @param parts the contract's roles, carried out by {@code documents}, {@code batches} and their siblings
 */
record MongoComponents(MongoClient client, MongoDatabase database, MongoErrors errors, MongoHealth health,
                       MongoFullDocumentStream exports, MongoIndexCatalog indexes, MongoDocuments documents,
                       MongoBatchWrites batches, MongoRawAccess raw, StoreParts parts) {

    /** Validates the arguments (nothing opened when one is bad), then opens the client and builds the rest. */
    static MongoComponents connect(String connectionString, String databaseName, Duration operationTimeout,
                                   NetworkRoute route) {
        Objects.requireNonNull(route, "route");
        if (databaseName == null || databaseName.isBlank()) {
            throw new StorageValidationException("A MongoDB database name is required");
        }
        if (operationTimeout == null || operationTimeout.isNegative() || operationTimeout.isZero()) {
            throw new StorageValidationException("The operation timeout must be positive");
        }
        ConnectionString connection = MongoConnection.parse(connectionString);
        String hosts = MongoConnection.hosts(connection);
        List<String> passwords = new ArrayList<>();
        Redactor.passwordIn(connectionString).ifPresent(passwords::add);
        if (connection.getPassword() != null) {
            passwords.add(new String(connection.getPassword()));
        }
        MongoErrors errors = new MongoErrors(hosts, Redactor.forSecrets(passwords));
        MongoClient client = MongoConnection.open(connection, operationTimeout, route);
        MongoDatabase database = client.getDatabase(databaseName);
        MongoSessions sessions = new MongoSessions(database, operationTimeout);
        MongoOwnIndexes ownIndexes = new MongoOwnIndexes(database, errors);
        MongoDocuments documents = new MongoDocuments(database, errors, operationTimeout, ownIndexes,
                MongoConnection.listReads(connection));
        MongoBatchWrites batches = new MongoBatchWrites(errors, operationTimeout, documents, ownIndexes);
        StoreParts.Sessions sessionList = (userId, limit) -> {
            if (limit < 1) {
                throw new StorageValidationException("The session limit must be at least 1, was " + limit);
            }
            return errors.call("list sessions", () -> sessions.list(userId, limit));
        };
        StoreParts parts = new StoreParts(new MongoOrchestraOperations(database, errors, operationTimeout),
                documents, batches, sessionList);
        return new MongoComponents(client, database, errors,
                new MongoHealth(client.getDatabase("admin"), errors, hosts, databaseName),
                new MongoFullDocumentStream(connection, databaseName, operationTimeout, route),
                new MongoIndexCatalog(database, errors, operationTimeout), documents, batches,
                new MongoRawAccess(database, errors, operationTimeout), parts);
    }
}
