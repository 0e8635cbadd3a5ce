package dev.orchestra.inspector.health;

import java.time.Instant;

/** One health check of one backend: when, how long the ping took (-1 when it failed), whether it was up. */
public record LatencySample(Instant time, long latencyMillis, boolean up) {
}
