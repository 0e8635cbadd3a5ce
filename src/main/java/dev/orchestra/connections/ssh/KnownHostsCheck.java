package dev.orchestra.connections.ssh;

import dev.orchestra.storage.error.StorageConnectionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.util.Optional;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;

/**
 * The bastion's host key against an OpenSSH known-hosts file (SSHD's own reader and writer, so the file stays
 * readable by {@code ssh}): a known key passes; an unknown key is shown to the {@link HostKeyPrompt} and, when
 * accepted, appended to the file; a key different from the remembered one is refused without asking. Why a key
 * was refused is kept for the error message, since SSHD itself only says "did not validate".
 */
final class KnownHostsCheck {
    private final Path file;
    private final String host;
    private final HostKeyPrompt prompt;
    private volatile String refusal;

    KnownHostsCheck(Path file, String host, HostKeyPrompt prompt) {
        this.file = file;
        this.host = host;
        this.prompt = prompt;
    }

    /**
     * A verifier for one connection attempt; creates the file's folder (owner-only) when it is missing.
     *
     * @throws StorageConnectionException when the folder cannot be created
     */
    ServerKeyVerifier verifierOrFail() {
        try {
            createFolder(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new StorageConnectionException("Cannot create the folder of the known-hosts file " + file + ": "
                    + e.getMessage());
        }
        refusal = null;
        ServerKeyVerifier askUnknown = (session, remote, key) -> {
            String fingerprint = fingerprint(key);
            try {
                boolean accepted = prompt.ask(host, fingerprint) == HostKeyDecision.ACCEPT;
                if (!accepted) {
                    refusal = "The host key of " + host + " (" + fingerprint + ") was not accepted; nothing was"
                            + " connected";
                }
                return accepted;
            } catch (RuntimeException e) {
                // a prompt that cannot ask (no terminal) says why; SSHD would only report "did not validate"
                refusal = e.getMessage();
                return false;
            }
        };
        KnownHostsServerKeyVerifier verifier = new KnownHostsServerKeyVerifier(askUnknown, file);
        verifier.setModifiedServerKeyAcceptor((session, remote, entry, expected, actual) -> {
            refusal = "WARNING: the host key of " + host + " has CHANGED (remembered " + fingerprint(expected)
                    + ", now offered " + fingerprint(actual) + "): refused. Someone may be intercepting the"
                    + " connection; if the key was changed on purpose, remove the line of " + host + " from "
                    + file;
            return false;
        });
        return verifier;
    }

    /** Why the last attempt's host key was refused, if it was. */
    Optional<String> refusal() {
        return Optional.ofNullable(refusal);
    }

    static String fingerprint(PublicKey key) {
        return KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
    }

    private static void createFolder(Path folder) throws IOException {
        if (folder == null || Files.isDirectory(folder)) {
            return;
        }
        try {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(folder); // not a POSIX file system (Windows): its default access applies
        }
    }
}
