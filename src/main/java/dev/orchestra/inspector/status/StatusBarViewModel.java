package dev.orchestra.inspector.status;

import dev.orchestra.inspector.common.BackgroundRunner;
import dev.orchestra.inspector.common.ErrorMessages;
import dev.orchestra.inspector.common.ScheduledCommand;
import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.storage.model.ComponentHealth;
import dev.orchestra.storage.model.HealthStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The status bar's state: one indicator per backend, the overall status as the health report defines it (error
 * when MongoDB is down, degraded when Redis is down or partly down), a message line, and the count of running
 * background jobs.
 * While showing, a one-second clock ages the "checked … ago" texts.
 */
public class StatusBarViewModel implements AutoCloseable {
    /** A report older than this is "no answer" (amber): about three polling periods. */
    static final Duration STALE_AFTER = Duration.ofSeconds(7);
    private static final Duration CLOCK_PERIOD = Duration.ofSeconds(1);

    private final Clock clock;
    private final ComponentIndicator mongo = new ComponentIndicator("MongoDB", STALE_AFTER);
    private final ComponentIndicator redis = ComponentIndicator.forCache("Redis", STALE_AFTER);
    private final ReadOnlyObjectWrapper<Light> overallLight = new ReadOnlyObjectWrapper<>(this, "overall", Light.GREY);
    private final ReadOnlyStringWrapper overallText = new ReadOnlyStringWrapper(this, "overallText", "starting");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyIntegerProperty busy;
    private final ScheduledCommand ageing;

    /** @param runner the app's runner: its busy count is shown, and the clock's ticks come back through it */
    public StatusBarViewModel(Clock clock, BackgroundRunner runner, StoreConnection store, String target) {
        this.clock = clock;
        this.busy = runner.busyProperty();
        this.ageing = new ScheduledCommand(runner, "status-bar-clock", CLOCK_PERIOD, this::tick);
        store.stateProperty().addListener((obs, was, is) -> onStoreState(store, is, target));
        onStoreState(store, store.stateProperty().get(), target);
    }

    private void onStoreState(StoreConnection store, StoreConnection.State state, String target) {
        switch (state) {
            case CONNECTING -> message.set("Connecting to " + target + "…");
            case CONNECTED -> message.set("Connected to " + target);
            case FAILED -> {
                message.set("Not connected: " + store.errorProperty().get());
                mongo.unavailable(store.errorProperty().get());
                redis.unknown("not checked: the store is not open");
                overallLight.set(Light.RED);
                overallText.set("error");
            }
            default -> throw new IllegalStateException();
        }
    }

    /** A health report arrived (on the UI thread). */
    public void update(List<ComponentHealth> components) {
        var now = clock.instant();
        for (ComponentHealth c : components) {
            if (ComponentHealth.MONGODB.equals(c.name())) {
                mongo.update(c, now);
            } else if (ComponentHealth.REDIS.equals(c.name())) {
                redis.update(c, now);
            }
        }
        if (components.stream().noneMatch(c -> ComponentHealth.REDIS.equals(c.name()))) {
            redis.update(ComponentHealth.disabled(ComponentHealth.REDIS, "no cache configured"), now);
        }
        recomputeOverall();
    }

    /** The health check itself failed (should not happen: checkHealth never throws). */
    public void checkFailed(Throwable error) {
        String reason = ErrorMessages.describe(error);
        mongo.unavailable(reason);
        overallLight.set(Light.RED);
        overallText.set("error");
    }

    /** Once a second: ages the "checked N s ago" texts and spots overdue checks. */
    public void tick() {
        var now = clock.instant();
        mongo.refresh(now);
        redis.refresh(now);
        recomputeOverall();
    }

    /** Starts the one-second clock (when the status bar is shown). */
    public void startClock() {
        ageing.start();
    }

    public void stopClock() {
        ageing.stop();
    }

    @Override
    public void close() {
        ageing.close();
    }

    private void recomputeOverall() {
        ComponentHealth m = mongo.last();
        ComponentHealth r = redis.last();
        if (m == null) {
            return;
        }
        boolean mongoDown = m.status() == HealthStatus.ERROR || mongo.lightProperty().get() == Light.RED;
        boolean redisDown = r != null && (r.status() == HealthStatus.ERROR || r.status() == HealthStatus.DEGRADED);
        if (mongoDown) {
            overallLight.set(Light.RED);
            overallText.set("error");
        } else if (redisDown || mongo.lightProperty().get() == Light.AMBER) {
            overallLight.set(Light.AMBER);
            overallText.set("degraded");
        } else {
            overallLight.set(Light.GREEN);
            overallText.set("ok");
        }
    }

    public ComponentIndicator mongo() {
        return mongo;
    }

    public ComponentIndicator redis() {
        return redis;
    }

    public ReadOnlyObjectProperty<Light> overallLightProperty() {
        return overallLight.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty overallTextProperty() {
        return overallText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty busyProperty() {
        return busy;
    }
}
