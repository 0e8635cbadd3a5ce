package dev.orchestra.storage.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.storage.error.StorageValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedisDeploymentConfigTest {
    @TempDir
    Path dir;

    private static Map<String, String> env(String... keyValues) {
        Map<String, String> env = new HashMap<>();
        env.put("APP_ENV", "test");
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
    void standaloneIsTheDefaultAndNeedsOnlyTheHost() {
        StorageConfig config = StorageConfig.fromMap(env("REDIS_HOST", "cache.local"));

        assertThat(config.redisDeployment().mode()).isEqualTo(RedisMode.STANDALONE);
        assertThat(config.redisDeployment().tlsVerifyHost()).isTrue();
        assertThat(config.cacheEnabled()).isTrue();
        assertThat(config.redisDisplayName()).isEqualTo("cache.local:6379");
    }

    @Test
    void sentinelNeedsSentinelsAndAMasterNameAndNoHost() {
        StorageConfig config = StorageConfig.fromMap(env("REDIS_MODE", "sentinel",
                "REDIS_SENTINELS", "s1:26379, s2:26380", "REDIS_MASTER_NAME", "orchestra",
                "REDIS_SENTINEL_PASSWORD", "sentinel-s3cret"));

        assertThat(config.cacheEnabled()).isTrue();
        assertThat(config.redisDeployment().sentinels()).extracting(Object::toString)
                .containsExactly("s1:26379", "s2:26380");
        assertThat(config.redisDisplayName()).contains("sentinel master orchestra");
        assertThat(Redactor.of(config).redact("auth sentinel-s3cret")).doesNotContain("sentinel-s3cret");
        assertThat(config.redisDeployment().toString()).doesNotContain("sentinel-s3cret");

        assertRejected(env("REDIS_MODE", "sentinel", "REDIS_SENTINELS", "s1:26379"), "REDIS_MASTER_NAME");
        assertRejected(env("REDIS_MODE", "sentinel", "REDIS_MASTER_NAME", "m"), "REDIS_SENTINELS");
        assertRejected(env("REDIS_MODE", "sentinel", "REDIS_MASTER_NAME", "m", "REDIS_SENTINELS", "s1"),
                "REDIS_SENTINELS");
    }

    @Test
    void clusterTakesNodesOrTheHostAsSeedAndRefusesAHashTagInThePrefix() {
        StorageConfig seeds = StorageConfig.fromMap(env("REDIS_MODE", "cluster", "REDIS_NODES", "a:7000,b:7001"));
        StorageConfig host = StorageConfig.fromMap(env("REDIS_MODE", "cluster", "REDIS_HOST", "c", "REDIS_PORT",
                "7002"));

        assertThat(seeds.redisDeployment().nodes()).hasSize(2);
        assertThat(host.redisDeployment().nodes()).extracting(Object::toString).containsExactly("c:7002");
        assertRejected(env("REDIS_MODE", "cluster"), "REDIS_NODES");
        assertRejected(env("REDIS_MODE", "cluster", "REDIS_NODES", "a:7000", "REDIS_KEY_PREFIX", "{orch}:"),
                "REDIS_KEY_PREFIX");
        assertRejected(env("REDIS_MODE", "cluster", "REDIS_NODES", "a:99999"), "REDIS_NODES");
    }

    @Test
    void variablesOfAnotherModeAndUnknownModesAreRefused() {
        assertRejected(env("REDIS_MODE", "clustered"), "REDIS_MODE");
        assertRejected(env("REDIS_HOST", "h", "REDIS_SENTINELS", "s:1"), "REDIS_SENTINELS");
        assertRejected(env("REDIS_HOST", "h", "REDIS_NODES", "n:1"), "REDIS_NODES");
        assertRejected(env("REDIS_HOST", "h", "REDIS_SENTINEL_PASSWORD", "x"), "REDIS_SENTINEL_PASSWORD");
    }

    @Test
    void tlsFilesMustExistBePemAndGoWithTls() throws IOException {
        Path ca = Files.writeString(dir.resolve("ca.pem"),
                "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
        Path key = Files.writeString(dir.resolve("key.pem"),
                "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n");
        Path notPem = Files.writeString(dir.resolve("ca.der"), "binary");

        StorageConfig config = StorageConfig.fromMap(env("REDIS_HOST", "h", "REDIS_TLS", "true",
                "REDIS_TLS_CA_FILE", ca.toString(), "REDIS_TLS_CERT_FILE", ca.toString(),
                "REDIS_TLS_KEY_FILE", key.toString(), "REDIS_TLS_VERIFY_HOST", "false", "REDIS_USERNAME", "orch"));
        assertThat(config.redisDeployment().tlsCaFile()).isEqualTo(ca);
        assertThat(config.redisDeployment().tlsVerifyHost()).isFalse();
        assertThat(config.redisDeployment().username()).isEqualTo("orch");
        assertThat(config.redisDisplayName()).contains("host name not verified");

        assertRejected(env("REDIS_HOST", "h", "REDIS_TLS", "true", "REDIS_TLS_CA_FILE",
                dir.resolve("missing.pem").toString()), "REDIS_TLS_CA_FILE");
        assertRejected(env("REDIS_HOST", "h", "REDIS_TLS", "true", "REDIS_TLS_CA_FILE", notPem.toString()),
                "REDIS_TLS_CA_FILE");
        assertRejected(env("REDIS_HOST", "h", "REDIS_TLS_CA_FILE", ca.toString()), "REDIS_TLS_CA_FILE");
        assertRejected(env("REDIS_HOST", "h", "REDIS_TLS", "true", "REDIS_TLS_CERT_FILE", ca.toString()),
                "REDIS_TLS_KEY_FILE");
        assertRejected(env("REDIS_HOST", "h", "REDIS_TLS_VERIFY_HOST", "false"), "REDIS_TLS_VERIFY_HOST");
    }
}
