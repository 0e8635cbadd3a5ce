package dev.orchestra.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.storage.config.AppEnvironment;
import dev.orchestra.storage.config.RedisMode;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.error.StorageValidationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SavedConnectionTest {

    @Test
    void aPasswordTypedInTheUriMovesOutOfIt() {
        SavedConnection c = SavedConnection.of("x", AppEnvironment.STAGING,
                "mongodb://reader:p%40ss@127.0.0.1:27017/?authSource=admin", "db", null);

        assertThat(c.mongoUri()).isEqualTo("mongodb://reader@127.0.0.1:27017/?authSource=admin");
        assertThat(c.mongoPassword()).isEqualTo("p@ss");
        assertThat(c.toString()).doesNotContain("p@ss", "p%40ss");
    }

    @Test
    void theStorageConfigurationHasEverySetting() {
        RedisSettings redis = new RedisSettings(RedisMode.CLUSTER, null, 0, "acl", "rpw", false, null, null, null,
                true, null, null, null, null, "127.0.0.1:7000,127.0.0.1:7001", "eu:");
        SavedConnection c = new SavedConnection("eu", null, AppEnvironment.PRODUCTION,
                "mongodb://reader@127.0.0.1:27017/", "pw", "orchestra_eu", "secondaryPreferred", redis, false,
                null, false, null);

        StorageConfig config = c.toStorageConfig(Map.of("STORAGE_TIMEOUT_MS", "1500", "MONGODB_URI", "ignored"));

        assertThat(config.environment()).isEqualTo(AppEnvironment.PRODUCTION);
        assertThat(config.startsReadOnly()).isTrue();
        assertThat(config.mongoUri()).isEqualTo("mongodb://reader:pw@127.0.0.1:27017/?readPreference=secondaryPreferred");
        assertThat(config.mongoDatabase()).isEqualTo("orchestra_eu");
        assertThat(config.operationTimeout().toMillis()).isEqualTo(1500);
        assertThat(config.redisDeployment().mode()).isEqualTo(RedisMode.CLUSTER);
        assertThat(config.redisDeployment().nodes()).hasSize(2);
        assertThat(config.redisDeployment().username()).isEqualTo("acl");
        assertThat(config.redisPassword()).isEqualTo("rpw");
        assertThat(config.redisKeyPrefix()).isEqualTo("eu:");
    }

    @Test
    void theReadOnlyFlagOpensAnyEnvironmentReadOnly() {
        SavedConnection c = new SavedConnection("dev", null, AppEnvironment.DEVELOPMENT, null, null, null, null,
                null, true, null, false, null);
        assertThat(c.toStorageConfig(Map.of()).startsReadOnly()).isTrue();
        assertThat(c.toStorageConfig(Map.of()).usesEmbeddedStore()).isTrue();
    }

    @Test
    void badInputIsOneLineNamingTheField() {
        assertThatThrownBy(() -> SavedConnection.of("x", AppEnvironment.DEVELOPMENT, "mongodb://u:hunter2@", null,
                null)).isInstanceOf(StorageValidationException.class)
                .hasMessageStartingWith("Not a valid MongoDB URI").hasMessageNotContaining("hunter2")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> SavedConnection.of("x", AppEnvironment.DEVELOPMENT, "http://nope", null, null))
                .hasMessageStartingWith("Not a valid MongoDB URI");
        assertThatThrownBy(() -> SavedConnection.of("", AppEnvironment.DEVELOPMENT, "", null, null).validate())
                .hasMessage("Name is required");
        assertThatThrownBy(() -> SavedConnection.of("x", AppEnvironment.STAGING, "", null, null).validate())
                .hasMessage("MongoDB URI is required when Environment staging");
        assertThatThrownBy(() -> SavedConnection.of("x", AppEnvironment.DEVELOPMENT, "", "a.b", null).validate())
                .hasMessageStartingWith("Database may not contain");
        assertThatThrownBy(() -> MongoUriFields.of("127.0.0.1", 0, null, null, null, false))
                .hasMessage("MongoDB port must be between 1 and 65535, was 0");
    }

    @Test
    void secretsNotSavedAreAskedForAndFilledIn() {
        SavedConnection c = SavedConnection.of("x", AppEnvironment.STAGING, "mongodb://reader@127.0.0.1:1/", null,
                null);
        assertThat(c.missingSecrets()).containsExactly(SavedConnection.Secret.MONGODB_PASSWORD);

        SavedConnection filled = c.withSecrets(Map.of(SavedConnection.Secret.MONGODB_PASSWORD, "typed"));
        assertThat(filled.missingSecrets()).isEmpty();
        assertThat(filled.toStorageConfig(Map.of()).mongoUri()).isEqualTo("mongodb://reader:typed@127.0.0.1:1/");
    }
}
