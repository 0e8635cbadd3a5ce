package dev.orchestra.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.storage.config.RedisDeploymentConfig;
import dev.orchestra.storage.config.RedisMode;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.model.ComponentHealth;
import dev.orchestra.storage.model.HealthStatus;
import dev.orchestra.storage.testsupport.redis.RedisProcess;
import dev.orchestra.storage.testsupport.redis.TestCertificates;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.DefaultJedisClientConfig;

/**
 * TLS to Redis with a PKI the test makes ({@code openssl}): {@code redis-server --tls-port} with a certificate for
 * 127.0.0.1/localhost, one for another host name, one from another CA, and one that requires a client certificate.
 * The cache connects with {@code REDIS_TLS_CA_FILE}; refuses a certificate of another CA and a wrong host name
 * (unless {@code REDIS_TLS_VERIFY_HOST=false}, which health then warns about); mutual TLS with a client certificate.
 */
class RedisTlsIT {
    @TempDir
    static Path dir;
    private static TestCertificates pki;
    private static RedisProcess good;
    private static RedisProcess wrongHost;
    private static RedisProcess otherCa;
    private static RedisProcess mutual;
    private final List<RedisCache> caches = new ArrayList<>();

    @BeforeAll
    static void start() {
        pki = TestCertificates.create(dir.resolve("pki"));
        good = tlsServer("good", pki.serverCert(), pki.serverKey(), false);
        wrongHost = tlsServer("wrong-host", pki.wrongHostCert(), pki.wrongHostKey(), false);
        otherCa = tlsServer("other-ca", pki.otherCaServerCert(), pki.otherCaServerKey(), false);
        mutual = tlsServer("mutual", pki.serverCert(), pki.serverKey(), true);
    }

    /** A TLS-only redis-server; the readiness check trusts its certificate whatever it is (it checks the test). */
    private static RedisProcess tlsServer(String name, Path cert, Path key, boolean clientCertificates) {
        int port = RedisProcess.freePort();
        Path ownCa = cert.equals(pki.otherCaServerCert()) ? pki.caCert().resolveSibling("other-ca.pem") : pki.caCert();
        var readiness = new RedisDeploymentConfig(RedisMode.STANDALONE, null, ownCa, pki.clientCert(),
                pki.clientKey(), false, List.of(), null, null, null, List.of());
        var config = DefaultJedisClientConfig.builder().ssl(true).sslSocketFactory(RedisTls.socketFactory(readiness))
                .connectionTimeoutMillis(1000).socketTimeoutMillis(2000).build();
        return RedisProcess.start(name, dir, port, List.of("--port", "0", "--tls-port", Integer.toString(port),
                "--tls-cert-file", cert.toString(), "--tls-key-file", key.toString(), "--tls-ca-cert-file",
                pki.caCert().toString(), "--tls-auth-clients", clientCertificates ? "yes" : "no"), config);
    }

    @AfterAll
    static void stop() {
        for (RedisProcess server : new RedisProcess[] {good, wrongHost, otherCa, mutual}) {
            if (server != null) {
                server.close();
            }
        }
    }

    @AfterEach
    void closeCaches() {
        caches.forEach(RedisCache::close);
    }

    private RedisCache cacheOn(RedisProcess server, String host, String... more) {
        Map<String, String> env = new HashMap<>(Map.of("APP_ENV", "test", "REDIS_HOST", host, "REDIS_PORT",
                Integer.toString(server.port()), "REDIS_TLS", "true", "REDIS_TLS_CA_FILE", pki.caCert().toString(),
                "REDIS_KEY_PREFIX", "tls-it:"));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        RedisCache cache = new RedisCache(RedisCacheSettings.from(StorageConfig.fromMap(env))
                .withTimeouts(Duration.ofMillis(1000), Duration.ofMillis(1000), Duration.ofMillis(200)));
        caches.add(cache);
        return cache;
    }

    private static boolean roundTrips(RedisCache cache) {
        String key = cache.keys().history("u", "s");
        cache.fillList(cache.startFill(key), new BsonDocument("complete", BsonBoolean.TRUE),
                List.of(new BsonDocument("n", new BsonInt32(1))));
        boolean hit = cache.readList(key).isHit();
        cache.invalidate(List.of(key));
        return hit;
    }

    @Test
    void withTheCaTheCacheConnectsByAddressAndByHostName() {
        for (String host : List.of("127.0.0.1", "localhost")) {
            RedisCache cache = cacheOn(good, host);
            assertThat(roundTrips(cache)).as(host).isTrue();
            ComponentHealth health = cache.checkHealth();
            assertThat(health.status()).isEqualTo(HealthStatus.OK);
            assertThat(health.details().get("address").toString()).contains("(TLS)");
            assertThat(health.details()).doesNotContainKey("tls_warning");
        }
    }

    @Test
    void aCertificateFromAnotherCaIsRefused() {
        RedisCache cache = cacheOn(otherCa, "127.0.0.1");

        assertThat(roundTrips(cache)).isFalse();
        ComponentHealth health = cache.checkHealth();
        assertThat(health.status()).isEqualTo(HealthStatus.ERROR);
        assertThat(health.lastError()).isNotBlank().doesNotContain("\n");
        assertThat(cache.statistics().errors()).isPositive();
    }

    @Test
    void aWrongHostNameIsRefusedUnlessVerificationIsExplicitlyOff() {
        RedisCache verifying = cacheOn(wrongHost, "127.0.0.1");
        assertThat(roundTrips(verifying)).isFalse();
        assertThat(verifying.checkHealth().status()).isEqualTo(HealthStatus.ERROR);

        RedisCache trusting = cacheOn(wrongHost, "127.0.0.1", "REDIS_TLS_VERIFY_HOST", "false");
        assertThat(roundTrips(trusting)).isTrue();
        ComponentHealth health = trusting.checkHealth();
        assertThat(health.status()).isEqualTo(HealthStatus.OK);
        assertThat(health.details().get("tls_warning").toString()).contains("REDIS_TLS_VERIFY_HOST=false");
        assertThat(health.details().get("address").toString()).contains("host name not verified");
    }

    @Test
    void mutualTlsNeedsTheClientCertificate() {
        RedisCache anonymous = cacheOn(mutual, "127.0.0.1");
        assertThat(roundTrips(anonymous)).isFalse();
        assertThat(anonymous.checkHealth().status()).isEqualTo(HealthStatus.ERROR);

        RedisCache identified = cacheOn(mutual, "127.0.0.1", "REDIS_TLS_CERT_FILE", pki.clientCert().toString(),
                "REDIS_TLS_KEY_FILE", pki.clientKey().toString());
        assertThat(roundTrips(identified)).isTrue();
        assertThat(identified.checkHealth().status()).isEqualTo(HealthStatus.OK);
    }
}
