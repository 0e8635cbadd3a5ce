package dev.orchestra.storage.redis;

import dev.orchestra.storage.config.Redactor;
import dev.orchestra.storage.config.RedisDeploymentConfig;
import dev.orchestra.storage.config.StorageConfig;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;

/**
 * How to reach Redis and how long cached values live.
 *
 * @param host           the node (standalone), or the cluster seed when {@code REDIS_NODES} is not set
 * @param password       AUTH password (of {@code deployment.username()} when set), or null
 * @param tls            connect with TLS (see {@link RedisDeploymentConfig} for the CA, client certificate and
 *                       host-name verification)
 * @param connectTimeout short: a dead Redis must cost little
 * @param socketTimeout  short: a hung Redis must cost little
 * @param retryInterval  how often a Redis node believed down is probed again
 * @param deployment     the shape (standalone, sentinel, cluster), ACL user and TLS files
 */
public record RedisCacheSettings(
        String host,
        int port,
        String password,
        boolean tls,
        String keyPrefix,
        Duration ttl,
        Duration connectTimeout,
        Duration socketTimeout,
        Duration retryInterval,
        RedisDeploymentConfig deployment) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofMillis(500);
    public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofMillis(1000);
    public static final Duration DEFAULT_RETRY_INTERVAL = Duration.ofSeconds(1);

    /** One node, the default user. */
    public RedisCacheSettings(String host, int port, String password, boolean tls, String keyPrefix, Duration ttl,
                              Duration connectTimeout, Duration socketTimeout, Duration retryInterval) {
        this(host, port, password, tls, keyPrefix, ttl, connectTimeout, socketTimeout, retryInterval,
                RedisDeploymentConfig.standalone());
    }

    public static RedisCacheSettings from(StorageConfig config) {
        return new RedisCacheSettings(config.redisHost(), config.redisPort(), config.redisPassword(),
                config.redisTls(), config.redisKeyPrefix(), config.cacheTtl(), DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_SOCKET_TIMEOUT, DEFAULT_RETRY_INTERVAL, config.redisDeployment());
    }

    public RedisCacheSettings withTimeouts(Duration connect, Duration socket, Duration retry) {
        return new RedisCacheSettings(host, port, password, tls, keyPrefix, ttl, connect, socket, retry, deployment);
    }

    public RedisCacheSettings withDeployment(RedisDeploymentConfig newDeployment) {
        return new RedisCacheSettings(host, port, password, tls, keyPrefix, ttl, connectTimeout, socketTimeout,
                retryInterval, newDeployment);
    }

    /** Where Redis is, safe to show (a password written into the host is removed). */
    public String address() {
        return redactor().redact(deployment.describe(host, port, tls));
    }

    /** Removes the passwords (Redis's, the sentinels', one written into {@code host} as a URL) from any text. */
    public Redactor redactor() {
        List<String> secrets = new ArrayList<>();
        Redactor.passwordIn(host).ifPresent(secrets::add);
        if (password != null) {
            secrets.add(password);
        }
        if (deployment.sentinelPassword() != null) {
            secrets.add(deployment.sentinelPassword());
        }
        return Redactor.forSecrets(secrets);
    }

    @Override
    public String toString() {
        return "RedisCacheSettings[" + address() + ", mode=" + deployment.mode().wireName() + ", user="
                + (deployment.username() == null ? "default" : deployment.username()) + ", password="
                + (password == null ? "none" : "***") + ", keyPrefix=" + keyPrefix + ", ttl=" + ttl.toSeconds() + "s]";
    }
}
