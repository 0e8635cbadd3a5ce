package dev.orchestra.inspector.health;

import dev.orchestra.inspector.common.BackgroundRunner;
import dev.orchestra.inspector.common.BackgroundRunner.Job;
import dev.orchestra.inspector.common.ErrorMessages;
import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.inspector.status.StatusBarViewModel;
import dev.orchestra.storage.MemoryManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The health view: latency history and outages (from {@link HealthHistory}), live indicators (shared with the
 * status bar), and server statistics, which are heavier and fetched only while the view is showing.
 */
public class HealthViewModel {
    private final BackgroundRunner runner;
    private final StoreConnection store;
    private final HealthHistory history;
    private final StatusBarViewModel status;
    private final Clock clock;
    private final ReadOnlyObjectWrapper<Map<String, Object>> statistics =
            new ReadOnlyObjectWrapper<>(this, "statistics", Map.of());
    private final ObservableList<StatisticsSummary.Card> cards = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper statisticsError = new ReadOnlyStringWrapper(this, "statisticsError");
    private final ReadOnlyObjectWrapper<Instant> statisticsTime = new ReadOnlyObjectWrapper<>(this, "statisticsTime");
    private Job job = Job.NONE;
    private boolean showing;

    public HealthViewModel(BackgroundRunner runner, StoreConnection store, HealthHistory history,
                           StatusBarViewModel status, Clock clock) {
        this.runner = runner;
        this.store = store;
        this.history = history;
        this.status = status;
        this.clock = clock;
    }

    public void setShowing(boolean showing) {
        this.showing = showing;
        if (showing) {
            pollStatistics();
        } else {
            job.cancel();
        }
    }

    public boolean isShowing() {
        return showing;
    }

    /** Fetches serverStatistics() once, unless the previous fetch is still running. */
    public void pollStatistics() {
        if (!showing || !job.isDone() || !store.isConnected()) {
            return;
        }
        MemoryManager manager = store.current();
        job = runner.run("Reading server statistics", manager::serverStatistics, stats -> {
            statistics.set(stats);
            cards.setAll(StatisticsSummary.cards(stats));
            statisticsError.set(null);
            statisticsTime.set(clock.instant());
        }, e -> statisticsError.set(ErrorMessages.describe(e)));
    }

    public Instant now() {
        return clock.instant();
    }

    public HealthHistory history() {
        return history;
    }

    public StatusBarViewModel status() {
        return status;
    }

    public ReadOnlyObjectProperty<Map<String, Object>> statisticsProperty() {
        return statistics.getReadOnlyProperty();
    }

    public ObservableList<StatisticsSummary.Card> cards() {
        return cards;
    }

    public ReadOnlyStringProperty statisticsErrorProperty() {
        return statisticsError.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> statisticsTimeProperty() {
        return statisticsTime.getReadOnlyProperty();
    }

    List<Outage> outages() {
        return history.outages();
    }
}
