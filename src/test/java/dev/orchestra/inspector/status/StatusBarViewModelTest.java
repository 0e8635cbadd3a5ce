package dev.orchestra.inspector.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.inspector.common.SameThreadRunner;
import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.storage.error.StorageConnectionException;
import dev.orchestra.storage.model.ComponentHealth;
import dev.orchestra.storage.model.HealthStatus;
import dev.orchestra.storage.inmemory.InMemoryMemoryManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusBarViewModelTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2024-06-01T12:00:00Z"));
    private final SameThreadRunner runner = new SameThreadRunner();

    private StatusBarViewModel model(StoreConnection store) {
        return new StatusBarViewModel(clock, runner, store, "test store");
    }

    private static ComponentHealth mongo(HealthStatus status, long latency) {
        return new ComponentHealth(ComponentHealth.MONGODB, status, latency, Map.of("server_version", "7.0.1"),
                status == HealthStatus.ERROR ? "connection refused" : null, Instant.now());
    }

    private static ComponentHealth redis(HealthStatus status) {
        return new ComponentHealth(ComponentHealth.REDIS, status, 1, Map.of("redis_version", "6.2"),
                status == HealthStatus.ERROR ? "Connection refused" : null, Instant.now());
    }

    @Test
    void greenWhenBothAnswerRedWhenMongoDiesAmberOverallWhenOnlyRedisDies() {
        StatusBarViewModel model = model(connected());

        model.update(List.of(mongo(HealthStatus.OK, 3), redis(HealthStatus.OK)));
        assertThat(model.mongo().lightProperty().get()).isEqualTo(Light.GREEN);
        assertThat(model.mongo().textProperty().get()).isEqualTo("MongoDB · 3 ms · 0 s ago");
        assertThat(model.mongo().tooltipProperty().get()).contains("server_version: 7.0.1");
        assertThat(model.overallTextProperty().get()).isEqualTo("ok");

        model.update(List.of(mongo(HealthStatus.OK, 3), redis(HealthStatus.ERROR)));
        assertThat(model.redis().lightProperty().get()).as("a cache down is never red").isEqualTo(Light.AMBER);
        assertThat(model.redis().textProperty().get()).startsWith("Redis · bypassed");
        assertThat(model.redis().tooltipProperty().get()).contains("Connection refused");
        assertThat(model.overallTextProperty().get()).isEqualTo("degraded");
        assertThat(model.overallLightProperty().get()).isEqualTo(Light.AMBER);

        model.update(List.of(mongo(HealthStatus.ERROR, -1), redis(HealthStatus.OK)));
        assertThat(model.mongo().lightProperty().get()).isEqualTo(Light.RED);
        assertThat(model.overallTextProperty().get()).isEqualTo("error");

        model.update(List.of(mongo(HealthStatus.OK, 2), redis(HealthStatus.OK)));
        assertThat(model.overallTextProperty().get()).isEqualTo("ok");
        // recovered: no old error text next to a green light
        assertThat(model.redis().tooltipProperty().get()).doesNotContain("Connection refused").doesNotContain("error");
        assertThat(model.mongo().tooltipProperty().get()).doesNotContain("error");
    }

    @Test
    void aPartlyDownCacheIsDegradedAndItsShapeAndNodesAreShown() {
        StatusBarViewModel model = model(connected());
        var cluster = new ComponentHealth(ComponentHealth.REDIS, HealthStatus.DEGRADED, 2, Map.of(
                "shape", "cluster, 3 masters", "cluster_state", "ok",
                "nodes", List.of("master 127.0.0.1:7000 up 1 ms (slots 0-5460)", "master 127.0.0.1:7001 DOWN")),
                "1 of 3 masters not answering", Instant.now());

        model.update(List.of(mongo(HealthStatus.OK, 3), cluster));

        assertThat(model.redis().lightProperty().get()).isEqualTo(Light.AMBER);
        assertThat(model.redis().textProperty().get()).startsWith("Redis (cluster, 3 masters) · degraded");
        assertThat(model.redis().tooltipProperty().get())
                .contains("nodes:\n  master 127.0.0.1:7000 up 1 ms (slots 0-5460)\n  master 127.0.0.1:7001 DOWN")
                .contains("1 of 3 masters not answering");
        assertThat(model.overallTextProperty().get()).isEqualTo("degraded");
    }

    @Test
    void ageIsCountedAndAnOverdueCheckTurnsAmber() {
        StatusBarViewModel model = model(connected());
        model.update(List.of(mongo(HealthStatus.OK, 3)));
        assertThat(model.redis().lightProperty().get()).isEqualTo(Light.GREY); // no cache configured

        clock.advance(Duration.ofSeconds(4));
        model.tick();
        assertThat(model.mongo().textProperty().get()).endsWith("4 s ago");
        assertThat(model.mongo().lightProperty().get()).isEqualTo(Light.GREEN);

        clock.advance(Duration.ofSeconds(5));
        model.tick();
        assertThat(model.mongo().lightProperty().get()).isEqualTo(Light.AMBER);
        assertThat(model.mongo().textProperty().get()).contains("no answer for 9 s");
        assertThat(model.overallTextProperty().get()).isEqualTo("degraded");
    }

    @Test
    void aSlowServerIsAmber() {
        StatusBarViewModel model = model(connected());
        model.update(List.of(mongo(HealthStatus.OK, 1500)));
        assertThat(model.mongo().lightProperty().get()).isEqualTo(Light.AMBER);
    }

    @Test
    void aStoreThatCannotBeOpenedIsRedWithTheReason() {
        StoreConnection store = new StoreConnection(runner, () -> {
            throw new StorageConnectionException("Timed out after 5000 ms while waiting to connect to 10.0.0.1:27017");
        });
        StatusBarViewModel model = model(store);
        assertThat(model.messageProperty().get()).startsWith("Connecting");

        store.connect();

        assertThat(model.mongo().lightProperty().get()).isEqualTo(Light.RED);
        assertThat(model.overallTextProperty().get()).isEqualTo("error");
        assertThat(model.messageProperty().get()).contains("Not connected").contains("Timed out");
    }

    private StoreConnection connected() {
        StoreConnection store = new StoreConnection(runner, InMemoryMemoryManager::new);
        store.connect();
        return store;
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
