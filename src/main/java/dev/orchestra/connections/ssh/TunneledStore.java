package dev.orchestra.connections.ssh;

import dev.orchestra.storage.ForwardingMemoryManager;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.config.NetworkRoute;
import java.util.function.Function;

/**
 * A store opened through an SSH tunnel it owns: closing the store closes the tunnel after it, so switching or
 * quitting never leaves a session or an SSHD thread behind.
 */
public final class TunneledStore extends ForwardingMemoryManager {
    private final SshTunnel tunnel;

    private TunneledStore(MemoryManager delegate, SshTunnel tunnel) {
        super(delegate);
        this.tunnel = tunnel;
    }

    /**
     * Opens the tunnel, then the store through it ({@code openStore} gets the tunnel as the route, typically
     * {@code route -> MemoryManagerFactory.create(config, route)}). When the store cannot be opened the tunnel is
     * closed again.
     */
    public static TunneledStore open(SshSettings ssh, HostKeyPrompt prompt,
                                     Function<NetworkRoute, MemoryManager> openStore) {
        SshTunnel tunnel = SshTunnel.open(ssh, prompt);
        try {
            return new TunneledStore(openStore.apply(tunnel), tunnel);
        } catch (RuntimeException e) {
            tunnel.close();
            throw e;
        }
    }

    /** The tunnel, for showing where the store is reached through and whether it is up. */
    public SshTunnel tunnel() {
        return tunnel;
    }

    @Override
    public void close() {
        try {
            delegate.close();
        } finally {
            tunnel.close();
        }
    }
}
