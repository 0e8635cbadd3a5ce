package dev.orchestra.connections.ssh;

import dev.orchestra.storage.error.StorageConnectionException;
import dev.orchestra.storage.error.StorageValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * Reading the private key and logging in to the bastion, with every failure turned into one line that says what
 * to fix (the key file, the passphrase, the host key, the login) and never holds the passphrase or the password.
 */
final class SshLogin {
    private SshLogin() {
    }

    /** The key pairs of {@code settings.privateKey()}, decrypted now so that a wrong passphrase fails at once. */
    static List<KeyPair> loadKeys(SshSettings settings) {
        if (settings.privateKey() == null) {
            return List.of();
        }
        String file = settings.privateKey().toString();
        if (!Files.isRegularFile(settings.privateKey())) {
            throw new StorageValidationException("SSH key file " + file + " does not exist");
        }
        FilePasswordProvider passphrase = settings.keyPassphrase() == null ? FilePasswordProvider.EMPTY
                : FilePasswordProvider.of(settings.keyPassphrase());
        List<KeyPair> keys = new ArrayList<>();
        try (InputStream in = Files.newInputStream(settings.privateKey())) {
            SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(file), in, passphrase).forEach(keys::add);
        } catch (NoSuchFileException e) {
            throw new StorageValidationException("SSH key file " + file + " does not exist");
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new StorageValidationException(keyProblem(settings, file));
        }
        if (keys.isEmpty()) {
            throw new StorageValidationException("SSH key file " + file + " holds no private key");
        }
        return List.copyOf(keys);
    }

    private static String keyProblem(SshSettings settings, String file) {
        return settings.keyPassphrase() == null
                ? "Cannot read SSH key file " + file + ": it is not a private key, or it is encrypted and needs its"
                        + " passphrase (SSH_KEY_PASSPHRASE)"
                : "Cannot read SSH key file " + file + ": wrong passphrase, or not a private key";
    }

    /** A session that passed the host-key check and the login. */
    static ClientSession login(SshClient client, SshSettings settings, List<KeyPair> keys, KnownHostsCheck hostKeys) {
        ClientSession session = null;
        try {
            session = client.connect(settings.user(), settings.host(), settings.port())
                    .verify(settings.connectTimeout()).getSession();
            keys.forEach(session::addPublicKeyIdentity);
            if (settings.password() != null) {
                session.addPasswordIdentity(settings.password());
            }
            session.auth().verify(settings.connectTimeout());
            return session;
        } catch (IOException | RuntimeException e) {
            closeQuietly(session);
            throw new StorageConnectionException(failure(settings, hostKeys, e));
        }
    }

    private static String failure(SshSettings settings, KnownHostsCheck hostKeys, Exception e) {
        if (hostKeys.refusal().isPresent()) {
            return hostKeys.refusal().get();
        }
        String where = "SSH to " + settings.address();
        String message = settings.redactor().redact(String.valueOf(rootCause(e).getMessage()));
        if (rootCause(e) instanceof ConnectException) {
            return where + ": cannot connect (" + message + ")";
        }
        if (message.contains("No more authentication methods")) {
            String refused = settings.privateKey() != null && settings.password() != null
                    ? "neither the key " + settings.privateKey() + " nor the password was accepted"
                    : settings.privateKey() != null ? "the key " + settings.privateKey() + " was not accepted"
                    : "the password was not accepted";
            return where + ": login refused, " + refused;
        }
        if (message.toLowerCase().contains("timeout")) {
            return where + ": no answer within " + settings.connectTimeout().toMillis() + " ms";
        }
        return where + ": " + message;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    static void closeQuietly(ClientSession session) {
        if (session != null) {
            session.close(true);
        }
    }
}
