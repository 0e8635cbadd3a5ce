package dev.orchestra.connections.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.model.HealthStatus;
import dev.orchestra.storage.redis.RedisCache;
import dev.orchestra.storage.redis.RedisCacheSettings;
import dev.orchestra.storage.testsupport.redis.RedisCli;
import dev.orchestra.storage.testsupport.redis.RedisProcess;
import dev.orchestra.storage.testsupport.redis.TestCertificates;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.DefaultJedisClientConfig;

/**
 * Redis with TLS through the tunnel. The server's certificate names only {@code localhost} (no IP address), while
 * the tunnel's local end is {@code 127.0.0.1:<port>}: the certificate must still be checked against the name the
 * configuration gave, and it must still be checked.
 */
class SshTunnelRedisTlsIT {
    @TempDir
    static Path dir;
    private static TestCertificates pki;
    private static RedisProcess localhostOnly;
    private static RedisProcess wrongHost;

    private TestBastion bastion;
    private SshTunnel tunnel;
    private RedisCache cache;

    @BeforeAll
    static void startServers() throws Exception {
        Path pkiDir = dir.resolve("pki");
        pki = TestCertificates.create(pkiDir);
        Files.writeString(pkiDir.resolve("localhost-only.ext"), "subjectAltName=DNS:localhost\n");
        RedisCli.run(pkiDir, List.of("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout",
                "localhost-only.key", "-out", "localhost-only.csr", "-subj", "/CN=localhost"));
        RedisCli.run(pkiDir, List.of("openssl", "x509", "-req", "-in", "localhost-only.csr", "-CA", "ca.pem",
                "-CAkey", "ca.key", "-CAcreateserial", "-out", "localhost-only.pem", "-days", "2", "-extfile",
                "localhost-only.ext"));
        localhostOnly = tlsServer("localhost-only", pkiDir.resolve("localhost-only.pem"),
                pkiDir.resolve("localhost-only.key"));
        wrongHost = tlsServer("wrong-host", pki.wrongHostCert(), pki.wrongHostKey());
    }

    private static RedisProcess tlsServer(String name, Path cert, Path key) throws Exception {
        int port = RedisProcess.freePort();
        var readiness = DefaultJedisClientConfig.builder().ssl(true).sslSocketFactory(trustingTheTestCa())
                .connectionTimeoutMillis(1000).socketTimeoutMillis(2000).build();
        return RedisProcess.start(name, dir, port, List.of("--port", "0", "--tls-port", Integer.toString(port),
                "--tls-cert-file", cert.toString(), "--tls-key-file", key.toString(), "--tls-ca-cert-file",
                pki.caCert().toString(), "--tls-auth-clients", "no"), readiness);
    }

    private static SSLSocketFactory trustingTheTestCa() throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(pki.caCert())) {
            trusted.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context.getSocketFactory();
    }

    @AfterAll
    static void stopServers() {
        if (localhostOnly != null) {
            localhostOnly.close();
        }
        if (wrongHost != null) {
            wrongHost.close();
        }
    }

    @BeforeEach
    void openTunnel(@TempDir Path own) {
        bastion = TestBastion.open();
        tunnel = SshTunnel.open(bastion.keyLogin(bastion.writeUserKey(own.resolve("id"), null), null,
                own.resolve("known_hosts")), HostKeyPrompt.ACCEPT_NEW);
    }

    @AfterEach
    void closeAll() {
        if (cache != null) {
            cache.close();
        }
        tunnel.close();
        bastion.close();
    }

    private RedisCache cacheThroughTunnel(RedisProcess server, String host) {
        StorageConfig config = StorageConfig.fromMap(Map.of("APP_ENV", "test", "REDIS_HOST", host, "REDIS_PORT",
                Integer.toString(server.port()), "REDIS_TLS", "true", "REDIS_TLS_CA_FILE", pki.caCert().toString(),
                "REDIS_KEY_PREFIX", "ssh-tls-it:"));
        cache = new RedisCache(RedisCacheSettings.from(config)
                .withTimeouts(Duration.ofMillis(1000), Duration.ofMillis(1000), Duration.ofMillis(200)), tunnel);
        return cache;
    }

    @Test
    void theCertificateIsCheckedAgainstTheConfiguredNameNotTheTunnelsLocalAddress() {
        RedisCache tls = cacheThroughTunnel(localhostOnly, "localhost");

        assertThat(tls.checkHealth().status()).as(tls.checkHealth().lastError()).isEqualTo(HealthStatus.OK);
        assertThat(bastion.forwardTargets()).contains("localhost:" + localhostOnly.port());
        assertThat(tunnel.mappedAddresses()).extracting(a -> a.getHostString() + ":" + a.getPort())
                .containsExactly("localhost:" + localhostOnly.port());
    }

    @Test
    void aCertificateForAnotherHostIsStillRefusedThroughTheTunnel() {
        RedisCache tls = cacheThroughTunnel(wrongHost, "localhost");

        assertThat(tls.checkHealth().status()).isEqualTo(HealthStatus.ERROR);
        assertThat(bastion.forwardTargets()).contains("localhost:" + wrongHost.port());
    }
}
