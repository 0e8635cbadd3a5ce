package dev.orchestra.storage.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.storage.error.StorageValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageConfigTest {
    private static final String MONGO_SECRET = "m0ngo-s3cret";
    private static final String REDIS_SECRET = "r3dis-s3cret";

    @TempDir
    Path workingDirectory;

    private static Map<String, String> env(String... keyValues) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            env.put(keyValues[i], keyValues[i + 1]);
        }
        return env;
    }

    private static void assertRejected(Map<String, String> values, String variable) {
        assertThatThrownBy(() -> StorageConfig.fromMap(values))
                .isInstanceOf(StorageValidationException.class)
                .hasMessageContaining(variable);
    }

    @Test
    void defaultsAreDevelopmentWithTheEmbeddedStoreAndNoCache() {
        StorageConfig config = StorageConfig.fromMap(Map.of());

        assertThat(config.environment()).isEqualTo(AppEnvironment.DEVELOPMENT);
        assertThat(config.usesEmbeddedStore()).isTrue();
        assertThat(config.cacheEnabled()).isFalse();
        assertThat(config.mongoDatabase()).isEqualTo("orchestra");
        assertThat(config.redisKeyPrefix()).isEqualTo("orchestra:");
        assertThat(config.cacheTtl()).isEqualTo(Duration.ofSeconds(3600));
        assertThat(config.redisPort()).isEqualTo(6379);
    }

    @Test
    void theEnvironmentWinsOverTheDotEnvFile() throws IOException {
        Files.writeString(workingDirectory.resolve(".env"), String.join("\n",
                "# local settings", "REDIS_HOST=from-file", "REDIS_PORT=6380", "CACHE_TTL=60",
                "export MONGODB_DATABASE='file_db'"));

        StorageConfig config = StorageConfig.load(env("REDIS_HOST", "from-env", "CACHE_TTL", "120"), workingDirectory);

        assertThat(config.redisHost()).isEqualTo("from-env");
        assertThat(config.cacheTtl()).isEqualTo(Duration.ofSeconds(120));
        assertThat(config.redisPort()).as("only in the file").isEqualTo(6380);
        assertThat(config.mongoDatabase()).isEqualTo("file_db");
    }

    @Test
    void badValuesFailFastNamingTheVariable() {
        assertRejected(env("REDIS_PORT", "70000"), "REDIS_PORT");
        assertRejected(env("REDIS_PORT", "six"), "REDIS_PORT");
        assertRejected(env("CACHE_TTL", "-5"), "CACHE_TTL");
        assertRejected(env("CACHE_TTL", "0"), "CACHE_TTL");
        assertRejected(env("MONGODB_URI", "http://example.com"), "MONGODB_URI");
        assertRejected(env("APP_ENV", "qa"), "APP_ENV");
        assertRejected(env("REDIS_TLS", "maybe"), "REDIS_TLS");
        assertRejected(env("MONGODB_DATABASE", "a.b"), "MONGODB_DATABASE");
    }

    @Test
    void stagingAndProductionRequireMongodbUri() {
        assertRejected(env("APP_ENV", "staging"), "MONGODB_URI");
        assertRejected(env("APP_ENV", "production"), "MONGODB_URI");
        assertThat(StorageConfig.fromMap(env("APP_ENV", "production", "MONGODB_URI", "mongodb://db:27017"))
                .startsReadOnly()).isTrue();
    }

    @Test
    void aMalformedUriWithCredentialsNeverShowsThePassword() {
        assertThatThrownBy(() -> StorageConfig.fromMap(env("MONGODB_URI",
                "mongodb://admin:" + MONGO_SECRET + "@db:notaport/orchestra")))
                .isInstanceOf(StorageValidationException.class)
                .hasMessageContaining("MONGODB_URI")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(MONGO_SECRET));
    }

    @Test
    void toStringNeverShowsPasswords() {
        StorageConfig config = StorageConfig.fromMap(env("APP_ENV", "staging",
                "MONGODB_URI", "mongodb://admin:" + MONGO_SECRET + "@db1:27017,db2:27017/?replicaSet=rs0&tls=true",
                "REDIS_HOST", "cache", "REDIS_PASSWORD", REDIS_SECRET, "REDIS_TLS", "true"));

        assertThat(config.toString()).doesNotContain(MONGO_SECRET).doesNotContain(REDIS_SECRET)
                .contains("db1:27017").contains("cache:6379 (TLS)").contains("redisPassword=***");
        assertThat(config.mongoDisplayName()).doesNotContain(MONGO_SECRET);
        assertThat(config.redisPassword()).isEqualTo(REDIS_SECRET);
        assertThat(config.redisTls()).isTrue();
    }
}
