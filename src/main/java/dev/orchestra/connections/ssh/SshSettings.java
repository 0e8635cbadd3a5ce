package dev.orchestra.connections.ssh;

import dev.orchestra.storage.config.DotEnv;
import dev.orchestra.storage.config.Redactor;
import dev.orchestra.storage.error.StorageValidationException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How to log in to an SSH bastion host. Authentication is by private key (with its passphrase when it has one) or
 * by password; both may be given (the key is tried first). {@link #toString()} never shows the passphrase or the
 * password.
 *
 * @param knownHosts     the OpenSSH known-hosts file the bastion's key is checked against and remembered in
 * @param connectTimeout bound for connecting, the key exchange and the login each
 */
public record SshSettings(
        String host,
        int port,
        String user,
        Path privateKey,
        String keyPassphrase,
        String password,
        Path knownHosts,
        Duration connectTimeout) {

    public static final int DEFAULT_PORT = 22;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    public SshSettings {
        if (host == null || host.isBlank()) {
            throw new StorageValidationException("SSH_HOST: the SSH host is missing");
        }
        if (port < 1 || port > 65535) {
            throw new StorageValidationException("SSH_PORT must be between 1 and 65535, not " + port);
        }
        if (user == null || user.isBlank()) {
            throw new StorageValidationException("SSH_USER: the SSH user is missing");
        }
        if (privateKey == null && (password == null || password.isEmpty())) {
            throw new StorageValidationException("SSH login needs a private key (SSH_KEY_FILE) or a password"
                    + " (SSH_PASSWORD)");
        }
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new StorageValidationException("The SSH connect timeout must be positive");
        }
        knownHosts = knownHosts == null ? defaultKnownHosts() : knownHosts;
    }

    /** A login with a private key (the passphrase may be null) and the default known-hosts file. */
    public static SshSettings withKey(String host, int port, String user, Path privateKey, String keyPassphrase) {
        return new SshSettings(host, port, user, privateKey, keyPassphrase, null, null, DEFAULT_CONNECT_TIMEOUT);
    }

    /** A login with a password and the default known-hosts file. */
    public static SshSettings withPassword(String host, int port, String user, String password) {
        return new SshSettings(host, port, user, null, null, password, null, DEFAULT_CONNECT_TIMEOUT);
    }

    /** From the process environment, then {@code ./.env} (as the storage configuration is read). */
    public static Optional<SshSettings> load() {
        return load(System.getenv(), Path.of("").toAbsolutePath());
    }

    public static Optional<SshSettings> load(Map<String, String> environment, Path workingDirectory) {
        Map<String, String> merged = new HashMap<>(DotEnv.read(workingDirectory.resolve(".env")));
        environment.forEach((name, value) -> {
            if (value != null) {
                merged.put(name, value);
            }
        });
        return fromEnvironment(merged);
    }

    /**
     * From {@code SSH_HOST}, {@code SSH_PORT}, {@code SSH_USER}, {@code SSH_KEY_FILE}, {@code SSH_KEY_PASSPHRASE},
     * {@code SSH_PASSWORD} and {@code SSH_KNOWN_HOSTS}; empty when {@code SSH_HOST} is not set (no tunnel).
     *
     * @throws StorageValidationException when a value is invalid (the message names the variable)
     */
    public static Optional<SshSettings> fromEnvironment(Map<String, String> values) {
        String host = blankToNull(values.get("SSH_HOST"));
        if (host == null) {
            return Optional.empty();
        }
        int port = DEFAULT_PORT;
        String portText = blankToNull(values.get("SSH_PORT"));
        if (portText != null) {
            try {
                port = Integer.parseInt(portText.trim());
            } catch (NumberFormatException e) {
                throw new StorageValidationException("SSH_PORT must be a number, not '" + portText + "'");
            }
        }
        String user = blankToNull(values.get("SSH_USER"));
        if (user == null) {
            user = System.getProperty("user.name");
        }
        String keyFile = blankToNull(values.get("SSH_KEY_FILE"));
        String knownHosts = blankToNull(values.get("SSH_KNOWN_HOSTS"));
        return Optional.of(new SshSettings(host, port, user, keyFile == null ? null : expandHome(keyFile),
                blankToNull(values.get("SSH_KEY_PASSPHRASE")), blankToNull(values.get("SSH_PASSWORD")),
                knownHosts == null ? null : expandHome(knownHosts), DEFAULT_CONNECT_TIMEOUT));
    }

    /** {@code ~/.orchestra-inspector/known_hosts}: the app's own, so that it never edits the user's OpenSSH file. */
    public static Path defaultKnownHosts() {
        return Path.of(System.getProperty("user.home"), ".orchestra-inspector", "known_hosts");
    }

    public SshSettings withKnownHosts(Path file) {
        return new SshSettings(host, port, user, privateKey, keyPassphrase, password, file, connectTimeout);
    }

    public SshSettings withConnectTimeout(Duration timeout) {
        return new SshSettings(host, port, user, privateKey, keyPassphrase, password, knownHosts, timeout);
    }

    /** {@code user@host:port}, safe to show. */
    public String address() {
        return user + "@" + host + ":" + port;
    }

    /** Removes the passphrase and the password from any text. */
    public Redactor redactor() {
        List<String> secrets = new ArrayList<>();
        if (keyPassphrase != null) {
            secrets.add(keyPassphrase);
        }
        if (password != null) {
            secrets.add(password);
        }
        return Redactor.forSecrets(secrets);
    }

    @Override
    public String toString() {
        return "SshSettings[" + address() + ", key=" + (privateKey == null ? "none" : privateKey)
                + ", passphrase=" + (keyPassphrase == null ? "none" : "***")
                + ", password=" + (password == null ? "none" : "***") + ", knownHosts=" + knownHosts + "]";
    }

    private static Path expandHome(String path) {
        return path.startsWith("~/") ? Path.of(System.getProperty("user.home"), path.substring(2)) : Path.of(path);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
