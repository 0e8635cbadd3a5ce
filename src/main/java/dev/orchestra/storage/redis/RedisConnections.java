package dev.orchestra.storage.redis;

import dev.orchestra.storage.config.NetworkRoute;
import dev.orchestra.storage.config.RedisDeploymentConfig;
import dev.orchestra.storage.config.RedisDeploymentConfig.HostPort;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLSocketFactory;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.HostAndPortMapper;
import redis.clients.jedis.JedisClientConfig;

/**
 * Opens the deployment {@link RedisCacheSettings} describe with Jedis's client for its shape: ACL user and password,
 * TLS (CA, client certificate, host-name verification), short timeouts and a bounded wait for a pooled connection.
 */
final class RedisConnections {
    private static final String CLIENT_NAME = "orchestra-inspector";

    private RedisConnections() {
    }

    /**
     * Standalone connects lazily; Sentinel asks the sentinels for the master and a cluster for its slots now. Every
     * socket (to a sentinel, a master, a replica, a cluster node) is opened to the address {@code route} maps it to.
     */
    static RedisDeployment open(RedisCacheSettings settings, NetworkRoute route) {
        RedisDeploymentConfig deployment = settings.deployment();
        SSLSocketFactory tls = settings.tls() ? RedisTls.socketFactory(deployment) : null;
        RoutedAddresses mapper = route == NetworkRoute.DIRECT ? null : new RoutedAddresses(route);
        if (mapper != null && settings.tls()) {
            tls = mapper.keepingServerNames(tls != null ? tls : (SSLSocketFactory) SSLSocketFactory.getDefault());
        }
        JedisClientConfig client = clientConfig(settings, tls, true, mapper);
        JedisClientConfig node = clientConfig(settings, tls, false, mapper);
        return switch (deployment.mode()) {
            case STANDALONE -> new StandaloneDeployment(new HostAndPort(settings.host(), settings.port()), client,
                    node, poolConfig(settings));
            case SENTINEL -> new SentinelDeployment(deployment.masterName(), hostAndPorts(deployment.sentinels()),
                    client, node, sentinelConfig(settings, tls, mapper), poolConfig(settings));
            case CLUSTER -> new ClusterDeployment(hostAndPorts(deployment.nodes()), client, node,
                    poolConfig(settings), settings.connectTimeout().plus(settings.socketTimeout()).multipliedBy(2));
        };
    }

    private static JedisClientConfig clientConfig(RedisCacheSettings settings, SSLSocketFactory tls, boolean named,
                                                  HostAndPortMapper mapper) {
        var builder = DefaultJedisClientConfig.builder()
                .hostAndPortMapper(mapper)
                .connectionTimeoutMillis((int) settings.connectTimeout().toMillis())
                .socketTimeoutMillis((int) settings.socketTimeout().toMillis())
                .user(settings.deployment().username())
                .password(settings.password());
        if (named) {
            builder.clientName(CLIENT_NAME);
        }
        applyTls(builder, settings, tls);
        return builder.build();
    }

    /** Sentinels have credentials of their own ({@code REDIS_SENTINEL_USERNAME/PASSWORD}), or none. */
    private static JedisClientConfig sentinelConfig(RedisCacheSettings settings, SSLSocketFactory tls,
                                                    HostAndPortMapper mapper) {
        var builder = DefaultJedisClientConfig.builder()
                .hostAndPortMapper(mapper)
                .connectionTimeoutMillis((int) settings.connectTimeout().toMillis())
                .socketTimeoutMillis((int) settings.socketTimeout().toMillis())
                .user(settings.deployment().sentinelUsername())
                .password(settings.deployment().sentinelPassword());
        applyTls(builder, settings, tls);
        return builder.build();
    }

    private static void applyTls(DefaultJedisClientConfig.Builder builder, RedisCacheSettings settings,
                                 SSLSocketFactory tls) {
        if (settings.tls()) {
            builder.ssl(true).sslParameters(RedisTls.parameters(settings.deployment()));
            if (tls != null) {
                builder.sslSocketFactory(tls);
            }
        }
    }

    private static Set<HostAndPort> hostAndPorts(List<HostPort> list) {
        Set<HostAndPort> result = new LinkedHashSet<>();
        list.forEach(hp -> result.add(new HostAndPort(hp.host(), hp.port())));
        return result;
    }

    private static GenericObjectPoolConfig<Connection> poolConfig(RedisCacheSettings settings) {
        var pool = new GenericObjectPoolConfig<Connection>();
        pool.setMaxTotal(16);
        pool.setMaxIdle(8);
        pool.setMinIdle(0);
        pool.setMaxWait(settings.connectTimeout().plus(settings.socketTimeout()));
        // No JMX MBean per pool: nothing reads it, and registering one loads the JMX platform (~190 classes,
        // ~25 ms on the app's start-up path, measured with a profiler)
        pool.setJmxEnabled(false);
        return pool;
    }
}
