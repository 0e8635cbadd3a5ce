package dev.orchestra.connections;

import dev.orchestra.storage.config.RedisMode;

/**
 * The Redis part of a saved connection: what {@code StorageConfig}'s Redis variables offer (one node, Sentinel or
 * Cluster, ACL user, TLS files), or none. Passwords are null in the file unless the connection saves them.
 *
 * @param host      the node (standalone), or null for no cache
 * @param sentinels {@code host:port,host:port} (Sentinel)
 * @param nodes     {@code host:port,host:port} seed nodes (Cluster)
 */
public record RedisSettings(RedisMode mode, String host, int port, String username, String password, boolean tls,
                            String tlsCaFile, String tlsCertFile, String tlsKeyFile, boolean tlsVerifyHost,
                            String sentinels, String masterName, String sentinelUsername, String sentinelPassword,
                            String nodes, String keyPrefix) {

    public static final int DEFAULT_PORT = 6379;

    public RedisSettings {
        mode = mode == null ? RedisMode.STANDALONE : mode;
        port = port == 0 ? DEFAULT_PORT : port;
    }

    /** No cache: everything from MongoDB. */
    public static RedisSettings none() {
        return new RedisSettings(RedisMode.STANDALONE, null, DEFAULT_PORT, null, null, false, null, null, null, true,
                null, null, null, null, null, null);
    }

    /** One node on {@code host:port} under {@code keyPrefix} (null: the default prefix). */
    public static RedisSettings standalone(String host, int port, String keyPrefix) {
        return new RedisSettings(RedisMode.STANDALONE, host, port, null, null, false, null, null, null, true, null,
                null, null, null, null, keyPrefix);
    }

    /** Whether a cache is configured at all. */
    public boolean enabled() {
        return switch (mode) {
            case STANDALONE -> !blank(host);
            case SENTINEL -> !blank(sentinels);
            case CLUSTER -> !blank(nodes) || !blank(host);
        };
    }

    public RedisSettings withPasswords(String newPassword, String newSentinelPassword) {
        return new RedisSettings(mode, host, port, username, newPassword, tls, tlsCaFile, tlsCertFile, tlsKeyFile,
                tlsVerifyHost, sentinels, masterName, sentinelUsername, newSentinelPassword, nodes, keyPrefix);
    }

    public RedisSettings withoutPasswords() {
        return withPasswords(null, null);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String toString() {
        return "RedisSettings[mode=" + mode.wireName() + ", host=" + host + ", port=" + port + ", username="
                + username + ", password=" + (password == null ? "none" : "***") + ", tls=" + tls + ", sentinels="
                + sentinels + ", masterName=" + masterName + ", nodes=" + nodes + ", keyPrefix=" + keyPrefix + "]";
    }
}
