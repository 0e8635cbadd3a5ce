package dev.orchestra.storage.redis;

import dev.orchestra.storage.config.NetworkRoute;
import java.net.InetSocketAddress;
import javax.net.ssl.SSLParameters;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.HostAndPortMapper;
import redis.clients.jedis.JedisPooled;

/** The Jedis pool: AUTH, TLS with hostname verification, short timeouts, a bounded wait for a connection. */
final class RedisConnections {
    private RedisConnections() {
    }

    /** Connects lazily: nothing is sent until the first command. */
    static JedisPooled open(RedisCacheSettings settings, NetworkRoute route) {
        return new JedisPooled(new HostAndPort(settings.host(), settings.port()), clientConfig(settings, route),
                poolConfig(settings));
    }

    /**
     * Jedis asks the mapper for the address of every socket it opens, including those to the nodes Redis reports
     * (Sentinel masters, Cluster nodes), so one mapper routes them all.
     */
    static HostAndPortMapper mapper(NetworkRoute route) {
        return reported -> {
            InetSocketAddress target = route.redisAddress(
                    InetSocketAddress.createUnresolved(reported.getHost(), reported.getPort()));
            return new HostAndPort(target.getHostString(), target.getPort());
        };
    }

    private static DefaultJedisClientConfig clientConfig(RedisCacheSettings settings, NetworkRoute route) {
        var builder = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis((int) settings.connectTimeout().toMillis())
                .socketTimeoutMillis((int) settings.socketTimeout().toMillis())
                .password(settings.password())
                .clientName("orchestra-inspector");
        if (route != NetworkRoute.DIRECT) {
            builder.hostAndPortMapper(mapper(route));
        }
        if (settings.tls()) {
            var tlsParameters = new SSLParameters();
            tlsParameters.setEndpointIdentificationAlgorithm("HTTPS");
            builder.ssl(true).sslParameters(tlsParameters);
        }
        return builder.build();
    }

    private static GenericObjectPoolConfig<Connection> poolConfig(RedisCacheSettings settings) {
        var pool = new GenericObjectPoolConfig<Connection>();
        pool.setMaxTotal(16);
        pool.setMaxIdle(8);
        pool.setMinIdle(0);
        pool.setMaxWait(settings.connectTimeout().plus(settings.socketTimeout()));
        return pool;
    }
}
