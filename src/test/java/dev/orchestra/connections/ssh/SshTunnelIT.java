package dev.orchestra.connections.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.error.StorageConnectionException;
import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.factory.MemoryManagerFactory;
import dev.orchestra.storage.health.HealthChecker;
import dev.orchestra.storage.model.ComponentHealth;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.HealthStatus;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.mongo.MongoMemoryManager;
import dev.orchestra.storage.testsupport.MongoTestServer;
import dev.orchestra.storage.testsupport.RedisTestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * MongoDB and Redis reached through a real SSH tunnel (SSHD client against SSHD's server in this process), and
 * everything that can go wrong on the way: the key, the passphrase, the host key, the bastion going away.
 */
class SshTunnelIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final String PASSPHRASE = "key-passphrase-9Wd";

    private static MongoTestServer mongo;
    private static RedisTestServer redis;

    @TempDir
    Path dir;
    private TestBastion bastion;
    private Path knownHosts;
    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeAll
    static void startServers() {
        mongo = MongoTestServer.start();
        redis = RedisTestServer.openEmbedded();
    }

    @AfterAll
    static void stopServers() {
        redis.close();
        mongo.close();
    }

    @BeforeEach
    void startBastion() {
        bastion = TestBastion.open();
        knownHosts = dir.resolve("known_hosts");
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
        bastion.close();
    }

    private <T extends AutoCloseable> T closing(T resource) {
        opened.add(resource);
        return resource;
    }

    private SshTunnel openWithKey() {
        Path key = bastion.writeUserKey(dir.resolve("id_ecdsa"), PASSPHRASE);
        return closing(SshTunnel.open(bastion.keyLogin(key, PASSPHRASE, knownHosts), HostKeyPrompt.ACCEPT_NEW));
    }

    private static StorageConfig config(String database) {
        return StorageConfig.fromMap(Map.of("APP_ENV", "development", "MONGODB_URI", mongo.connectionString(),
                "MONGODB_DATABASE", database, "REDIS_HOST", redis.host(), "REDIS_PORT", String.valueOf(redis.port()),
                "REDIS_KEY_PREFIX", redis.keyPrefix(), "STORAGE_TIMEOUT_MS", String.valueOf(TIMEOUT.toMillis())));
    }

    @Test
    void mongoAndRedisAreReadThroughTheTunnel() {
        String database = mongo.uniqueDatabaseName();
        try (MongoMemoryManager direct = new MongoMemoryManager(mongo.connectionString(), database, TIMEOUT)) {
            direct.addMemoryItem(MemoryItem.of("alice", "s1", "conversation", "through the bastion"));
        }
        SshTunnel tunnel = openWithKey();
        assertThat(bastion.forwardedConnections()).isZero();

        MemoryManager store = closing(MemoryManagerFactory.create(config(database), tunnel));
        assertThat(store.count(StoreCollection.MEMORY_ITEMS, DocumentFilter.forUser("alice")).value()).isEqualTo(1);
        List<MemoryItem> history = store.getConversationHistory("alice", "s1", 10, DocumentFilter.none());
        assertThat(history).extracting(MemoryItem::textContent).containsExactly("through the bastion");

        assertThat(bastion.forwardTargets()).contains(mongo.host() + ":" + mongo.port(),
                redis.host() + ":" + redis.port());
        assertThat(tunnel.mappedAddresses()).extracting(a -> a.getHostString() + ":" + a.getPort())
                .containsExactly(redis.host() + ":" + redis.port());
        // the history went into Redis through the tunnel: the test's own client finds the key
        assertThat(redis.keys()).anyMatch(key -> key.contains("alice"));
    }

    @Test
    void aPasswordLoginWorksToo() {
        SshTunnel tunnel = closing(SshTunnel.open(bastion.passwordLogin(TestBastion.PASSWORD, knownHosts),
                HostKeyPrompt.ACCEPT_NEW));
        MemoryManager store = closing(MemoryManagerFactory.create(config(mongo.uniqueDatabaseName()), tunnel));
        assertThat(store.checkHealth()).allMatch(ComponentHealth::isUp);
        assertThat(bastion.forwardedConnections()).isPositive();
    }

    @Test
    void everyMongoServerTheDriverConnectsToGoesThroughTheTunnel() {
        try (MongoTestServer second = MongoTestServer.start()) {
            SshTunnel tunnel = openWithKey();
            String seeds = "mongodb://127.0.0.1:" + mongo.port() + ",127.0.0.1:" + second.port();
            MemoryManager store = closing(new MongoMemoryManager(seeds, mongo.uniqueDatabaseName(), TIMEOUT, tunnel));
            store.checkHealth();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(bastion.forwardTargets())
                    .contains("127.0.0.1:" + mongo.port(), "127.0.0.1:" + second.port()));
        }
    }

    @Test
    void anEd25519KeyLogsIn() {
        Path key = bastion.writeUserEd25519Key(dir.resolve("id_ed25519"));
        SshTunnel tunnel = closing(SshTunnel.open(bastion.keyLogin(key, null, knownHosts), HostKeyPrompt.ACCEPT_NEW));
        assertThat(tunnel.isOpen()).isTrue();
    }

    @Test
    void replicaSetMembersTheDriverDiscoversGoThroughTheTunnel() {
        List<ReplicaSetMember> members = ReplicaSetMember.startPrimaryAndSecondary();
        try {
            SshTunnel tunnel = openWithKey();
            String primary = members.get(0).address();
            String secondary = members.get(1).address();
            // only the primary is configured: the secondary is learnt from its hello answer
            String uri = "mongodb://" + primary + "/?replicaSet=" + ReplicaSetMember.SET_NAME;
            MemoryManager store = closing(new MongoMemoryManager(uri, mongo.uniqueDatabaseName(), TIMEOUT, tunnel));

            assertThat(store.checkHealth()).allMatch(ComponentHealth::isUp);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(bastion.forwardTargets())
                    .contains(primary, secondary));
        } finally {
            members.forEach(ReplicaSetMember::close);
        }
    }

    @Test
    void aKeyTheBastionDoesNotKnowIsALoginFailure() {
        Path stranger = TestBastion.writeStrangerKey(dir.resolve("id_other"));
        assertThatThrownBy(() -> SshTunnel.open(bastion.keyLogin(stranger, null, knownHosts),
                HostKeyPrompt.ACCEPT_NEW))
                .isInstanceOf(StorageConnectionException.class)
                .hasMessage("SSH to orchestra@127.0.0.1:" + bastion.port() + ": login refused, the key " + stranger
                        + " was not accepted");
        assertThat(bastion.forwardedConnections()).isZero();
    }

    @Test
    void aWrongPasswordIsALoginFailureThatDoesNotShowIt() {
        assertThatThrownBy(() -> SshTunnel.open(bastion.passwordLogin("not-the-password", knownHosts),
                HostKeyPrompt.ACCEPT_NEW))
                .isInstanceOf(StorageConnectionException.class)
                .hasMessageContaining("login refused, the password was not accepted")
                .hasMessageNotContaining("not-the-password");
    }

    @Test
    void aWrongPassphraseSaysSoBeforeConnecting() {
        Path key = bastion.writeUserKey(dir.resolve("id_ecdsa"), PASSPHRASE);
        assertThatThrownBy(() -> SshTunnel.open(bastion.keyLogin(key, "wrong-phrase", knownHosts),
                HostKeyPrompt.ACCEPT_NEW))
                .isInstanceOf(StorageValidationException.class)
                .hasMessage("Cannot read SSH key file " + key + ": wrong passphrase, or not a private key");
        assertThat(knownHosts).doesNotExist();
    }

    @Test
    void anEncryptedKeyWithoutItsPassphraseAsksForIt() {
        Path key = bastion.writeUserKey(dir.resolve("id_ecdsa"), PASSPHRASE);
        assertThatThrownBy(() -> SshTunnel.open(bastion.keyLogin(key, null, knownHosts), HostKeyPrompt.ACCEPT_NEW))
                .isInstanceOf(StorageValidationException.class)
                .hasMessageContaining("needs its passphrase (SSH_KEY_PASSPHRASE)");
    }

    @Test
    void aMissingKeyFileIsNamed() {
        Path missing = dir.resolve("no_such_key");
        assertThatThrownBy(() -> SshTunnel.open(bastion.keyLogin(missing, null, knownHosts),
                HostKeyPrompt.ACCEPT_NEW))
                .isInstanceOf(StorageValidationException.class)
                .hasMessage("SSH key file " + missing + " does not exist");
    }

    @Test
    void anUnknownHostKeyIsAskedAboutThenRemembered() throws Exception {
        Path key = bastion.writeUserKey(dir.resolve("id_ecdsa"), null);
        List<String> asked = new ArrayList<>();
        HostKeyPrompt accept = (host, fingerprint) -> {
            asked.add(host + " " + fingerprint);
            return HostKeyDecision.ACCEPT;
        };
        closing(SshTunnel.open(bastion.keyLogin(key, null, knownHosts), accept)).close();
        assertThat(asked).containsExactly("127.0.0.1:" + bastion.port() + " "
                + KnownHostsCheck.fingerprint(bastion.hostKey()));
        assertThat(asked.get(0)).contains("SHA256:");
        assertThat(Files.readString(knownHosts)).contains("[127.0.0.1]:" + bastion.port());

        SshTunnel again = closing(SshTunnel.open(bastion.keyLogin(key, null, knownHosts), accept));
        assertThat(again.isOpen()).isTrue();
        assertThat(asked).hasSize(1);
    }

    @Test
    void aRefusedHostKeyConnectsNothingAndIsNotRemembered() {
        Path key = bastion.writeUserKey(dir.resolve("id_ecdsa"), null);
        assertThatThrownBy(() -> SshTunnel.open(bastion.keyLogin(key, null, knownHosts), HostKeyPrompt.REJECT_UNKNOWN))
                .isInstanceOf(StorageConnectionException.class)
                .hasMessageContaining("The host key of 127.0.0.1:" + bastion.port())
                .hasMessageContaining("was not accepted");
        assertThat(bastion.forwardedConnections()).isZero();
        assertThat(knownHosts).satisfiesAnyOf(
                file -> assertThat(file).doesNotExist(),
                file -> assertThat(Files.readString(file)).doesNotContain(String.valueOf(bastion.port())));
    }

    @Test
    void aChangedHostKeyIsRefusedWithBothFingerprints() {
        Path key = bastion.writeUserKey(dir.resolve("id_ecdsa"), null);
        closing(SshTunnel.open(bastion.keyLogin(key, null, knownHosts), HostKeyPrompt.ACCEPT_NEW)).close();
        String remembered = KnownHostsCheck.fingerprint(bastion.hostKey());
        bastion.stop();
        bastion.changeHostKey();
        bastion.start();
        String offered = KnownHostsCheck.fingerprint(bastion.hostKey());

        List<String> asked = new ArrayList<>();
        assertThatThrownBy(() -> SshTunnel.open(bastion.keyLogin(key, null, knownHosts), (host, fingerprint) -> {
            asked.add(fingerprint);
            return HostKeyDecision.ACCEPT;
        }))
                .isInstanceOf(StorageConnectionException.class)
                .hasMessageStartingWith("WARNING: the host key of 127.0.0.1:" + bastion.port() + " has CHANGED")
                .hasMessageContaining(remembered)
                .hasMessageContaining(offered);
        assertThat(asked).isEmpty();
        assertThat(bastion.forwardedConnections()).isZero();
    }

    @Test
    void aDroppedTunnelTurnsBothComponentsRedThenRecovers() {
        SshTunnel tunnel = openWithKey();
        MemoryManager store = closing(MemoryManagerFactory.create(config(mongo.uniqueDatabaseName()), tunnel));
        HealthChecker health = closing(new HealthChecker(store, "development", "test", Duration.ofSeconds(5)));
        assertThat(health.checkComponents()).extracting(ComponentHealth::status)
                .containsExactly(HealthStatus.OK, HealthStatus.OK);

        bastion.stop();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(health.checkComponents())
                .allSatisfy(component -> {
                    assertThat(component.status()).isEqualTo(HealthStatus.ERROR);
                    assertThat(component.lastError()).startsWith("SSH tunnel closed");
                })
                .extracting(ComponentHealth::name).containsExactly(ComponentHealth.MONGODB, ComponentHealth.REDIS));
        assertThat(tunnel.isOpen()).isFalse();

        bastion.start();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(health.checkComponents())
                .extracting(ComponentHealth::status).containsExactly(HealthStatus.OK, HealthStatus.OK));
        assertThat(tunnel.isOpen()).isTrue();
        assertThat(store.count(StoreCollection.MEMORY_ITEMS, DocumentFilter.none()).value()).isZero();
    }

    @Test
    void aForwardWhosePortWasTakenMeanwhileGetsANewOneOnReconnect() throws Exception {
        SshTunnel tunnel = openWithKey();
        InetSocketAddress redisAddress = InetSocketAddress.createUnresolved(redis.host(), redis.port());
        int before = tunnel.redisAddress(redisAddress).getPort();
        bastion.stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> !tunnel.isOpen());

        // another program takes the local port while the tunnel is down (polling: SSHD releases it as it closes)
        List<ServerSocket> squatter = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            try {
                squatter.add(new ServerSocket(before, 1, InetAddress.getByName("127.0.0.1")));
                return true;
            } catch (IOException e) {
                return false;
            }
        });
        try (ServerSocket taken = squatter.get(0)) {
            bastion.start();
            tunnel.reconnect();

            InetSocketAddress after = tunnel.redisAddress(redisAddress);
            assertThat(tunnel.isOpen()).isTrue();
            assertThat(after.getPort()).isNotEqualTo(taken.getLocalPort());
            try (Jedis jedis = new Jedis(after.getHostString(), after.getPort())) {
                assertThat(jedis.ping()).isEqualTo("PONG");
            }
        }
    }

    @Test
    void closingLeavesNoSshThreadBehind() {
        List<String> before = sshClientThreads();
        SshTunnel tunnel = openWithKey();
        MemoryManager store = MemoryManagerFactory.create(config(mongo.uniqueDatabaseName()), tunnel);
        store.checkHealth();
        assertThat(sshClientThreads()).hasSizeGreaterThan(before.size());

        store.close();
        tunnel.close();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(sshClientThreads())
                .containsExactlyInAnyOrderElementsOf(before));
    }

    @Test
    void aFailedOpeningLeavesNoSshThreadBehind() {
        List<String> before = sshClientThreads();
        assertThatThrownBy(() -> SshTunnel.open(bastion.passwordLogin("wrong", knownHosts), HostKeyPrompt.ACCEPT_NEW))
                .isInstanceOf(StorageConnectionException.class);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(sshClientThreads())
                .containsExactlyInAnyOrderElementsOf(before));
    }

    private static List<String> sshClientThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.contains("SshClient")).sorted().toList();
    }
}
