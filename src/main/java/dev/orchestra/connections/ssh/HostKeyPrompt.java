package dev.orchestra.connections.ssh;

/**
 * Asked when the bastion's host key is not in the known-hosts file yet: the GUI shows a dialog, the CLI asks on the
 * terminal (or refuses unless {@code --accept-new-host-key}). Called on the thread that opens the tunnel, never
 * for a key that is known, and never for a key that changed (that is refused without asking).
 */
@FunctionalInterface
public interface HostKeyPrompt {
    /** Refuses every unknown key: only hosts already in the known-hosts file are reached. */
    HostKeyPrompt REJECT_UNKNOWN = (host, fingerprint) -> HostKeyDecision.REJECT;

    /** Trusts a host on first use and remembers its key (what {@code --accept-new-host-key} asks for). */
    HostKeyPrompt ACCEPT_NEW = (host, fingerprint) -> HostKeyDecision.ACCEPT;

    /**
     * @param host        {@code host:port} as configured
     * @param fingerprint the key's SHA-256 fingerprint as OpenSSH shows it ({@code SHA256:…})
     * @return {@link HostKeyDecision#REJECT} or a runtime exception (whose message becomes the one-line error,
     *         e.g. "no terminal to ask on") refuse the key
     */
    HostKeyDecision ask(String host, String fingerprint);
}
