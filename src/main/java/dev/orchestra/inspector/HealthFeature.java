package dev.orchestra.inspector;

import dev.orchestra.inspector.common.BackgroundRunner;
import dev.orchestra.inspector.common.FxBackgroundRunner;
import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.inspector.health.HealthHistory;
import dev.orchestra.inspector.health.HealthViewModel;
import dev.orchestra.inspector.status.HealthPoll;
import dev.orchestra.inspector.status.StatusBarViewModel;
import java.time.Clock;
import java.time.Duration;

/**
 * The status bar and the Health view, fed by the app's one health poll: the poll runs while a store is connected and
 * each report goes to both. Kept apart from the rest of the wiring because it owns threads of its own (the health
 * lane and the poll's timer), which {@link #close()} ends.
 */
final class HealthFeature implements AutoCloseable {
    private final HealthHistory history = new HealthHistory();
    private final StatusBarViewModel statusModel;
    private final HealthViewModel healthModel;
    private final BackgroundRunner healthLane;
    private final HealthPoll poll;

    HealthFeature(BackgroundRunner runner, StoreConnection store, String target, Clock clock, Duration period) {
        this.statusModel = new StatusBarViewModel(clock, runner, store, target);
        this.healthModel = new HealthViewModel(runner, store, history, statusModel, clock);
        // Health checks get a lane of their own: hung data loads must not delay the status bar.
        this.healthLane = new FxBackgroundRunner(1, 16);
        this.poll = new HealthPoll(healthLane, () -> store.managerProperty().get(), period, report -> {
            statusModel.update(report);
            history.record(report, clock.instant());
        }, statusModel::checkFailed);
        store.stateProperty().addListener((obs, was, is) -> {
            if (is == StoreConnection.State.CONNECTED) {
                poll.restart();
            } else {
                poll.stop();
            }
        });
    }

    StatusBarViewModel statusModel() {
        return statusModel;
    }

    HealthViewModel healthModel() {
        return healthModel;
    }

    /** Stops the poll first, so no check is left running on the lane it then closes. */
    @Override
    public void close() {
        poll.close();
        healthModel.close();
        statusModel.close();
        healthLane.close();
    }
}
