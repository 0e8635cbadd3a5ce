package dev.orchestra.inspector.health;

import dev.orchestra.inspector.common.AsyncCommand;
import dev.orchestra.inspector.common.BackgroundRunner;
import dev.orchestra.inspector.common.ErrorMessages;
import dev.orchestra.inspector.common.ScheduledCommand;
import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.inspector.status.StatusBarViewModel;
import dev.orchestra.storage.MemoryManager;
import java.time.Clock;
import java.time.Duration;
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
 * status bar), and server statistics, which are heavier and fetched only while the view is showing (every
 * {@link #STATISTICS_PERIOD}).
 */
public class HealthViewModel implements AutoCloseable {
    static final Duration STATISTICS_PERIOD = Duration.ofSeconds(5);

    private final StoreConnection store;
    private final HealthHistory history;
    private final StatusBarViewModel status;
    private final Clock clock;
    private final ReadOnlyObjectWrapper<Map<String, Object>> statistics =
            new ReadOnlyObjectWrapper<>(this, "statistics", Map.of());
    private final ObservableList<StatisticsSummary.Card> cards = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper statisticsError = new ReadOnlyStringWrapper(this, "statisticsError");
    private final ReadOnlyObjectWrapper<Instant> statisticsTime = new ReadOnlyObjectWrapper<>(this, "statisticsTime");
    private final AsyncCommand<Map<String, Object>> fetchStatistics;
    private final ScheduledCommand statisticsPoll;
    private boolean showing;

    public HealthViewModel(BackgroundRunner runner, StoreConnection store, HealthHistory history,
                           StatusBarViewModel status, Clock clock) {
        this.store = store;
        this.history = history;
        this.status = status;
        this.clock = clock;
        this.fetchStatistics = new AsyncCommand<>(runner, "Reading server statistics");
        this.statisticsPoll = new ScheduledCommand(runner, "health-statistics-poll", STATISTICS_PERIOD,
                this::pollStatistics);
    }

    public void setShowing(boolean showing) {
        this.showing = showing;
        if (showing) {
            pollStatistics();
            statisticsPoll.start();
        } else {
            statisticsPoll.stop();
            fetchStatistics.cancel();
        }
    }

    public boolean isShowing() {
        return showing;
    }

    /** Fetches serverStatistics() once, unless the previous fetch is still running. */
    public void pollStatistics() {
        if (!showing || fetchStatistics.isRunning() || !store.isConnected()) {
            return;
        }
        MemoryManager manager = store.current();
        fetchStatistics.execute(manager::serverStatistics, stats -> {
            statistics.set(stats);
            cards.setAll(StatisticsSummary.cards(stats));
            statisticsError.set(null);
            statisticsTime.set(clock.instant());
        }, e -> statisticsError.set(ErrorMessages.describe(e)));
    }

    /** Ends the statistics poll's timer thread. */
    @Override
    public void close() {
        statisticsPoll.close();
        fetchStatistics.cancel();
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
