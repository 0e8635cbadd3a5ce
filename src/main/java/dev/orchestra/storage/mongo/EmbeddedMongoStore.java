package dev.orchestra.storage.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import dev.orchestra.storage.error.StorageOperationException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The development store: an in-process MongoDB-wire server (mongo-java-server) whose data lives in one H2 file
 * in {@code dataDir}, reached through the same driver code as a real MongoDB. Listens on 127.0.0.1 only, on a free
 * port. Meant for sample-sized data (H2 is far slower than MongoDB and its file grows quickly).
 */
public final class EmbeddedMongoStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMongoStore.class);
    /** The data file inside the data directory. */
    public static final String DATA_FILE = "embedded-store.mv.db";

    private final MongoServer server;
    private final InetSocketAddress address;
    private final Path dataFile;
    private boolean closed;

    private EmbeddedMongoStore(MongoServer server, Path dataFile) {
        this.server = server;
        this.address = server.getLocalAddress();
        this.dataFile = dataFile;
    }

    /**
     * Opens (or creates) the store in {@code dataDir} and starts serving it.
     *
     * @throws StorageOperationException when the directory cannot be created or the file is in use by another
     *                                   process (H2 locks it)
     */
    public static EmbeddedMongoStore start(Path dataDir) {
        Path file = dataDir.toAbsolutePath().resolve(DATA_FILE);
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StorageOperationException("Cannot create the embedded store's directory " + dataDir + ": "
                    + e.getMessage(), e);
        }
        H2Backend backend;
        try {
            backend = new H2Backend(file.toString());
        } catch (RuntimeException e) {
            throw new StorageOperationException("Cannot open the embedded store " + file
                    + " (is another instance using it?): " + e.getMessage(), e);
        }
        MongoServer server = new MongoServer(backend);
        try {
            server.bind("127.0.0.1", 0);
        } catch (RuntimeException e) {
            backend.close();
            throw new StorageOperationException("Cannot start the embedded store: " + e.getMessage(), e);
        }
        LOG.info("Embedded store {} listening on 127.0.0.1:{}", file, server.getLocalAddress().getPort());
        return new EmbeddedMongoStore(server, file);
    }

    /** {@code mongodb://127.0.0.1:<port>}, for {@link MongoMemoryManager}. */
    public String connectionString() {
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    public Path dataFile() {
        return dataFile;
    }

    /** Stops serving and writes everything to the file. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdownNow();
        LOG.info("Embedded store {} closed", dataFile);
    }
}
