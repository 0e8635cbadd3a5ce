package dev.orchestra.inspector.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.inspector.ViewModelFixture;
import dev.orchestra.inspector.common.SameThreadRunner;
import dev.orchestra.inspector.status.StatusBarViewModel;
import dev.orchestra.storage.inmemory.InMemoryMemoryManager;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HealthViewModelTest {
    private final AtomicInteger statisticsCalls = new AtomicInteger();
    private final InMemoryMemoryManager store = new InMemoryMemoryManager();

    @Test
    void serverStatisticsArePolledOnlyWhileTheViewShows() {
        var counting = new dev.orchestra.storage.ForwardingMemoryManager(store) {
            @Override
            public Map<String, Object> serverStatistics() {
                statisticsCalls.incrementAndGet();
                return super.serverStatistics();
            }
        };
        ViewModelFixture fx = new ViewModelFixture(new SameThreadRunner(), counting);
        fx.store.connect();
        StatusBarViewModel status = new StatusBarViewModel(fx.clock, fx.runner, fx.store, "test");
        HealthViewModel model = new HealthViewModel(fx.runner, fx.store, new HealthHistory(), status, fx.clock);

        model.pollStatistics();
        assertThat(statisticsCalls).hasValue(0);

        model.setShowing(true);
        model.pollStatistics();
        assertThat(statisticsCalls).hasValue(2);
        assertThat(model.statisticsProperty().get()).containsKey("storage_mongodb");
        assertThat(model.cards()).isNotEmpty();
        assertThat(model.statisticsTimeProperty().get()).isEqualTo(fx.clock.instant());

        model.setShowing(false);
        model.pollStatistics();
        assertThat(statisticsCalls).hasValue(2);
    }
}
