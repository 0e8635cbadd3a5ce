package dev.orchestra.connections;

/**
 * The SSH bastion a connection goes through, as the form holds it; null host means "direct". The passphrase and the
 * password are null in the file unless the connection saves passwords.
 *
 * @param privateKeyFile a private key file (with {@code keyPassphrase}), or null to log in with {@code password}
 * @param knownHostsFile null: {@code ~/.orchestra-inspector/known_hosts}
 */
public record SshLogin(String host, int port, String user, String privateKeyFile, String keyPassphrase,
                       String password, String knownHostsFile) {

    public static final int DEFAULT_PORT = 22;

    public SshLogin {
        port = port == 0 ? DEFAULT_PORT : port;
    }

    public static SshLogin none() {
        return new SshLogin(null, DEFAULT_PORT, null, null, null, null, null);
    }

    public boolean enabled() {
        return host != null && !host.isBlank();
    }

    public SshLogin withSecrets(String passphrase, String newPassword) {
        return new SshLogin(host, port, user, privateKeyFile, passphrase, newPassword, knownHostsFile);
    }

    public SshLogin withoutSecrets() {
        return withSecrets(null, null);
    }

    @Override
    public String toString() {
        return "SshLogin[" + (enabled() ? user + "@" + host + ":" + port : "direct") + ", key=" + privateKeyFile
                + ", passphrase=" + (keyPassphrase == null ? "none" : "***") + ", password="
                + (password == null ? "none" : "***") + "]";
    }
}
