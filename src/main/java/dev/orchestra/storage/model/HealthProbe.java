package dev.orchestra.storage.model;

import dev.orchestra.storage.health.HealthChecker;
import java.util.List;
import java.util.function.Supplier;

/**
 * One independently checkable part of a store (MongoDB, Redis). {@link HealthChecker} runs each probe on its own
 * thread with its own deadline, so a hung MongoDB never marks Redis down, and the other way round.
 *
 * @param name  the component reported when the probe has never answered
 * @param check the components it reports; never throws
 */
public record HealthProbe(String name, Supplier<List<ComponentHealth>> check) {
}
