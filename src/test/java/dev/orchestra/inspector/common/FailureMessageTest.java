package dev.orchestra.inspector.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.storage.error.ReadOnlyViolationException;
import dev.orchestra.storage.error.StorageConnectionException;
import dev.orchestra.storage.error.StorageOperationException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class FailureMessageTest {
    /** What mongo-java-server answers when the save guard meets a regular expression (cut by the library). */
    static final String RAW_REGEX_REFUSAL = "MongoDB at 127.0.0.1:27017 failed update memory_items (code 2): "
            + "can't compare class de.bwaldvogel.mongo.bson.BsonRegularExpression with class java.lang.String "
            + "in $expr $eq".repeat(8);

    @Test
    void aServerRefusalIsOnePlainSentenceWithTheWholeTechnicalTextAsDetails() {
        var failure = FailureMessage.of(new ExecutionException(new StorageOperationException(RAW_REGEX_REFUSAL,
                new IllegalStateException("Command failed with error 2: 'can't compare' on server 127.0.0.1:27017"))));

        assertThat(failure.message()).startsWith("The server refused the change: it cannot compare some values")
                .endsWith(".").doesNotContain("bwaldvogel").doesNotContain("\n");
        assertThat(failure.details()).startsWith(RAW_REGEX_REFUSAL)
                .contains("Caused by: Command failed with error 2");
        assertThat(failure.hasDetails()).isTrue();
    }

    @Test
    void aDuplicateKeyIsSaidInPlainWords() {
        var failure = FailureMessage.of(new StorageOperationException("Duplicate key on insert into user_sessions: "
                + "E11000 duplicate key error collection: orchestra.user_sessions index: user_id_1_session_id_1"));

        assertThat(failure.message()).isEqualTo(
                "The server refused the change: another document already has the same unique value.");
        assertThat(failure.details()).contains("E11000");
    }

    @Test
    void anUnreachableServerHidesTheDriversTextAndCredentialsInTheDetails() {
        var failure = FailureMessage.of(new StorageConnectionException(
                "MongoDB at mongodb://admin:hunter2@db:27017 is unreachable: Timed out after 30000 ms"));

        assertThat(failure.message()).isEqualTo("Cannot reach the database server; try again when it answers.");
        assertThat(failure.details()).contains("Timed out").doesNotContain("hunter2");
    }

    @Test
    void ourOwnRefusalsAreAlreadyPlainAndHaveNoDetails() {
        var failure = FailureMessage.of(new ReadOnlyViolationException("update"));

        assertThat(failure.message()).contains("read-only");
        assertThat(failure.hasDetails()).isFalse();
    }
}
