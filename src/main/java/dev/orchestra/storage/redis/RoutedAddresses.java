package dev.orchestra.storage.redis;

import dev.orchestra.storage.config.NetworkRoute;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLSocketFactory;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.HostAndPortMapper;

/**
 * Every Redis address through a {@link NetworkRoute}. Jedis asks the mapper for the address of every socket it
 * opens, including those to the nodes Redis reports (the master a Sentinel names, the nodes of a cluster), so one
 * mapper routes them all. Jedis then starts TLS with the mapped address (a local port of the tunnel) as the
 * server's name, which no certificate names: {@link #keepingServerNames} gives TLS the address Redis reported
 * instead, so the certificate is still checked against the real host (and SNI names it).
 */
final class RoutedAddresses implements HostAndPortMapper {
    private final NetworkRoute route;
    /** mapped ("127.0.0.1:<local port>") → as configured or reported */
    private final Map<HostAndPort, HostAndPort> reported = new ConcurrentHashMap<>();

    RoutedAddresses(NetworkRoute route) {
        this.route = route;
    }

    @Override
    public HostAndPort getHostAndPort(HostAndPort address) {
        InetSocketAddress target = route.redisAddress(
                InetSocketAddress.createUnresolved(address.getHost(), address.getPort()));
        HostAndPort mapped = new HostAndPort(target.getHostString(), target.getPort());
        reported.put(mapped, address);
        return mapped;
    }

    /** The address Jedis was given before mapping, or {@code mapped} itself when it was not mapped here. */
    HostAndPort reportedFor(HostAndPort mapped) {
        return reported.getOrDefault(mapped, mapped);
    }

    /** TLS over the mapped socket, named and verified as the server Redis reported. */
    SSLSocketFactory keepingServerNames(SSLSocketFactory delegate) {
        return new SSLSocketFactory() {
            @Override
            public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
                HostAndPort server = reportedFor(new HostAndPort(host, port));
                return delegate.createSocket(socket, server.getHost(), server.getPort(), autoClose);
            }

            @Override
            public Socket createSocket(Socket socket, InputStream consumed, boolean autoClose) throws IOException {
                return delegate.createSocket(socket, consumed, autoClose);
            }

            @Override
            public String[] getDefaultCipherSuites() {
                return delegate.getDefaultCipherSuites();
            }

            @Override
            public String[] getSupportedCipherSuites() {
                return delegate.getSupportedCipherSuites();
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                return delegate.createSocket(host, port);
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
                    throws IOException {
                return delegate.createSocket(host, port, localHost, localPort);
            }

            @Override
            public Socket createSocket(InetAddress host, int port) throws IOException {
                return delegate.createSocket(host, port);
            }

            @Override
            public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                    throws IOException {
                return delegate.createSocket(address, port, localAddress, localPort);
            }
        };
    }
}
