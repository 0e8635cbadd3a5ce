package dev.orchestra.storage.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;
import dev.orchestra.storage.error.StorageConnectionException;
import dev.orchestra.storage.error.StorageOperationException;
import dev.orchestra.storage.error.StorageValidationException;
import java.time.Duration;
import java.util.Set;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/** Construction and error mapping, without a server. */
class MongoMemoryManagerTest {
    @Test
    void malformedConnectionStringIsRefusedWithoutShowingThePassword() {
        assertThatThrownBy(() -> new MongoMemoryManager("mongodb://user:hunter2@host:notaport/", "db",
                Duration.ofSeconds(1)))
                .isInstanceOf(StorageValidationException.class)
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void databaseNameAndTimeoutAreRequired() {
        assertThatThrownBy(() -> new MongoMemoryManager("mongodb://localhost", " ", Duration.ofSeconds(1)))
                .isInstanceOf(StorageValidationException.class);
        assertThatThrownBy(() -> new MongoMemoryManager("mongodb://localhost", "db", Duration.ZERO))
                .isInstanceOf(StorageValidationException.class);
    }

    @Test
    void driverErrorsAreMappedAndRedacted() {
        var errors = new MongoErrors("db.example.com:27017", "hunter2");

        assertThat(errors.translate("read", new MongoTimeoutException("no server; uri mongodb://u:hunter2@x")))
                .isInstanceOf(StorageConnectionException.class)
                .hasMessageContaining("db.example.com:27017")
                .hasMessageNotContaining("hunter2");
        assertThat(errors.translate("read", new MongoSocketOpenException("refused",
                new ServerAddress("db.example.com")))).isInstanceOf(StorageConnectionException.class);
        var duplicate = new MongoWriteException(new WriteError(11000, "E11000 duplicate key", new BsonDocument()),
                new ServerAddress("db.example.com"), Set.of());
        assertThat(errors.translate("insert", duplicate))
                .isInstanceOf(StorageOperationException.class)
                .isNotInstanceOf(StorageConnectionException.class)
                .hasMessageContaining("Duplicate key");
        assertThat(String.valueOf(errors.translate("read", new MongoTimeoutException("pw hunter2")).getCause()))
                .doesNotContain("hunter2");
    }
}
