package dev.orchestra.storage.redis;

import javax.net.ssl.SSLParameters;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

/** The Jedis pool: AUTH, TLS with hostname verification, short timeouts, a bounded wait for a connection. */
final class RedisConnections {
    private RedisConnections() {
    }

    /** Connects lazily: nothing is sent until the first command. */
    static JedisPooled open(RedisCacheSettings settings) {
        return new JedisPooled(new HostAndPort(settings.host(), settings.port()), clientConfig(settings),
                poolConfig(settings));
    }

    private static DefaultJedisClientConfig clientConfig(RedisCacheSettings settings) {
        var builder = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis((int) settings.connectTimeout().toMillis())
                .socketTimeoutMillis((int) settings.socketTimeout().toMillis())
                .password(settings.password())
                .clientName("orchestra-inspector");
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
