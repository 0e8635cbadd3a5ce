package dev.orchestra.connections.ssh;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.forward.AcceptAllForwardingFilter;
import org.apache.sshd.server.forward.TcpForwardingFilter;

/**
 * An SSH bastion in the test's own process: SSHD's server on a random loopback port with a generated host key,
 * public-key and password login, and TCP forwarding allowed through a filter that counts every forwarded connection
 * and remembers where it went. {@link #stop()} and {@link #start()} simulate a dropped and recovered bastion on the
 * same port and key; {@link #changeHostKey()} a re-installed (or impersonated) one.
 */
public final class TestBastion implements AutoCloseable {
    public static final String USER = "orchestra";
    public static final String PASSWORD = "bastion-pass-7Qx";

    private final KeyPair userKey = generate();
    private final List<PublicKey> alsoAuthorized = new CopyOnWriteArrayList<>();
    private final AtomicInteger forwarded = new AtomicInteger();
    private final List<String> targets = new CopyOnWriteArrayList<>();
    private KeyPair hostKey = generate();
    private int port;
    private SshServer server;

    public static TestBastion open() {
        TestBastion bastion = new TestBastion();
        bastion.start();
        return bastion;
    }

    /** Starts on a random port the first time, on the same port after {@link #stop()}. */
    public synchronized void start() {
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(port);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPublickeyAuthenticator((user, key, session) -> USER.equals(user)
                && (KeyUtils.compareKeys(key, userKey.getPublic())
                || alsoAuthorized.stream().anyMatch(other -> KeyUtils.compareKeys(key, other))));
        server.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
        server.setForwardingFilter(new AcceptAllForwardingFilter() {
            @Override
            public boolean canConnect(TcpForwardingFilter.Type type, SshdSocketAddress address, Session session) {
                forwarded.incrementAndGet();
                targets.add(address.getHostName() + ":" + address.getPort());
                return true;
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        port = server.getPort();
    }

    /** The bastion goes away: its sessions and forwarded connections end. */
    public synchronized void stop() {
        try {
            server.stop(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** From now on the bastion shows another host key (after a restart). */
    public synchronized void changeHostKey() {
        hostKey = generate();
    }

    public int port() {
        return port;
    }

    public PublicKey hostKey() {
        return hostKey.getPublic();
    }

    /** Connections forwarded so far (SOCKS and local forwards alike). */
    public int forwardedConnections() {
        return forwarded.get();
    }

    /** Where they went, {@code host:port} as the client asked. */
    public List<String> forwardTargets() {
        return List.copyOf(targets);
    }

    /** The user's key in OpenSSH format, encrypted with {@code passphrase} unless it is null. */
    public Path writeUserKey(Path file, String passphrase) {
        return writeKey(userKey, file, passphrase);
    }

    /** A new ed25519 key (what {@code ssh-keygen} makes by default) that the bastion accepts, in OpenSSH format. */
    public Path writeUserEd25519Key(Path file) {
        try {
            KeyPair key = SecurityUtils.getKeyPairGenerator(SecurityUtils.EDDSA).generateKeyPair();
            alsoAuthorized.add(key.getPublic());
            return writeKey(key, file, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no ed25519 support", e);
        }
    }

    /** A key the bastion does not accept. */
    public static Path writeStrangerKey(Path file) {
        return writeKey(generate(), file, null);
    }

    public SshSettings keyLogin(Path keyFile, String passphrase, Path knownHosts) {
        return SshSettings.withKey("127.0.0.1", port, USER, keyFile, passphrase).withKnownHosts(knownHosts);
    }

    public SshSettings passwordLogin(String password, Path knownHosts) {
        return SshSettings.withPassword("127.0.0.1", port, USER, password).withKnownHosts(knownHosts);
    }

    /** {@code SSH_HOST} … for a key login, as the CLI and the app read them. */
    public Map<String, String> keyEnvironment(Path keyFile, String passphrase, Path knownHosts) {
        Map<String, String> env = new HashMap<>(Map.of("SSH_HOST", "127.0.0.1", "SSH_PORT", String.valueOf(port),
                "SSH_USER", USER, "SSH_KEY_FILE", keyFile.toString(), "SSH_KNOWN_HOSTS", knownHosts.toString()));
        if (passphrase != null) {
            env.put("SSH_KEY_PASSPHRASE", passphrase);
        }
        return env;
    }

    @Override
    public synchronized void close() {
        stop();
    }

    private static Path writeKey(KeyPair key, Path file, String passphrase) {
        OpenSSHKeyEncryptionContext encryption = null;
        if (passphrase != null) {
            encryption = new OpenSSHKeyEncryptionContext();
            encryption.setCipherName("AES");
            encryption.setCipherType("256");
            encryption.setPassword(passphrase);
            encryption.setKdfRounds(4); // OpenSSH's 16 only make the test slower
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, "test", encryption, out);
            return file;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot write the test key", e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
