package dev.orchestra.inspector.connections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.connections.ConnectionStore;
import dev.orchestra.connections.ConnectionTester;
import dev.orchestra.connections.RedisSettings;
import dev.orchestra.connections.SavedConnection;
import dev.orchestra.connections.ssh.HostKeyPrompt;
import dev.orchestra.connections.ssh.SshSettings;
import dev.orchestra.inspector.common.SameThreadRunner;
import dev.orchestra.storage.config.AppEnvironment;
import dev.orchestra.storage.config.RedisDeploymentConfig;
import dev.orchestra.storage.config.RedisMode;
import dev.orchestra.storage.config.StorageConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectViewModelTest {
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @TempDir
    Path home;

    private final List<StorageConfig> switched = new ArrayList<>();
    private final List<Optional<SshSettings>> switchedSsh = new ArrayList<>();
    private boolean userStays;
    private ConnectionStore store;
    private ConnectViewModel model;

    @BeforeEach
    void setUp() {
        store = new ConnectionStore(home.resolve("connections.json"));
        store.save(List.of(SavedConnection.of("staging", AppEnvironment.STAGING,
                "mongodb://reader@127.0.0.1:27018/", "eu", RedisSettings.standalone("127.0.0.1", 6390, "eu:"))));
        model = newModel();
    }

    private ConnectViewModel newModel() {
        return new ConnectViewModel(new SameThreadRunner(), store, new ConnectionTester(Duration.ofMillis(200)),
                (name, label, config, ssh) -> {
                    if (userStays) {
                        return false;
                    }
                    switched.add(config);
                    switchedSsh.add(ssh);
                    return true;
                }, () -> StorageConfig.fromMap(Map.of("APP_ENV", "development", "MONGODB_DATABASE", "envdb")),
                Optional::empty, HostKeyPrompt.REJECT_UNKNOWN, Map.of("STORAGE_TIMEOUT_MS", "900"), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void theSavedConnectionsComeFirstAndTheEnvironmentIsAReadOnlyEntry() {
        assertThat(model.entries()).extracting(ConnectionEntry::name).containsExactly("staging", "From environment");
        assertThat(model.selectedProperty().get().name()).isEqualTo("staging");
        assertThat(model.form().mongoHost.get()).isEqualTo("127.0.0.1");
        assertThat(model.form().mongoPort.get()).isEqualTo("27018");
        assertThat(model.editableProperty().get()).isTrue();

        model.selectedProperty().set(model.entries().get(1));

        assertThat(model.editableProperty().get()).isFalse();
        assertThat(model.form().database.get()).isEqualTo("envdb");
        assertThat(model.form().mongoUri.get()).isEqualTo("embedded store");
    }

    @Test
    void theUriAndItsFieldsStayInSyncAndAPasswordNeverStaysInTheUri() {
        ConnectionForm form = model.form();
        form.mongoUri.set("mongodb://admin:s3cret@127.0.0.1:27019/?authSource=admin&tls=true");

        assertThat(form.mongoUri.get()).isEqualTo("mongodb://admin@127.0.0.1:27019/?authSource=admin&tls=true");
        assertThat(form.mongoPassword.get()).isEqualTo("s3cret");
        assertThat(form.mongoUser.get()).isEqualTo("admin");
        assertThat(form.mongoAuthDatabase.get()).isEqualTo("admin");
        assertThat(form.mongoTls.get()).isTrue();

        form.mongoPort.set("27020");
        form.mongoTls.set(false);
        assertThat(form.mongoUri.get()).isEqualTo("mongodb://admin@127.0.0.1:27020/?authSource=admin");

        form.mongoPort.set("99999");
        assertThat(form.uriProblem.get()).isEqualTo("MongoDB port must be between 1 and 65535, was 99999");
        assertThat(form.mongoUri.get()).isEqualTo("mongodb://admin@127.0.0.1:27020/?authSource=admin");
    }

    @Test
    void badInputIsOneLineAndNothingIsSaved() throws IOException {
        String before = Files.readString(store.file());
        model.newConnection();
        model.form().name.set("broken");
        model.form().mongoUri.set("mongodb://");

        model.save();

        assertThat(model.messageProperty().get()).startsWith("Not a valid MongoDB URI").doesNotContain("\n");
        model.form().mongoUri.set("");
        model.form().redisHost.set("127.0.0.1");
        model.form().redisPort.set("0");
        model.save();
        assertThat(model.messageProperty().get()).isEqualTo("Redis port must be between 1 and 65535, was 0");
        model.form().redisPort.set("6379");
        model.form().sshHost.set("127.0.0.1");
        model.form().sshUser.set("me");
        model.form().sshKeyFile.set(home.resolve("missing-key").toString());
        model.save();
        assertThat(model.messageProperty().get()).startsWith("SSH key file not found: ");
        assertThat(Files.readString(store.file())).isEqualTo(before);
    }

    @Test
    void savingKeepsPasswordsOutOfTheFileUnlessTicked() throws IOException {
        model.newConnection();
        ConnectionForm form = model.form();
        form.name.set("local");
        form.mongoUri.set("mongodb://me:typed-pw@127.0.0.1:27017/");

        model.save();
        assertThat(model.messageProperty().get()).contains("passwords are not saved");
        assertThat(Files.readString(store.file())).doesNotContain("typed-pw").contains("\"local\"");

        form.mongoPassword.set("typed-pw");
        form.savePassword.set(true);
        model.save();
        assertThat(model.messageProperty().get()).contains("with its passwords", "owner-only");
        assertThat(Files.readString(store.file())).contains("typed-pw");
        assertThat(model.entries()).extracting(ConnectionEntry::name).containsExactly("local", "staging",
                "From environment");
    }

    @Test
    void connectAsksForAPasswordThatIsNotSavedThenSwitchesAndRemembersTheUse() {
        model.connect();
        assertThat(model.messageProperty().get()).isEqualTo("Type the MongoDB password (it is not saved)");
        assertThat(switched).isEmpty();

        model.form().mongoPassword.set("typed");
        model.connect();

        assertThat(switched).hasSize(1);
        StorageConfig config = switched.get(0);
        assertThat(config.mongoUri()).isEqualTo("mongodb://reader:typed@127.0.0.1:27018/");
        assertThat(config.operationTimeout().toMillis()).isEqualTo(900);
        assertThat(model.closeRequestedProperty().get()).isTrue();
        SavedConnection stored = store.load().connections().get(0);
        assertThat(stored.lastUsed()).isEqualTo(NOW);
        assertThat(stored.mongoPassword()).isNull();
    }

    @Test
    void whenTheUserStaysForUnsavedEditsNothingChanges() {
        userStays = true;
        model.form().mongoPassword.set("typed");

        model.connect();

        assertThat(model.closeRequestedProperty().get()).isFalse();
        assertThat(store.load().connections().get(0).lastUsed()).isNull();
    }

    @Test
    void productionAndTheReadOnlyFlagOpenReadOnly() {
        model.form().mongoPassword.set("typed");
        model.form().environment.set(AppEnvironment.PRODUCTION);
        model.connect();
        assertThat(switched.get(0).startsReadOnly()).isTrue();
    }

    @Test
    void aBastionTypedInTheFormIsTheTunnelOfTheConnectionAndItsPassphraseIsNotSaved() throws IOException {
        Path key = Files.writeString(home.resolve("id_ecdsa"), "not read here");
        ConnectionForm form = model.form();
        form.mongoPassword.set("typed");
        form.sshHost.set("127.0.0.1");
        form.sshPort.set("2222");
        form.sshUser.set("deploy");
        form.sshKeyFile.set(key.toString());
        form.sshPassphrase.set("key phrase");

        model.save();
        model.form().mongoPassword.set("typed");
        model.form().sshPassphrase.set("key phrase");
        model.connect();

        assertThat(Files.readString(store.file())).contains("\"deploy\"").doesNotContain("key phrase");
        SshSettings ssh = switchedSsh.get(0).orElseThrow();
        assertThat(ssh.address()).isEqualTo("deploy@127.0.0.1:2222");
        assertThat(ssh.keyPassphrase()).isEqualTo("key phrase");
        assertThat(ssh.privateKey()).isEqualTo(key);
    }

    @Test
    void everyRedisShapeTheConfigurationOffersComesFromTheForm() throws IOException {
        Path ca = Files.writeString(home.resolve("ca.pem"),
                "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
        ConnectionForm form = model.form();
        form.mongoPassword.set("typed");
        form.redisMode.set(RedisMode.SENTINEL);
        form.redisServers.set("127.0.0.1:26379,127.0.0.1:26380");
        form.redisMasterName.set("orchestra-cache");
        form.redisUser.set("acl-user");
        form.redisPassword.set("redis-pw");
        form.sentinelUser.set("sentinel-user");
        form.sentinelPassword.set("sentinel-pw");
        form.redisTls.set(true);
        form.redisCaFile.set(ca.toString());
        form.redisVerifyHost.set(false);

        model.connect();

        RedisDeploymentConfig redis = switched.get(0).redisDeployment();
        assertThat(redis.mode()).isEqualTo(RedisMode.SENTINEL);
        assertThat(redis.sentinels()).hasSize(2);
        assertThat(redis.masterName()).isEqualTo("orchestra-cache");
        assertThat(redis.username()).isEqualTo("acl-user");
        assertThat(redis.sentinelUsername()).isEqualTo("sentinel-user");
        assertThat(redis.sentinelPassword()).isEqualTo("sentinel-pw");
        assertThat(redis.tlsCaFile()).isEqualTo(ca);
        assertThat(redis.tlsVerifyHost()).isFalse();
        assertThat(switched.get(0).redisPassword()).isEqualTo("redis-pw");

        form.redisMode.set(RedisMode.CLUSTER);
        form.redisServers.set("127.0.0.1:7000,127.0.0.1:7001");
        form.redisTls.set(false);
        form.redisCaFile.set("");
        form.redisVerifyHost.set(true);
        model.connect();
        assertThat(switched.get(1).redisDeployment().nodes()).hasSize(2);
        assertThat(switched.get(1).redisDeployment().sentinelPassword()).isNull();
    }

    @Test
    void exportCarriesNoPasswordAndImportAddsOnlyNewNames() throws IOException {
        model.form().mongoPassword.set("pw");
        model.form().savePassword.set(true);
        model.save();
        Path exported = home.resolve("export.json");

        model.exportTo(exported);
        assertThat(Files.readString(exported)).doesNotContain("\"pw\"");

        Files.writeString(exported, Files.readString(exported).replace("\"staging\"", "\"staging-copy\""));
        model.importFrom(exported);
        assertThat(model.messageProperty().get()).isEqualTo("Imported 1 connection(s)");
        model.importFrom(exported);
        assertThat(model.messageProperty().get()).isEqualTo("Imported 0 connection(s), 1 skipped (name already saved)");
        assertThat(model.entries()).extracting(ConnectionEntry::name).contains("staging", "staging-copy");
    }

    @Test
    void aCorruptFileIsReportedWhenTheDialogOpens() throws IOException {
        Files.writeString(store.file(), "not json at all");

        ConnectViewModel reopened = newModel();

        assertThat(reopened.messageProperty().get()).contains("cannot be read", "kept as connections.json.unreadable-");
        assertThat(reopened.entries()).extracting(ConnectionEntry::name).containsExactly("From environment");
    }
}
