package dev.orchestra.connections;

import java.util.List;
import java.util.Map;

/** The Connect form's names for the configuration variables, so a message about a field names the field. */
final class FormLabels {
    // longest names first, so REDIS_TLS_CA_FILE is not read as REDIS_TLS
    private static final List<Map.Entry<String, String>> LABELS = List.of(
            Map.entry("REDIS_SENTINEL_USERNAME", "Sentinel user"),
            Map.entry("REDIS_SENTINEL_PASSWORD", "Sentinel password"),
            Map.entry("REDIS_TLS_VERIFY_HOST", "Verify Redis host name"),
            Map.entry("REDIS_TLS_CERT_FILE", "Redis client certificate"),
            Map.entry("REDIS_TLS_KEY_FILE", "Redis client key"),
            Map.entry("REDIS_TLS_CA_FILE", "Redis CA file"),
            Map.entry("REDIS_MASTER_NAME", "Sentinel master name"),
            Map.entry("REDIS_KEY_PREFIX", "Redis key prefix"),
            Map.entry("REDIS_SENTINELS", "Sentinels"),
            Map.entry("REDIS_USERNAME", "Redis user"),
            Map.entry("REDIS_PASSWORD", "Redis password"),
            Map.entry("MONGODB_DATABASE", "Database"),
            Map.entry("MONGODB_URI", "MongoDB URI"),
            Map.entry("REDIS_NODES", "Cluster nodes"),
            Map.entry("REDIS_MODE", "Redis mode"),
            Map.entry("REDIS_HOST", "Redis host"),
            Map.entry("REDIS_PORT", "Redis port"),
            Map.entry("REDIS_TLS", "Redis TLS"),
            Map.entry("APP_ENV", "Environment"));

    private FormLabels() {
    }

    /** {@code message} with each variable name replaced by its label ("Redis port must be between 1 and 65535"). */
    static String inMessage(String message) {
        String result = message;
        for (Map.Entry<String, String> e : LABELS) {
            result = result.replace(e.getKey() + "=", e.getValue() + " ").replace(e.getKey(), e.getValue());
        }
        return result;
    }
}
