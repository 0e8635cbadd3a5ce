package dev.orchestra.connections;

import dev.orchestra.connections.ssh.SshSettings;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The SSH bastion a connection goes through, as the form holds it; null host means "direct". The passphrase and the
 * password are null in the file unless the connection saves passwords.
 *
 * @param privateKeyFile a private key file (with {@code keyPassphrase}), or null to log in with {@code password}
 * @param knownHostsFile null: {@code ~/.orchestra-inspector/known_hosts}
 */
public record SshFields(String host, int port, String user, String privateKeyFile, String keyPassphrase,
                       String password, String knownHostsFile) {

    public static final int DEFAULT_PORT = 22;

    public SshFields {
        port = port == 0 ? DEFAULT_PORT : port;
    }

    public static SshFields none() {
        return new SshFields(null, DEFAULT_PORT, null, null, null, null, null);
    }

    public boolean enabled() {
        return host != null && !host.isBlank();
    }

    public SshFields withSecrets(String passphrase, String newPassword) {
        return new SshFields(host, port, user, privateKeyFile, passphrase, newPassword, knownHostsFile);
    }

    public SshFields withoutSecrets() {
        return withSecrets(null, null);
    }

    /** The tunnel's settings (checked there: one line naming the field), or empty when the connection is direct. */
    public Optional<SshSettings> toSettings() {
        if (!enabled()) {
            return Optional.empty();
        }
        return Optional.of(new SshSettings(host.trim(), port, user, blank(privateKeyFile) ? null
                : Path.of(privateKeyFile.trim()), keyPassphrase, password, blank(knownHostsFile) ? null
                : Path.of(knownHostsFile.trim()), SshSettings.DEFAULT_CONNECT_TIMEOUT));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String toString() {
        return "SshFields[" + (enabled() ? user + "@" + host + ":" + port : "direct") + ", key=" + privateKeyFile
                + ", passphrase=" + (keyPassphrase == null ? "none" : "***") + ", password="
                + (password == null ? "none" : "***") + "]";
    }
}
