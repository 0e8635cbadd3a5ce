package dev.orchestra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.connections.ConnectionStore;
import dev.orchestra.connections.RedisSettings;
import dev.orchestra.connections.SavedConnection;
import dev.orchestra.connections.SavedConnection.Secret;
import dev.orchestra.connections.SshFields;
import dev.orchestra.connections.ssh.SshSettings;
import dev.orchestra.storage.config.AppEnvironment;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.inmemory.InMemoryMemoryManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --connection NAME} on any command: the saved connection's configuration reaches the store opener. */
class ConnectionOptionCliTest {
    @TempDir
    Path home;

    private final List<StorageConfig> opened = new ArrayList<>();
    private CliHarness cli;

    @BeforeEach
    void setUp() {
        InMemoryMemoryManager store = new InMemoryMemoryManager();
        cli = new CliHarness(config -> {
            opened.add(config);
            return CliHarness.unclosable(store);
        });
        cli.connections = new ConnectionStore(home.resolve("connections.json"));
        cli.connections.save(List.of(
                SavedConnection.of("staging", AppEnvironment.STAGING, "mongodb://reader@127.0.0.1:27018/", "eu",
                        RedisSettings.standalone("127.0.0.1", 6390, "eu:")),
                SavedConnection.of("local", AppEnvironment.DEVELOPMENT, "mongodb://127.0.0.1:27017/", "dev",
                        null)));
    }

    @Test
    void aSavedConnectionIsUsedByAnyCommandWithThePasswordFromTheEnvironment() {
        cli.env.put("MONGODB_PASSWORD", "from-env");
        cli.env.put("STORAGE_TIMEOUT_MS", "1234");

        var result = cli.run("list", "memory_items", "--connection", "staging");

        assertThat(result.exitCode()).as(result.err()).isZero();
        StorageConfig config = opened.get(0);
        assertThat(config.environment()).isEqualTo(AppEnvironment.STAGING);
        assertThat(config.mongoUri()).isEqualTo("mongodb://reader:from-env@127.0.0.1:27018/");
        assertThat(config.mongoDatabase()).isEqualTo("eu");
        assertThat(config.redisPort()).isEqualTo(6390);
        assertThat(config.redisKeyPrefix()).isEqualTo("eu:");
        assertThat(config.operationTimeout().toMillis()).isEqualTo(1234);
        assertThat(result.err()).doesNotContain("from-env");
    }

    @Test
    void theOptionMayComeBeforeTheCommandAndAPasswordIsAskedOnTheTerminal() {
        cli.typedSecrets.put(Secret.MONGODB_PASSWORD, "typed");

        var result = cli.run("--connection", "staging", "sessions");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(opened.get(0).mongoUri()).isEqualTo("mongodb://reader:typed@127.0.0.1:27018/");
    }

    @Test
    void aMissingPasswordIsOneLineNamingTheVariable() {
        var result = cli.run("list", "memory_items", "--connection", "staging");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.errLine()).doesNotContain("\n")
                .contains("needs the MongoDB password: set MONGODB_PASSWORD or run on a terminal");
        assertThat(opened).isEmpty();
    }

    @Test
    void anUnknownNameListsTheSavedOnes() {
        var result = cli.run("list", "memory_items", "--connection", "prod");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.errLine()).contains("No saved connection named 'prod'", "saved: local, staging");
        assertThat(opened).isEmpty();
    }

    @Test
    void aSavedBastionIsTheTunnelOfTheCommandAndItsPassphraseMayComeFromTheEnvironment() throws IOException {
        Path key = Files.writeString(home.resolve("id_test"), "not read here");
        cli.connections.save(List.of(new SavedConnection("behind", null, AppEnvironment.STAGING,
                "mongodb://127.0.0.1:27018/", null, "eu", null, null, false,
                new SshFields("127.0.0.1", 2222, "deploy", key.toString(), null, null, null), false, null)));
        ConnectionChoice choice = new ConnectionChoice(() -> StorageConfig.fromMap(Map.of()),
                Map.of("SSH_KEY_PASSPHRASE", "from-env"), cli.connections, secret -> null,
                () -> Optional.of(SshSettings.withPassword("127.0.0.1", 22, "env-user", "x")));
        assertThat(choice.ssh()).get().extracting(SshSettings::user).isEqualTo("env-user");

        choice.select("behind");

        SshSettings ssh = choice.ssh().orElseThrow();
        assertThat(ssh.address()).isEqualTo("deploy@127.0.0.1:2222");
        assertThat(ssh.privateKey()).isEqualTo(key);
        assertThat(ssh.keyPassphrase()).isEqualTo("from-env");
        assertThat(choice.get().mongoDatabase()).isEqualTo("eu");
    }

    @Test
    void withoutTheOptionTheEnvironmentStillDecides() {
        cli.env.put("APP_ENV", "test");

        var result = cli.run("list", "memory_items");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(opened.get(0).environment()).isEqualTo(AppEnvironment.TEST);
    }
}
