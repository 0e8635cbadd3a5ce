package dev.orchestra.connections.ssh;

import dev.orchestra.storage.config.NetworkRoute;
import dev.orchestra.storage.error.StorageConnectionException;
import dev.orchestra.storage.error.StorageValidationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.security.KeyPair;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.core.CoreModuleProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SSH session to a bastion host that carries the store's connections:
 * <ul>
 *   <li>MongoDB through a SOCKS5 proxy on {@code 127.0.0.1:<random>} (SSH dynamic forwarding): the driver sends
 *       every server it connects to, replica-set members it discovers included, through it by name, and the
 *       bastion resolves and connects;</li>
 *   <li>Redis through one local forward per Redis address, opened the first time that address is asked for
 *       ({@link #redisAddress}), so nodes that Sentinel or Cluster report later are mapped too.</li>
 * </ul>
 * When the session drops, {@link #unavailableReason()} says "SSH tunnel closed"; {@link #reconnect()} logs in again
 * and binds the proxy and every forward to the same local ports, so the clients holding those addresses recover
 * by themselves. Thread-safe. Closing ends the session and SSHD's threads.
 */
public final class SshTunnel implements NetworkRoute, AutoCloseable {
    public static final String CLOSED = "SSH tunnel closed";
    private static final Logger log = LoggerFactory.getLogger(SshTunnel.class);
    private static final String LOOPBACK = "127.0.0.1";
    /** A keepalive every 15 s, and the session ends after 3 unanswered: a bastion that vanished is noticed. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final int HEARTBEAT_MISSES = 3;

    private final SshSettings settings;
    private final List<KeyPair> keys;
    private final KnownHostsCheck hostKeys;
    private final SshClient client;
    private final Object lock = new Object();
    /** Redis address as reported (unresolved) → the local port forwarded to it; guarded by lock. */
    private final Map<InetSocketAddress, Integer> forwards = new LinkedHashMap<>();
    private volatile ClientSession session; // replaced under lock
    private volatile int socksPort;
    private volatile boolean closed;
    private volatile String lastFailure;

    private SshTunnel(SshSettings settings, List<KeyPair> keys, HostKeyPrompt prompt) {
        this.settings = settings;
        this.keys = keys;
        this.hostKeys = new KnownHostsCheck(settings.knownHosts(), settings.host() + ":" + settings.port(), prompt);
        this.client = SshClient.setUpDefaultClient();
        // only what the settings say: no ~/.ssh/config rewriting the host, no ~/.ssh/id_* keys offered
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        CoreModuleProperties.HEARTBEAT_INTERVAL.set(client, HEARTBEAT);
        CoreModuleProperties.HEARTBEAT_REPLY_WAIT.set(client, settings.connectTimeout());
        CoreModuleProperties.HEARTBEAT_NO_REPLY_MAX.set(client, HEARTBEAT_MISSES);
        // a tunnel idle for a while (no query, no heartbeat of the driver) is still wanted
        CoreModuleProperties.IDLE_TIMEOUT.set(client, Duration.ZERO);
    }

    /**
     * Connects, checks the host key (asking {@code prompt} about an unknown one), logs in and starts the SOCKS
     * proxy. Nothing is left open when it fails.
     *
     * @throws StorageValidationException a missing or unreadable key file, a wrong passphrase
     * @throws StorageConnectionException the bastion unreachable, the host key refused or changed, the login
     *                                    refused; the message is one line without secrets
     */
    public static SshTunnel open(SshSettings settings, HostKeyPrompt prompt) {
        SshTunnel tunnel = new SshTunnel(settings, SshLogin.loadKeys(settings), prompt);
        tunnel.client.start();
        try {
            synchronized (tunnel.lock) {
                tunnel.connect();
            }
            log.info("Opened {} (SOCKS proxy on {}:{})", tunnel, LOOPBACK, tunnel.socksPort);
            return tunnel;
        } catch (RuntimeException e) {
            tunnel.close();
            throw e;
        }
    }

    /** Logs in and binds the proxy and every known forward; call holding the lock. */
    private void connect() {
        ClientSession fresh;
        try {
            client.setServerKeyVerifier(hostKeys.verifierOrFail());
            fresh = SshLogin.login(client, settings, keys, hostKeys);
        } catch (StorageConnectionException e) {
            lastFailure = e.getMessage();
            throw e;
        }
        try {
            socksPort = fresh.startDynamicPortForwarding(new SshdSocketAddress(LOOPBACK, socksPort)).getPort();
        } catch (IOException e) {
            // the MongoDB driver keeps the proxy's port: without it nothing would reach MongoDB
            SshLogin.closeQuietly(fresh);
            lastFailure = "cannot listen on 127.0.0.1:" + socksPort + " for the SOCKS proxy: " + e.getMessage();
            throw new StorageConnectionException(CLOSED + " (" + settings.address() + "): " + lastFailure);
        }
        forwards.entrySet().removeIf(forward -> !rebound(fresh, forward.getKey(), forward.getValue()));
        session = fresh;
        lastFailure = null;
    }

    /**
     * Binds a forward again on its port. When the port was taken meanwhile the forward is dropped instead: Jedis asks
     * the mapper for every new socket, so the next connection to that address gets a new forward.
     */
    private boolean rebound(ClientSession fresh, InetSocketAddress address, int port) {
        try {
            fresh.startLocalPortForwarding(new SshdSocketAddress(LOOPBACK, port), remote(address));
            return true;
        } catch (IOException e) {
            log.warn("Redis {} gets a new local port: {} is taken ({})", address, port, e.getMessage());
            return false;
        }
    }

    /** The local SOCKS5 proxy ({@code 127.0.0.1:port}) that reaches whatever the bastion can reach. */
    public InetSocketAddress socksProxy() {
        return new InetSocketAddress(LOOPBACK, socksPort);
    }

    @Override
    public Optional<InetSocketAddress> mongoSocksProxy() {
        return Optional.of(InetSocketAddress.createUnresolved(LOOPBACK, socksPort));
    }

    /**
     * The local end of a forward to {@code address} (resolved by the bastion), opened on first use and kept. While
     * the session is down a free local port is reserved instead, which refuses connections until
     * {@link #reconnect()} binds the forward there.
     */
    @Override
    public InetSocketAddress redisAddress(InetSocketAddress address) {
        InetSocketAddress key = InetSocketAddress.createUnresolved(address.getHostString(), address.getPort());
        synchronized (lock) {
            Integer port = forwards.get(key);
            if (port == null) {
                port = openForward(key);
                forwards.put(key, port);
                log.debug("Redis {} is reached through {}:{}", key, LOOPBACK, port);
            }
            return InetSocketAddress.createUnresolved(LOOPBACK, port);
        }
    }

    private int openForward(InetSocketAddress address) {
        ClientSession current = session;
        try {
            if (current != null && current.isOpen() && !closed) {
                return current.startLocalPortForwarding(new SshdSocketAddress(LOOPBACK, 0), remote(address)).getPort();
            }
            try (ServerSocket reserved = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
                return reserved.getLocalPort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot forward a local port to " + address, e);
        }
    }

    /** The Redis addresses mapped so far (as Redis or the configuration named them). */
    public Set<InetSocketAddress> mappedAddresses() {
        synchronized (lock) {
            return Set.copyOf(forwards.keySet());
        }
    }

    public boolean isOpen() {
        ClientSession current = session;
        return !closed && current != null && current.isOpen();
    }

    @Override
    public Optional<String> unavailableReason() {
        if (isOpen()) {
            return Optional.empty();
        }
        String failure = lastFailure;
        return Optional.of(CLOSED + (failure == null ? "" : ": " + failure));
    }

    /** Logs in again when the session has dropped (nothing to do while it is open). */
    @Override
    public void reconnect() {
        synchronized (lock) {
            if (closed) {
                throw new StorageConnectionException(CLOSED);
            }
            if (isOpen()) {
                return;
            }
            SshLogin.closeQuietly(session);
            connect();
        }
        log.info("Re-opened {}", this);
    }

    @Override
    public void close() {
        closed = true;
        synchronized (lock) {
            SshLogin.closeQuietly(session);
            session = null;
        }
        client.stop();
    }

    public SshSettings settings() {
        return settings;
    }

    @Override
    public String toString() {
        return "SSH tunnel via " + settings.address();
    }

    private static SshdSocketAddress remote(InetSocketAddress address) {
        return new SshdSocketAddress(address.getHostString(), address.getPort());
    }
}
