package dev.orchestra.storage.mongo;

import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.ValidationTest;
import dev.orchestra.storage.testsupport.FollowsTarget;
import dev.orchestra.storage.testsupport.FollowsTarget.Server;
import dev.orchestra.storage.testsupport.MongoTestTarget;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The bad-input cases of {@link ValidationTest} against MongoDB: refused before anything reaches the server. */
@FollowsTarget(Server.MONGODB)
class MongoValidationIT extends ValidationTest {
    private static MongoTestTarget target;

    @BeforeAll
    static void startServer() {
        target = MongoTestTarget.open();
    }

    @AfterAll
    static void stopServer() {
        target.close();
    }

    @Override
    protected MemoryManager createManager() {
        return new MongoMemoryManager(target.connectionString(), target.newDatabaseName(), Duration.ofSeconds(5));
    }
}
