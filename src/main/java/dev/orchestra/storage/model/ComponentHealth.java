package dev.orchestra.storage.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state of one backend at one moment.
 *
 * @param name       {@code storage_mongodb} or {@code storage_redis}
 * @param status     OK, ERROR, or DISABLED (not configured)
 * @param latencyMillis round trip of the ping, or -1 when it failed
 * @param details    server version and other facts; values are strings or numbers, never secrets
 * @param lastError  the latest failure message (secret-free), or null
 */
public record ComponentHealth(
        String name,
        HealthStatus status,
        long latencyMillis,
        Map<String, Object> details,
        String lastError,
        Instant checkedAt) {

    public static final String MONGODB = "storage_mongodb";
    public static final String REDIS = "storage_redis";
    /** A detail of a DISABLED cache: the database shown, which the cache does not hold (it holds another). */
    public static final String NOT_USED_FOR_DATABASE = "not_used_for_database";

    public ComponentHealth {
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public boolean isUp() {
        return status == HealthStatus.OK;
    }

    public static ComponentHealth disabled(String name, String why) {
        return new ComponentHealth(name, HealthStatus.DISABLED, -1, Map.of("reason", why), null, Instant.now());
    }
}
