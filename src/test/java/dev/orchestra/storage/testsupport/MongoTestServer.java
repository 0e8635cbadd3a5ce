package dev.orchestra.storage.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process MongoDB-wire server (mongo-java-server, memory backend) on 127.0.0.1 and a random port, for
 * integration tests with the real driver. {@link #stop()} and {@link #restart()} simulate an outage: the server
 * comes back on the SAME port with its data intact, so clients can reconnect by themselves.
 *
 * <pre>{@code
 * try (var mongo = MongoTestServer.start()) {
 *     var manager = new MongoMemoryManager(mongo.connectionString(), mongo.uniqueDatabaseName(),
 *             Duration.ofSeconds(2));
 *     mongo.stop();    // clients now get connection errors
 *     mongo.restart(); // same port, same data
 * }
 * }</pre>
 */
public final class MongoTestServer implements AutoCloseable {
    private static final String HOST = "127.0.0.1";

    /** A memory backend whose data survives the server's shutdown, so that a restart finds it again. */
    private static final class RestartableBackend extends MemoryBackend {
        @Override
        public void close() {
            // kept open across restarts; see dispose()
        }

        void dispose() {
            super.close();
        }
    }

    private final RestartableBackend backend = new RestartableBackend();
    private final String runId = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final AtomicInteger databaseCounter = new AtomicInteger();
    private final int port;
    private MongoServer server;

    private MongoTestServer() {
        server = new MongoServer(backend);
        server.bind(HOST, 0);
        this.port = server.getLocalAddress().getPort();
    }

    /** Starts a server on a free port. */
    public static MongoTestServer start() {
        return new MongoTestServer();
    }

    /** {@code mongodb://127.0.0.1:<port>} — valid across restarts. */
    public String connectionString() {
        return "mongodb://" + HOST + ":" + port;
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    /** A database name no other test (of this or any other run) uses, e.g. {@code test_3f2a9c01d4e5_7}. */
    public String uniqueDatabaseName() {
        return "test_" + runId + "_" + databaseCounter.incrementAndGet();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Stops listening and closes every client connection; the data stays for {@link #restart()}. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdownNow();
            server = null;
        }
    }

    /** Starts again on the same port with the same data. No-op when running. */
    public synchronized void restart() {
        if (server == null) {
            MongoServer restarted = new MongoServer(backend);
            restarted.bind(HOST, port);
            server = restarted;
        }
    }

    @Override
    public synchronized void close() {
        stop();
        backend.dispose();
    }
}
