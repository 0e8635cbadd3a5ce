package dev.orchestra.storage.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the app starts a Redis of its own: the embedded store and no Redis setting at all. */
class EmbeddedCacheConfigTest {
    @TempDir
    Path workingDirectory;

    @Test
    void nothingConfiguredStartsTheEmbeddedCache() {
        StorageConfig config = StorageConfig.fromMap(Map.of());
        assertThat(config.startsEmbeddedCache()).isTrue();
        assertThat(config.cacheEnabled()).isFalse();
        assertThat(config.redisDisplayName()).isEqualTo("embedded Redis");
    }

    @Test
    void redisHostSetOrExplicitlyEmptyKeepsTodaysBehaviour() {
        assertThat(StorageConfig.fromMap(Map.of("REDIS_HOST", "cache")).startsEmbeddedCache()).isFalse();
        StorageConfig empty = StorageConfig.fromMap(Map.of("REDIS_HOST", ""));
        assertThat(empty.startsEmbeddedCache()).isFalse();
        assertThat(empty.redisDisplayName()).isEqualTo("no cache");
    }

    @Test
    void anEmptyRedisHostInTheDotEnvFileCountsAsSet() throws IOException {
        Files.writeString(workingDirectory.resolve(".env"), "REDIS_HOST=\n");
        assertThat(StorageConfig.load(Map.of(), workingDirectory).startsEmbeddedCache()).isFalse();
        assertThat(StorageConfig.load(Map.of(), workingDirectory.resolve("elsewhere")).startsEmbeddedCache()).isTrue();
    }

    @Test
    void aMongodbUriOrAnotherEnvironmentNeverStartsIt() {
        assertThat(StorageConfig.fromMap(Map.of("MONGODB_URI", "mongodb://127.0.0.1:27017")).startsEmbeddedCache())
                .isFalse();
        assertThat(StorageConfig.fromMap(Map.of("APP_ENV", "test")).startsEmbeddedCache()).isFalse();
    }

    @Test
    void theCacheItStartsIsNotStartedAgainOnceItsAddressIsSet() {
        StorageConfig started = StorageConfig.fromMap(Map.of()).withRedis("127.0.0.1", 50000, "orchestra:");
        assertThat(started.cacheEnabled()).isTrue();
        assertThat(started.startsEmbeddedCache()).isFalse();
    }
}
