package dev.orchestra.storage.config;

import dev.orchestra.storage.error.StorageValidationException;
import java.util.Locale;

/** How Redis is deployed ({@code REDIS_MODE}): one node, a master found through Sentinel, or a Redis Cluster. */
public enum RedisMode {
    STANDALONE, SENTINEL, CLUSTER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RedisMode parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return STANDALONE;
        }
        for (RedisMode mode : values()) {
            if (mode.wireName().equals(raw.trim().toLowerCase(Locale.ROOT))) {
                return mode;
            }
        }
        throw new StorageValidationException("REDIS_MODE must be standalone, sentinel or cluster, was '" + raw + "'");
    }
}
