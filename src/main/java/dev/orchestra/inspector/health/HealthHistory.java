package dev.orchestra.inspector.health;

import dev.orchestra.storage.model.ComponentHealth;
import dev.orchestra.storage.model.HealthStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the health checks saw over the last 15 minutes (latency per backend) and every outage since the app started.
 * Fed by the status bar's monitor, so the health view has history the moment it opens. UI thread only.
 */
public final class HealthHistory {
    public static final Duration WINDOW = Duration.ofMinutes(15);
    /** Outages kept in the log (newest first); older ones are dropped. */
    static final int MAX_OUTAGES = 500;

    private final Map<String, ObservableList<LatencySample>> samples = Map.of(
            ComponentHealth.MONGODB, FXCollections.observableArrayList(),
            ComponentHealth.REDIS, FXCollections.observableArrayList());
    private final ObservableList<Outage> outages = FXCollections.observableArrayList();

    public void record(List<ComponentHealth> components, Instant now) {
        for (ComponentHealth c : components) {
            ObservableList<LatencySample> list = samples.get(c.name());
            if (list == null || c.status() == HealthStatus.DISABLED) {
                continue;
            }
            boolean up = c.status() == HealthStatus.OK;
            list.add(new LatencySample(now, up ? c.latencyMillis() : -1, up));
            Instant cutoff = now.minus(WINDOW);
            while (!list.isEmpty() && list.get(0).time().isBefore(cutoff)) {
                list.remove(0);
            }
            trackOutage(c, up, now);
        }
    }

    private void trackOutage(ComponentHealth c, boolean up, Instant now) {
        boolean inOutage = findOngoing(c.name()) != null;
        if (!up && !inOutage) {
            outages.add(0, new Outage(c.name(), now, null, c.lastError()));
            if (outages.size() > MAX_OUTAGES) {
                outages.remove(MAX_OUTAGES, outages.size());
            }
        } else if (up && inOutage) {
            Outage open = findOngoing(c.name());
            outages.set(outages.indexOf(open), open.endedAt(now));
        }
    }

    private Outage findOngoing(String component) {
        for (Outage o : outages) {
            if (o.component().equals(component) && o.isOngoing()) {
                return o;
            }
        }
        return null;
    }

    /** Samples of {@code component} ({@link ComponentHealth#MONGODB} or {@link ComponentHealth#REDIS}), oldest first. */
    public ObservableList<LatencySample> samples(String component) {
        return samples.get(component);
    }

    /** Newest first. */
    public ObservableList<Outage> outages() {
        return outages;
    }
}
