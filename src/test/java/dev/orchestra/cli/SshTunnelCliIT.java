package dev.orchestra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.connections.ssh.SshSettings;
import dev.orchestra.connections.ssh.TestBastion;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.testsupport.DatabaseSnapshot;
import dev.orchestra.storage.testsupport.ForeignDatabase;
import dev.orchestra.storage.testsupport.MongoTestServer;
import dev.orchestra.storage.testsupport.RedisTestServer;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI with {@code SSH_*} in its environment: MongoDB and Redis through the tunnel, the host key asked or refused. */
class SshTunnelCliIT {
    private static final String PASSPHRASE = "cli-passphrase-4Tz";

    @TempDir
    Path dir;
    private TestBastion bastion;
    private MongoTestServer mongo;
    private RedisTestServer redis;
    private Path knownHosts;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void start() {
        bastion = TestBastion.open();
        mongo = MongoTestServer.start();
        redis = RedisTestServer.openEmbedded();
        knownHosts = dir.resolve("known_hosts");
        env.putAll(Map.of("APP_ENV", "staging", "MONGODB_URI", mongo.connectionString(), "MONGODB_DATABASE",
                mongo.uniqueDatabaseName(), "REDIS_HOST", redis.host(), "REDIS_PORT", String.valueOf(redis.port()),
                "REDIS_KEY_PREFIX", redis.keyPrefix(), "STORAGE_TIMEOUT_MS", "2000"));
        env.putAll(bastion.keyEnvironment(bastion.writeUserKey(dir.resolve("id_ecdsa"), PASSPHRASE), PASSPHRASE,
                knownHosts));
    }

    @AfterEach
    void stop() {
        bastion.close();
        redis.close();
        mongo.close();
    }

    private record Run(int exitCode, String out, String err) {
    }

    private Run run(boolean terminal, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter errWriter = new PrintWriter(err, true);
        var in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        Terminal term = Terminal.of(terminal, false);
        StoreConnector stores = new EnvironmentStoreConnector(() -> SshSettings.fromEnvironment(env),
                new TerminalHostKeyPrompt(errWriter, in, term));
        CliContext context = new CliContext(new PrintWriter(out, true), errWriter, in, term,
                () -> StorageConfig.fromMap(env), stores, () -> {
                    throw new IllegalStateException("not a long-running command");
                });
        int exitCode = CliMain.execute(context, args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void healthThroughTheTunnelWithANewHostKeyAccepted() throws Exception {
        Run result = run(false, "", "health", "--json", "--accept-new-host-key");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(BsonDocument.parse(result.out()).getString("status").getValue()).isEqualTo("ok");
        assertThat(result.err()).contains("Trusting the new SSH host key of 127.0.0.1:" + bastion.port()
                + " (SHA256:");
        assertThat(bastion.forwardTargets()).contains("127.0.0.1:" + mongo.port(), "127.0.0.1:" + redis.port());
        assertThat(Files.readString(knownHosts)).contains("[127.0.0.1]:" + bastion.port());
        assertThat(result.out() + result.err()).doesNotContain(PASSPHRASE);

        // remembered: the next command neither asks nor needs the option
        Run again = run(false, "", "health");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.err()).doesNotContain("Trusting");
    }

    @Test
    void readingThroughTheTunnelLeavesTheDatabaseAsItWas() {
        String database = env.get("MONGODB_DATABASE");
        ForeignDatabase.fill(mongo.connectionString(), database);
        DatabaseSnapshot before = DatabaseSnapshot.of(mongo.connectionString(), database);
        var keysBefore = redis.keys();

        for (String[] command : new String[][] {{"health", "--accept-new-host-key"}, {"list", "memory_items"},
                {"list", "agent_data", "--json"}, {"sessions"}, {"indexes"}}) {
            Run result = run(false, "", command);
            assertThat(result.exitCode()).as(String.join(" ", command) + ": " + result.err()).isZero();
        }

        DatabaseSnapshot after = DatabaseSnapshot.of(mongo.connectionString(), database);
        assertThat(before.documentCount()).isPositive();
        assertThat(after).isEqualTo(before);
        assertThat(redis.keys()).isEqualTo(keysBefore);
        assertThat(bastion.forwardedConnections()).isPositive();
    }

    @Test
    void anUnknownHostKeyWithoutATerminalIsRefusedNamingTheOption() {
        Run result = run(false, "", "list", "memory_items");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err().strip()).doesNotContain("\n")
                .startsWith("orchestra-inspector list: cannot reach the store: the SSH host key of 127.0.0.1:"
                        + bastion.port() + " (SHA256:")
                .contains("pass --accept-new-host-key to trust it");
        assertThat(bastion.forwardedConnections()).isZero();
        assertThat(knownHosts).doesNotExist();
    }

    @Test
    void onATerminalTheUserIsAsked() {
        Run refused = run(true, "no\n", "list", "memory_items");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(refused.err()).contains("Its key fingerprint is SHA256:").contains("was not accepted");
        assertThat(bastion.forwardedConnections()).isZero();

        Run accepted = run(true, "yes\n", "list", "memory_items");
        assertThat(accepted.exitCode()).as(accepted.err()).isZero();
        assertThat(bastion.forwardedConnections()).isPositive();
    }

    @Test
    void aWrongPassphraseIsOneLineWithoutIt() {
        env.put("SSH_KEY_PASSPHRASE", "not-the-phrase-1");
        Run result = run(false, "", "list", "memory_items", "--accept-new-host-key");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err().strip()).doesNotContain("\n").contains("wrong passphrase")
                .doesNotContain("not-the-phrase-1");
        assertThat(bastion.forwardedConnections()).isZero();
    }

    @Test
    void healthReportsWhyTheTunnelCouldNotBeOpened() {
        Run result = run(false, "", "health", "--json");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).contains("pass --accept-new-host-key to trust it");
    }

    @Test
    void aBadSshPortIsOneLine() {
        env.put("SSH_PORT", "70000");
        Run result = run(false, "", "list", "memory_items");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err().strip()).doesNotContain("\n").contains("SSH_PORT must be between 1 and 65535");
    }
}
