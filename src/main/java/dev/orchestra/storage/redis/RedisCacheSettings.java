package dev.orchestra.storage.redis;

import dev.orchestra.storage.config.Redactor;
import dev.orchestra.storage.config.StorageConfig;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;

/**
 * How to reach Redis and how long cached values live.
 *
 * @param password       AUTH password, or null
 * @param tls            connect with TLS (hostname verified against the JVM's trust store)
 * @param connectTimeout short: a dead Redis must cost little
 * @param socketTimeout  short: a hung Redis must cost little
 * @param retryInterval  how often a Redis believed down is probed again
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
        Duration retryInterval) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofMillis(500);
    public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofMillis(1000);
    public static final Duration DEFAULT_RETRY_INTERVAL = Duration.ofSeconds(1);

    public static RedisCacheSettings from(StorageConfig config) {
        return new RedisCacheSettings(config.redisHost(), config.redisPort(), config.redisPassword(),
                config.redisTls(), config.redisKeyPrefix(), config.cacheTtl(), DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_SOCKET_TIMEOUT, DEFAULT_RETRY_INTERVAL);
    }

    public RedisCacheSettings withTimeouts(Duration connect, Duration socket, Duration retry) {
        return new RedisCacheSettings(host, port, password, tls, keyPrefix, ttl, connect, socket, retry);
    }

    /** Where Redis is, safe to show (a password written into the host is removed). */
    public String address() {
        return redactor().redact(host) + ":" + port + (tls ? " (TLS)" : "");
    }

    /** Removes the password, and one written into {@code host} as a URL, from any text. */
    public Redactor redactor() {
        List<String> secrets = new ArrayList<>();
        Redactor.passwordIn(host).ifPresent(secrets::add);
        if (password != null) {
            secrets.add(password);
        }
        return Redactor.forSecrets(secrets);
    }

    @Override
    public String toString() {
        return "RedisCacheSettings[" + address() + ", password=" + (password == null ? "none" : "***")
                + ", keyPrefix=" + keyPrefix + ", ttl=" + ttl.toSeconds() + "s]";
    }
}
