package dev.orchestra.connections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.connections.ssh.HostKeyPrompt;
import dev.orchestra.connections.ssh.SshSettings;
import dev.orchestra.connections.ssh.TestBastion;
import dev.orchestra.storage.config.AppEnvironment;
import dev.orchestra.storage.testsupport.MongoTestServer;
import dev.orchestra.storage.testsupport.RedisTestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A saved connection with an SSH bastion, stored and read back, then tested: MongoDB and Redis are reached through
 * the in-process bastion (it counts what it forwarded), an unknown host key that is refused reaches nothing.
 */
class SavedConnectionThroughSshIT {
    private static final String PASSPHRASE = "key-phrase-" + System.nanoTime();
    private static MongoTestServer mongo;
    private static RedisTestServer redis;
    private static TestBastion bastion;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        mongo = MongoTestServer.start();
        redis = RedisTestServer.openEmbedded();
        bastion = TestBastion.open();
    }

    @AfterAll
    static void stop() {
        bastion.close();
        redis.close();
        mongo.close();
    }

    private SavedConnection throughBastion(String passphrase) {
        Path key = bastion.writeUserKey(dir.resolve("id_ecdsa"), PASSPHRASE);
        SshFields ssh = new SshFields("127.0.0.1", bastion.port(), TestBastion.USER, key.toString(), passphrase, null,
                dir.resolve("known_hosts").toString());
        return new SavedConnection("behind bastion", null, AppEnvironment.STAGING, mongo.connectionString(), null,
                mongo.uniqueDatabaseName(), null, RedisSettings.standalone(redis.host(), redis.port(),
                redis.keyPrefix()), false, ssh, true, null);
    }

    @Test
    void theSavedBastionCarriesTheTestOfBothComponents() {
        ConnectionStore store = new ConnectionStore(dir.resolve("connections.json"));
        store.save(List.of(throughBastion(PASSPHRASE)));
        SavedConnection saved = store.load().connections().get(0);
        Optional<SshSettings> ssh = saved.ssh().toSettings();
        assertThat(ssh).isPresent();
        assertThat(ssh.get().keyPassphrase()).isEqualTo(PASSPHRASE);

        ConnectionTester.Result result = new ConnectionTester(Duration.ofSeconds(5))
                .test(saved.toStorageConfig(Map.of()), ssh, HostKeyPrompt.ACCEPT_NEW);

        assertThat(result.ok()).as(result.toString()).isTrue();
        assertThat(result.ssh().summary()).startsWith("SSH orchestra@127.0.0.1:" + bastion.port() + " logged in");
        assertThat(bastion.forwardTargets()).contains(redis.host() + ":" + redis.port());
        assertThat(bastion.forwardTargets()).anyMatch(target -> target.endsWith(":" + mongo.port()));
        assertThat(result.toString()).doesNotContain(PASSPHRASE);
    }

    @Test
    void aRefusedUnknownHostKeyReachesNothingAndSaysWhyInOneLine() {
        SavedConnection connection = throughBastion(PASSPHRASE);
        int forwardedBefore = bastion.forwardedConnections();

        ConnectionTester.Result result = new ConnectionTester(Duration.ofSeconds(5)).test(
                connection.toStorageConfig(Map.of()), connection.ssh().toSettings(), HostKeyPrompt.REJECT_UNKNOWN);

        assertThat(result.ok()).isFalse();
        assertThat(result.ssh().summary()).doesNotContain("\n").contains("127.0.0.1:" + bastion.port());
        assertThat(result.mongo().summary()).startsWith("not reached: ");
        assertThat(result.redis().ok()).isFalse();
        assertThat(bastion.forwardedConnections()).isEqualTo(forwardedBefore);
    }
}
