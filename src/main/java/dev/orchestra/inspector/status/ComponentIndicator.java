package dev.orchestra.inspector.status;

import dev.orchestra.inspector.common.TimeFormat;
import dev.orchestra.storage.model.ComponentHealth;
import dev.orchestra.storage.model.HealthStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One backend's indicator: a light, "MongoDB · 3 ms · 2 s ago", and a tooltip with the server version and, while it
 * is not OK, its last error. A check that is overdue (the server stopped answering even the health ping) turns it
 * amber. A cache ({@link #forCache}) is never red: when it is down the app works from the source of truth, so its
 * light is amber ("bypassed"), as it is while it is degraded (a master of a cluster down, a failover under way);
 * its text names the deployment's shape and its tooltip lists every node.
 */
public final class ComponentIndicator {
    /** Latency above which a working server is shown amber (slow). */
    static final long SLOW_MILLIS = 1000;

    private final String label;
    private final Duration staleAfter;
    private final boolean cache;
    private final ReadOnlyObjectWrapper<Light> light = new ReadOnlyObjectWrapper<>(this, "light", Light.GREY);
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text");
    private final ReadOnlyStringWrapper tooltip = new ReadOnlyStringWrapper(this, "tooltip", "");
    private final ReadOnlyStringWrapper nodes = new ReadOnlyStringWrapper(this, "nodes", "");
    private ComponentHealth last;
    private Instant receivedAt;
    private String lastError;

    public ComponentIndicator(String label, Duration staleAfter) {
        this(label, staleAfter, false);
    }

    private ComponentIndicator(String label, Duration staleAfter, boolean cache) {
        this.label = label;
        this.staleAfter = staleAfter;
        this.cache = cache;
        text.set(label + " · checking…");
    }

    /** The indicator of a cache, whose problems are never fatal. */
    public static ComponentIndicator forCache(String label, Duration staleAfter) {
        return new ComponentIndicator(label, staleAfter, true);
    }

    void update(ComponentHealth health, Instant now) {
        last = health;
        receivedAt = now;
        if (health.status() == HealthStatus.OK) {
            lastError = null; // recovered: an old error next to a green light would only mislead
        } else if (health.lastError() != null) {
            lastError = health.lastError();
        }
        refresh(now);
    }

    /** No health at all (e.g. the store failed to open). */
    void unavailable(String reason) {
        last = null;
        lastError = reason;
        light.set(Light.RED);
        text.set(label + " · unavailable");
        tooltip.set(label + ": " + reason);
    }

    /** Not known (the store is not open): grey, with the reason in the tooltip. */
    void unknown(String reason) {
        last = null;
        light.set(Light.GREY);
        text.set(label + " · —");
        tooltip.set(label + ": " + reason);
    }

    void refresh(Instant now) {
        if (last == null) {
            return;
        }
        Duration age = Duration.between(receivedAt, now);
        String ago = TimeFormat.duration(age) + " ago";
        HealthStatus status = last.status();
        if (status == HealthStatus.DISABLED) {
            light.set(Light.GREY);
            Object notUsedFor = last.details().get(ComponentHealth.NOT_USED_FOR_DATABASE);
            text.set(label + (notUsedFor == null ? " · off" : " · not used for database " + notUsedFor));
        } else if (age.compareTo(staleAfter) > 0) {
            light.set(Light.AMBER);
            text.set(label + " · no answer for " + TimeFormat.duration(age));
        } else if (status == HealthStatus.OK) {
            light.set(last.latencyMillis() > SLOW_MILLIS ? Light.AMBER : Light.GREEN);
            text.set(named() + " · " + last.latencyMillis() + " ms · " + ago);
        } else if (status == HealthStatus.DEGRADED) {
            light.set(Light.AMBER);
            text.set(named() + " · degraded · " + ago);
        } else if (cache) {
            light.set(Light.AMBER);
            text.set(named() + " · bypassed · " + ago);
        } else {
            light.set(Light.RED);
            text.set(label + " · down · " + ago);
        }
        tooltip.set(describe(now));
        nodes.set(last.details().get("nodes") instanceof Collection<?> lines
                ? String.join("\n", lines.stream().map(String::valueOf).toList()) : "");
    }

    private String describe(Instant now) {
        StringBuilder sb = new StringBuilder(label).append(": ").append(last.status().wireName());
        if (last.latencyMillis() >= 0) {
            sb.append(", ").append(last.latencyMillis()).append(" ms");
        }
        sb.append("\nchecked ").append(TimeFormat.time(receivedAt));
        for (Map.Entry<String, Object> e : last.details().entrySet()) {
            if (e.getValue() instanceof Collection<?> lines) {
                sb.append('\n').append(e.getKey()).append(':');
                lines.forEach(line -> sb.append("\n  ").append(line));
            } else {
                sb.append('\n').append(e.getKey()).append(": ").append(e.getValue());
            }
        }
        if (last.lastError() != null) {
            sb.append("\nerror: ").append(last.lastError());
        } else if (lastError != null) {
            sb.append("\nlast error: ").append(lastError);
        }
        return sb.toString();
    }

    /** The label, with the deployment's shape when the component says it ({@code Redis (cluster, 3 masters)}). */
    private String named() {
        Object shape = last.details().get("shape");
        return shape == null ? label : label + " (" + shape + ")";
    }

    public String label() {
        return label;
    }

    /** The latest report, null before the first. */
    public ComponentHealth last() {
        return last;
    }

    public ReadOnlyObjectProperty<Light> lightProperty() {
        return light.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** Each server of the deployment on a line (role, address, up/down, latency), empty when not reported. */
    public ReadOnlyStringProperty nodesProperty() {
        return nodes.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty tooltipProperty() {
        return tooltip.getReadOnlyProperty();
    }
}
