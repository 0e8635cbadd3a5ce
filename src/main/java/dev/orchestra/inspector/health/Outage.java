package dev.orchestra.inspector.health;

import java.time.Duration;
import java.time.Instant;

/** A period during which a backend was down; {@code end} is null while it lasts. */
public record Outage(String component, Instant start, Instant end, String error) {

    public boolean isOngoing() {
        return end == null;
    }

    public Duration duration(Instant now) {
        return Duration.between(start, end == null ? now : end);
    }

    Outage endedAt(Instant time) {
        return new Outage(component, start, time, error);
    }
}
