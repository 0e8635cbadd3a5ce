package dev.orchestra.connections.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.storage.error.StorageValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshSettingsTest {
    @TempDir
    Path dir;

    private static Map<String, String> env(String... keyValues) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            env.put(keyValues[i], keyValues[i + 1]);
        }
        return env;
    }

    @Test
    void noSshHostMeansNoTunnel() {
        assertThat(SshSettings.fromEnvironment(env("SSH_USER", "ops", "SSH_PASSWORD", "x"))).isEmpty();
        assertThat(SshSettings.fromEnvironment(env("SSH_HOST", "  "))).isEmpty();
    }

    @Test
    void everyVariableIsRead() {
        SshSettings settings = SshSettings.fromEnvironment(env("SSH_HOST", "bastion.internal", "SSH_PORT", "2222",
                "SSH_USER", "ops", "SSH_KEY_FILE", "/keys/id_ed25519", "SSH_KEY_PASSPHRASE", "phrase-1",
                "SSH_PASSWORD", "pass-2", "SSH_KNOWN_HOSTS", "/etc/inspector/known_hosts")).orElseThrow();

        assertThat(settings.host()).isEqualTo("bastion.internal");
        assertThat(settings.port()).isEqualTo(2222);
        assertThat(settings.user()).isEqualTo("ops");
        assertThat(settings.privateKey()).isEqualTo(Path.of("/keys/id_ed25519"));
        assertThat(settings.keyPassphrase()).isEqualTo("phrase-1");
        assertThat(settings.password()).isEqualTo("pass-2");
        assertThat(settings.knownHosts()).isEqualTo(Path.of("/etc/inspector/known_hosts"));
        assertThat(settings.address()).isEqualTo("ops@bastion.internal:2222");
    }

    @Test
    void defaultsArePort22AndTheAppsOwnKnownHostsFile() {
        SshSettings settings = SshSettings.fromEnvironment(env("SSH_HOST", "b", "SSH_USER", "ops",
                "SSH_PASSWORD", "p")).orElseThrow();

        assertThat(settings.port()).isEqualTo(22);
        assertThat(settings.knownHosts()).isEqualTo(Path.of(System.getProperty("user.home"),
                ".orchestra-inspector", "known_hosts"));
        assertThat(SshSettings.fromEnvironment(env("SSH_HOST", "b", "SSH_KEY_FILE", "~/k")).orElseThrow()
                .privateKey()).isEqualTo(Path.of(System.getProperty("user.home"), "k"));
    }

    @Test
    void badValuesNameTheirVariable() {
        assertThatThrownBy(() -> SshSettings.fromEnvironment(env("SSH_HOST", "b", "SSH_PORT", "ssh",
                "SSH_PASSWORD", "p"))).isInstanceOf(StorageValidationException.class)
                .hasMessage("SSH_PORT must be a number, not 'ssh'");
        assertThatThrownBy(() -> SshSettings.fromEnvironment(env("SSH_HOST", "b", "SSH_PORT", "0",
                "SSH_PASSWORD", "p"))).hasMessage("SSH_PORT must be between 1 and 65535, not 0");
        assertThatThrownBy(() -> SshSettings.fromEnvironment(env("SSH_HOST", "b", "SSH_USER", "ops")))
                .hasMessage("SSH login needs a private key (SSH_KEY_FILE) or a password (SSH_PASSWORD)");
    }

    @Test
    void secretsAreNeverShownAndAreRedacted() {
        SshSettings settings = new SshSettings("b", 22, "ops", Path.of("/k"), "phrase-1", "pass-2", null,
                SshSettings.DEFAULT_CONNECT_TIMEOUT);

        assertThat(settings.toString()).doesNotContain("phrase-1").doesNotContain("pass-2").contains("***");
        assertThat(settings.redactor().redact("login with phrase-1 and pass-2")).isEqualTo("login with *** and ***");
    }

    @Test
    void theDotEnvFileIsReadUnderTheEnvironment() throws Exception {
        Files.writeString(dir.resolve(".env"), "SSH_HOST=from-file\nSSH_USER=ops\nSSH_PASSWORD=p\nSSH_PORT=2200\n");

        SshSettings settings = SshSettings.load(env("SSH_PORT", "2201"), dir).orElseThrow();

        assertThat(settings.host()).isEqualTo("from-file");
        assertThat(settings.port()).isEqualTo(2201);
    }
}
