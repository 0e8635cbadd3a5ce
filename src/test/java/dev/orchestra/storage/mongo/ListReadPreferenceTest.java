package dev.orchestra.storage.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.ReadPreference;
import com.mongodb.client.MongoClient;
import dev.orchestra.storage.config.NetworkRoute;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A {@code readPreference} in the URI (a saved connection's "lists read") applies to list pages and counts only;
 * the client itself, and so every other read, including the one a guarded edit compares against, uses the primary.
 * Nothing here connects: building a client does not wait for a server.
 */
class ListReadPreferenceTest {
    private static final String URI = "mongodb://127.0.0.1:1/?readPreference=secondaryPreferred";

    @Test
    void theClientReadsThePrimaryWhateverTheUriSays() {
        try (MongoClient client = MongoConnection.open(new ConnectionString(URI), Duration.ofMillis(200),
                NetworkRoute.DIRECT)) {
            assertThat(client.getDatabase("orchestra").getReadPreference()).isEqualTo(ReadPreference.primary());
        }
    }

    @Test
    void listsFollowTheUrisReadPreference() {
        assertThat(MongoConnection.listReads(new ConnectionString(URI)))
                .isEqualTo(ReadPreference.secondaryPreferred());
        assertThat(MongoConnection.listReads(new ConnectionString("mongodb://127.0.0.1:1/")))
                .isEqualTo(ReadPreference.primary());
        try (MongoMemoryManager manager = new MongoMemoryManager(URI, "orchestra", Duration.ofMillis(200))) {
            assertThat(manager.listReadPreference()).isEqualTo("secondaryPreferred");
        }
    }
}
