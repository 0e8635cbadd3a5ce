package dev.orchestra.storage.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ReadPreference;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.config.NetworkRoute;
import dev.orchestra.storage.config.Redactor;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.bson.UuidRepresentation;

/**
 * How this library connects: any connection string the driver accepts, UUIDs in the standard representation, and
 * every wait (server selection, connect, socket read) derived from one operation timeout so that an unreachable
 * or hung server fails fast instead of hanging the caller.
 */
final class MongoConnection {
    private static final Duration MIN_SLACK = Duration.ofMillis(250);
    private MongoConnection() {
    }

    static ConnectionString parse(String connectionString) {
        try {
            return new ConnectionString(connectionString);
        } catch (IllegalArgumentException e) {
            throw new StorageValidationException("Not a valid MongoDB connection string: "
                    + Redactor.forSecrets(Redactor.passwordIn(connectionString).stream().toList())
                    .redact(connectionString));
        }
    }

    static MongoClient open(ConnectionString connection, Duration operationTimeout, NetworkRoute route) {
        return open(connection, operationTimeout, readTimeout(operationTimeout), route);
    }

    /**
     * Every query carries maxTimeMS = the operation timeout, so a server that is merely slow ends it itself; the
     * socket waits only a quarter longer (at least 250 ms) for that answer, so a hung server fails a call near the
     * timeout too, not at a multiple of it.
     */
    static Duration readTimeout(Duration operationTimeout) {
        Duration slack = operationTimeout.dividedBy(4);
        return operationTimeout.plus(slack.compareTo(MIN_SLACK) < 0 ? MIN_SLACK : slack);
    }

    /**
     * A client whose socket waits {@code readTimeout} for an answer; selecting and connecting stay bounded. Reads are
     * not retried by the driver, so one call costs at most one read timeout. With a SOCKS proxy in the route, every
     * server the driver connects to (the seed list and each replica-set member it discovers) is reached through it;
     * the driver passes the host names on unresolved, so they are resolved behind the proxy.
     */
    static MongoClient open(ConnectionString connection, Duration operationTimeout, Duration readTimeout,
                            NetworkRoute route) {
        long millis = operationTimeout.toMillis();
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(connection)
                // a readPreference in the URI is for the lists only (MongoDocuments); every other read, and the
                // read a guarded edit compares against, goes to the primary
                .readPreference(ReadPreference.primary())
                .uuidRepresentation(UuidRepresentation.STANDARD)
                .applicationName("orchestra-inspector")
                // a retried read would wait a second timeout on a hung server; the user's Refresh is the retry
                .retryReads(false)
                .applyToClusterSettings(b -> b.serverSelectionTimeout(millis, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(b -> b
                        .connectTimeout((int) millis, TimeUnit.MILLISECONDS)
                        .readTimeout((int) Math.min(Integer.MAX_VALUE, readTimeout.toMillis()), TimeUnit.MILLISECONDS)
                        .applyToProxySettings(proxy -> route.mongoSocksProxy().ifPresent(socks -> proxy
                                .host(socks.getHostString()).port(socks.getPort()))))
                .applyToServerSettings(b -> b.heartbeatFrequency(Math.max(500, Math.min(millis, 10_000)),
                        TimeUnit.MILLISECONDS))
                .applyToConnectionPoolSettings(b -> b.maxWaitTime(millis, TimeUnit.MILLISECONDS))
                .build();
        return MongoClients.create(settings);
    }

    /** Where list pages and counts may read: the URI's {@code readPreference}, primary when it names none. */
    static ReadPreference listReads(ConnectionString connection) {
        return connection.getReadPreference() == null ? ReadPreference.primary() : connection.getReadPreference();
    }

    /** The hosts of the connection string, safe to show (never user or password). */
    static String hosts(ConnectionString connection) {
        return String.join(",", connection.getHosts());
    }
}
