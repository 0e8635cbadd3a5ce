package dev.orchestra.storage.testsupport;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.orchestra.storage.config.Secrets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The MongoDB an integration test talks to: the server named by {@code MONGODB_URI} when that variable is set
 * (e.g. by {@code run_integration_tests.sh}), else an in-process {@link MongoTestServer}. Every database comes from
 * {@link #newDatabaseName()} (unique per run); on an external server {@link #close()} drops exactly those and
 * nothing else.
 *
 * <p>Outage tests need a server they may stop: they use {@link #inProcessServer()} and skip nothing — when the
 * target is external they start their own {@link MongoTestServer}.
 */
public final class MongoTestTarget implements AutoCloseable {
    private final String externalUri;
    private final MongoTestServer server;
    private final String runId = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final List<String> databases = new ArrayList<>();
    private MongoClient rawClient;

    private MongoTestTarget(String externalUri, MongoTestServer server) {
        this.externalUri = externalUri;
        this.server = server;
    }

    public static MongoTestTarget open() {
        return externalUri().map(uri -> new MongoTestTarget(uri, null))
                .orElseGet(() -> new MongoTestTarget(null, MongoTestServer.start()));
    }

    /** The external server's URI from {@code MONGODB_URI}, when set. */
    public static Optional<String> externalUri() {
        String uri = System.getenv("MONGODB_URI");
        return uri == null || uri.isBlank() ? Optional.empty() : Optional.of(uri.trim());
    }

    public boolean isExternal() {
        return externalUri != null;
    }

    public String connectionString() {
        return isExternal() ? externalUri : server.connectionString();
    }

    /** The in-process server (to stop and restart), when the target is not external. */
    public Optional<MongoTestServer> inProcessServer() {
        return Optional.ofNullable(server);
    }

    /** A database name no other test or run uses; dropped by {@link #close()} on an external server. */
    public synchronized String newDatabaseName() {
        String name = "it_" + runId + "_" + (databases.size() + 1);
        databases.add(name);
        return name;
    }

    /** A plain driver client, for writing documents the way other systems do and for checking what is stored. */
    public synchronized MongoClient rawClient() {
        if (rawClient == null) {
            rawClient = MongoClients.create(connectionString());
        }
        return rawClient;
    }

    @Override
    public synchronized void close() {
        try {
            if (isExternal()) {
                databases.forEach(name -> rawClient().getDatabase(name).drop());
            }
        } finally {
            if (rawClient != null) {
                rawClient.close();
            }
            if (server != null) {
                server.close();
            }
        }
    }

    @Override
    public String toString() {
        return isExternal() ? "external MongoDB " + Secrets.redact(externalUri) : "mongo-java-server " + connectionString();
    }
}
