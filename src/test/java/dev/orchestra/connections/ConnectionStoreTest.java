package dev.orchestra.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.storage.config.AppEnvironment;
import dev.orchestra.storage.config.RedisMode;
import dev.orchestra.storage.error.StorageValidationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionStoreTest {
    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");

    @TempDir
    Path home;

    private Path file() {
        return home.resolve(".orchestra-inspector").resolve("connections.json");
    }

    private ConnectionStore store() {
        return new ConnectionStore(file(), Clock.fixed(NOW, ZoneOffset.UTC), temporary -> {
        });
    }

    /** Every field set to something other than its default. */
    static SavedConnection everyField(boolean savePassword) throws IOException {
        return everyField(savePassword, Files.createTempFile("ssh-key", ".pem"));
    }

    static SavedConnection everyField(boolean savePassword, Path keyFile) {
        RedisSettings redis = new RedisSettings(RedisMode.SENTINEL, null, 6380, "acl-user", "redis-secret", false,
                null, null, null, true, "127.0.0.1:26379,127.0.0.1:26380", "mymaster", "sentinel-user",
                "sentinel-secret", null, "staging:");
        SshFields ssh = new SshFields("127.0.0.1", 2222, "deploy", keyFile.toString(), "key-passphrase",
                "ssh-secret", "/tmp/known_hosts");
        return new SavedConnection("Staging EU", "#c62828", AppEnvironment.STAGING,
                "mongodb://reader@127.0.0.1:27018,127.0.0.1:27019/orchestra?authSource=admin&replicaSet=rs0",
                "mongo-secret", "orchestra_eu", "secondaryPreferred", redis, true, ssh, savePassword,
                Instant.parse("2026-11-30T12:00:00Z"));
    }

    @Test
    void everyFieldSurvivesTheRoundTripWhenPasswordsAreSaved() throws IOException {
        SavedConnection connection = everyField(true);
        store().save(List.of(connection));

        ConnectionStore.Loaded loaded = store().load();
        assertThat(loaded.problem()).isEmpty();
        assertThat(loaded.connections()).containsExactly(connection);
        assertThat(Files.readString(file())).contains("\"version\" : 1").doesNotContain("\"production\"");
    }

    @Test
    void passwordsAreAbsentFromTheFileUnlessChosen() throws IOException {
        SavedConnection connection = everyField(false);
        store().save(List.of(connection));

        String text = Files.readString(file());
        assertThat(text).doesNotContain("mongo-secret", "redis-secret", "sentinel-secret", "key-passphrase",
                "ssh-secret");
        SavedConnection loaded = store().load().connections().get(0);
        assertThat(loaded).isEqualTo(connection.withoutPasswords());
        assertThat(loaded.missingSecrets()).contains(SavedConnection.Secret.MONGODB_PASSWORD,
                SavedConnection.Secret.REDIS_PASSWORD, SavedConnection.Secret.REDIS_SENTINEL_PASSWORD);
    }

    @Test
    void theFileAndItsDirectoryAreOwnerOnly() throws IOException {
        store().save(List.of(everyField(true)));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file().getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void aCrashBeforeTheRenameLeavesTheOldFileWhole() throws IOException {
        SavedConnection first = SavedConnection.of("first", AppEnvironment.DEVELOPMENT, "mongodb://127.0.0.1:1/",
                "one", RedisSettings.none());
        store().save(List.of(first));
        String before = Files.readString(file());
        Path[] temporary = new Path[1];
        ConnectionStore crashing = new ConnectionStore(file(), Clock.fixed(NOW, ZoneOffset.UTC), t -> {
            temporary[0] = t;
            assertThat(Files.readString(t)).contains("second"); // the new content was complete in the temporary
            throw new IOException("simulated crash");
        });

        assertThatThrownBy(() -> crashing.save(List.of(first, first.withName("second"))))
                .isInstanceOf(StorageValidationException.class).hasMessageContaining("simulated crash");
        assertThat(Files.readString(file())).isEqualTo(before);
        assertThat(temporary[0]).doesNotExist();
        try (Stream<Path> files = Files.list(file().getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("connections.json");
        }
    }

    @Test
    void aCorruptFileIsReportedAndKeptAside() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "{\"version\": 1, \"connections\": [ garbage", StandardCharsets.UTF_8);

        ConnectionStore.Loaded loaded = store().load();

        assertThat(loaded.connections()).isEmpty();
        assertThat(loaded.problem()).get().asString().doesNotContain("\n")
                .contains("cannot be read", "kept as connections.json.unreadable-20261202-090000");
        Path aside = file().resolveSibling("connections.json.unreadable-20261202-090000");
        assertThat(aside).hasContent("{\"version\": 1, \"connections\": [ garbage");
        assertThat(file()).doesNotExist();
    }

    @Test
    void aFileOfANewerVersionIsReportedAndKeptNotOverwritten() throws IOException {
        Files.createDirectories(file().getParent());
        String future = "{\"version\": 2, \"connections\": [], \"profiles\": {}}";
        Files.writeString(file(), future);

        ConnectionStore.Loaded loaded = store().load();
        assertThat(loaded.problem()).get().asString().contains("newer version", "version 2");
        store().save(List.of(SavedConnection.of("new", AppEnvironment.DEVELOPMENT, "", null, null)));

        assertThat(file().resolveSibling("connections.json.unreadable-20261202-090000")).hasContent(future);
        assertThat(Files.readString(file())).contains("\"new\"");
    }

    @Test
    void aBadConnectionIsRefusedWithOneLineAndNothingIsWritten() throws IOException {
        SavedConnection good = SavedConnection.of("good", AppEnvironment.DEVELOPMENT, "mongodb://127.0.0.1:1/",
                null, null);
        store().save(List.of(good));
        String before = Files.readString(file());
        SavedConnection badPort = SavedConnection.of("bad", AppEnvironment.DEVELOPMENT, "", null,
                RedisSettings.standalone("127.0.0.1", 70000, null));
        SavedConnection missingKey = new SavedConnection("ssh", null, AppEnvironment.DEVELOPMENT, null, null, null, null, null,
                false, new SshFields("127.0.0.1", 22, "me", home.resolve("no-such-key").toString(), null, null, null),
                false, null);

        assertThatThrownBy(() -> store().save(List.of(good, badPort)))
                .hasMessage("Redis port must be between 1 and 65535, was 70000");
        assertThatThrownBy(() -> store().save(List.of(good, missingKey)))
                .hasMessageStartingWith("SSH key file not found: ").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> store().save(List.of(good, good)))
                .hasMessage("Two connections are named 'good'");
        assertThat(Files.readString(file())).isEqualTo(before);
    }

    @Test
    void exportCarriesNoPasswordAndImportDropsAnyItFinds() throws IOException {
        SavedConnection connection = everyField(true);
        Path exported = home.resolve("shared.json");
        store().exportTo(exported, List.of(connection));

        assertThat(Files.readString(exported)).doesNotContain("secret", "key-passphrase");
        assertThat(store().importFrom(exported)).containsExactly(connection.withoutPasswords());

        Path withPassword = home.resolve("hand-made.json");
        Files.writeString(withPassword, Files.readString(exported).replace("\"mongoPassword\" : null", "\"mongoPassword\" : \"typed\""));
        assertThat(store().importFrom(withPassword).get(0).mongoPassword()).isNull();
    }

    @Test
    void importingGarbageIsOneLineAndChangesNothing() throws IOException {
        Path garbage = home.resolve("garbage.json");
        Files.write(garbage, new byte[] {0, 1, 2, (byte) 0xff, '{'});

        assertThatThrownBy(() -> store().importFrom(garbage)).isInstanceOf(StorageValidationException.class)
                .hasMessageStartingWith("Cannot import garbage.json").hasMessageNotContaining("\n");
        assertThat(file()).doesNotExist();
    }

    @Test
    void anOversizedFileIsRefusedBeforeItIsParsed() throws IOException {
        Path huge = home.resolve("huge.json");
        try (var out = Files.newOutputStream(huge)) {
            out.write('"');
            out.write(new byte[(int) ConnectionStore.MAX_FILE_BYTES + 1]);
        }

        assertThatThrownBy(() -> store().importFrom(huge)).isInstanceOf(StorageValidationException.class)
                .hasMessageStartingWith("Cannot import huge.json").hasMessageContaining("bytes")
                .hasMessageNotContaining("\n");
        assertThat(file()).doesNotExist();
    }

    @Test
    void recentlyUsedComeFirst() {
        SavedConnection old = SavedConnection.of("a-old", AppEnvironment.DEVELOPMENT, "", null, null)
                .withLastUsed(Instant.parse("2026-01-01T00:00:00Z"));
        SavedConnection recent = SavedConnection.of("z-recent", AppEnvironment.DEVELOPMENT, "", null, null)
                .withLastUsed(Instant.parse("2026-12-01T00:00:00Z"));
        SavedConnection never = SavedConnection.of("b-never", AppEnvironment.DEVELOPMENT, "", null, null);
        store().save(List.of(never, old, recent));

        assertThat(store().load().connections()).extracting(SavedConnection::name)
                .containsExactly("z-recent", "a-old", "b-never");
    }
}
