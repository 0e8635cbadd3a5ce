package dev.orchestra.storage.model;

import java.util.Locale;

/** Overall and per-component status, as in the health report's {@code status} field. */
public enum HealthStatus {
    OK, DEGRADED, ERROR, DISABLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
