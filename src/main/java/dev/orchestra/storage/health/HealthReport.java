package dev.orchestra.storage.health;

import dev.orchestra.storage.model.ComponentHealth;
import dev.orchestra.storage.model.HealthStatus;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The health report:
 * {@code {"status":"ok|degraded|error","environment":…,"version":…,"components":{"app":true,
 * "storage_mongodb":true,"storage_redis":true},"details":{…}}}.
 *
 * <p>Rules: {@code error} when MongoDB (or any other required component) is down; {@code degraded} when only
 * Redis is down; {@code ok} otherwise. A DISABLED component (e.g. no Redis configured) degrades nothing and is left
 * out of {@code components}; {@code details} says it is disabled.
 *
 * @param status     OK, DEGRADED or ERROR
 * @param components name -> up, {@code "app": true} first
 * @param details    per component: status, latency_ms, server facts, last_error, checked_at
 */
public record HealthReport(
        HealthStatus status,
        String environment,
        String version,
        Map<String, Boolean> components,
        Map<String, Object> details) {

    public static final String APP = "app";

    public HealthReport {
        Objects.requireNonNull(status, "status");
        if (status == HealthStatus.DISABLED) {
            throw new IllegalArgumentException("A report's status is ok, degraded or error");
        }
        components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** Applies the rules to the components' states. */
    public static HealthReport of(List<ComponentHealth> checks, String environment, String version) {
        Map<String, Boolean> components = new LinkedHashMap<>();
        components.put(APP, true);
        Map<String, Object> details = new LinkedHashMap<>();
        boolean mongoSeen = false;
        boolean requiredDown = false;
        boolean optionalDown = false;
        for (ComponentHealth check : checks) {
            details.put(check.name(), describe(check));
            mongoSeen |= ComponentHealth.MONGODB.equals(check.name());
            if (check.status() == HealthStatus.DISABLED) {
                continue;
            }
            components.put(check.name(), check.isUp());
            if (!check.isUp()) {
                if (ComponentHealth.REDIS.equals(check.name())) {
                    optionalDown = true;
                } else {
                    requiredDown = true;
                }
            }
        }
        if (!mongoSeen) {
            requiredDown = true;
            components.put(ComponentHealth.MONGODB, false);
            details.put(ComponentHealth.MONGODB, Map.of("status", HealthStatus.ERROR.wireName(),
                    "last_error", "not checked"));
        }
        HealthStatus status = requiredDown ? HealthStatus.ERROR
                : optionalDown ? HealthStatus.DEGRADED : HealthStatus.OK;
        return new HealthReport(status, environment, version, components, details);
    }

    public boolean isOk() {
        return status == HealthStatus.OK;
    }

    /** Compact JSON in the documented shape and field order. */
    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", status.wireName());
        json.put("environment", environment);
        json.put("version", version);
        json.put("components", components);
        json.put("details", details);
        return JsonText.write(json);
    }

    private static Map<String, Object> describe(ComponentHealth check) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("status", check.status().wireName());
        if (check.latencyMillis() >= 0) {
            d.put("latency_ms", check.latencyMillis());
        }
        d.putAll(check.details());
        if (check.lastError() != null) {
            d.put("last_error", check.lastError());
        }
        if (check.checkedAt() != null) {
            d.put("checked_at", check.checkedAt());
        }
        return d;
    }
}
