package dev.orchestra.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.storage.config.NetworkRoute;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;

class RoutedAddressesTest {
    /** Maps every address to its own local port, as a tunnel does. */
    private final NetworkRoute route = new NetworkRoute() {
        @Override
        public InetSocketAddress redisAddress(InetSocketAddress address) {
            return InetSocketAddress.createUnresolved("127.0.0.1", 40_000 + address.getPort() % 1000);
        }
    };
    private final RoutedAddresses addresses = new RoutedAddresses(route);

    @Test
    void everyAddressIsMappedAndRemembered() {
        assertThat(addresses.getHostAndPort(new HostAndPort("redis-0.internal", 6379)))
                .isEqualTo(new HostAndPort("127.0.0.1", 40_379));
        assertThat(addresses.getHostAndPort(new HostAndPort("10.0.0.7", 7001)))
                .isEqualTo(new HostAndPort("127.0.0.1", 40_001));

        assertThat(addresses.reportedFor(new HostAndPort("127.0.0.1", 40_379)))
                .isEqualTo(new HostAndPort("redis-0.internal", 6379));
        assertThat(addresses.reportedFor(new HostAndPort("127.0.0.1", 1))).isEqualTo(new HostAndPort("127.0.0.1", 1));
    }

    @Test
    void tlsNamesTheServerRedisReportedNotTheLocalPort() throws Exception {
        List<String> named = new ArrayList<>();
        SSLSocketFactory recording = new RecordingFactory(named);
        addresses.getHostAndPort(new HostAndPort("redis-0.internal", 6379));

        try (Socket plain = new Socket()) {
            addresses.keepingServerNames(recording).createSocket(plain, "127.0.0.1", 40_379, true);
        }

        assertThat(named).containsExactly("redis-0.internal:6379");
    }

    private static final class RecordingFactory extends SSLSocketFactory {
        private final List<String> named;

        RecordingFactory(List<String> named) {
            this.named = named;
        }

        @Override
        public Socket createSocket(Socket socket, String host, int port, boolean autoClose) {
            named.add(host + ":" + port);
            return socket;
        }

        @Override
        public Socket createSocket(Socket socket, InputStream consumed, boolean autoClose) {
            return socket;
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return new String[0];
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return new String[0];
        }

        @Override
        public Socket createSocket(String host, int port) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Socket createSocket(InetAddress host, int port) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
            throw new UnsupportedOperationException();
        }
    }
}
