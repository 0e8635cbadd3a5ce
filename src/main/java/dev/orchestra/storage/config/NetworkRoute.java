package dev.orchestra.storage.config;

import dev.orchestra.storage.error.StorageConnectionException;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * How the store's network connections reach their servers: directly (the default), or through something that
 * carries them, such as an SSH tunnel. The storage library knows only this description, never how the route is
 * built, so a service using the library needs no SSH code.
 *
 * <p>MongoDB goes through a SOCKS5 proxy when {@link #mongoSocksProxy()} names one: the driver hands every server
 * address it learns (replica-set members included) to the proxy unresolved, so all of them go through the route.
 * Redis connects to {@link #redisAddress(InetSocketAddress)} instead of the address it was configured with or that
 * Redis itself reported (Sentinel masters and replicas, Cluster nodes).
 */
public interface NetworkRoute {
    /** Every connection straight to the address it names. */
    NetworkRoute DIRECT = new NetworkRoute() {
        @Override
        public String toString() {
            return "direct";
        }
    };

    /** The local SOCKS5 proxy MongoDB connections go through, or empty to connect directly. */
    default Optional<InetSocketAddress> mongoSocksProxy() {
        return Optional.empty();
    }

    /**
     * Where to connect to reach the Redis server at {@code address} (unresolved: a host name or IP literal as
     * configured or as Redis reported it).
     */
    default InetSocketAddress redisAddress(InetSocketAddress address) {
        return address;
    }

    /**
     * Why the route carries no traffic right now (for example "SSH tunnel closed"), or empty while it works. The
     * store's health reports every component behind the route in error with this reason.
     */
    default Optional<String> unavailableReason() {
        return Optional.empty();
    }

    /**
     * Opens the route again after it went down; nothing to do while it works. The connections already handed out
     * keep their local addresses, so the clients using them recover on their own.
     *
     * @throws StorageConnectionException when it cannot be re-opened (the message says why, without secrets)
     */
    default void reconnect() {
    }
}
