package dev.orchestra.storage.mongo;

import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.ValidationTest;
import dev.orchestra.storage.testsupport.MongoTestServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The bad-input cases of {@link ValidationTest} against MongoDB: refused before anything reaches the server. */
class MongoValidationIT extends ValidationTest {
    private static MongoTestServer server;

    @BeforeAll
    static void startServer() {
        server = MongoTestServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Override
    protected MemoryManager createManager() {
        return new MongoMemoryManager(server.connectionString(), server.uniqueDatabaseName(), Duration.ofSeconds(5));
    }
}
