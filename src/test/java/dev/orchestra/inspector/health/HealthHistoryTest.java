package dev.orchestra.inspector.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.storage.model.ComponentHealth;
import dev.orchestra.storage.model.HealthStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthHistoryTest {
    private static final Instant T = Instant.parse("2024-06-01T12:00:00Z");
    private final HealthHistory history = new HealthHistory();

    private static ComponentHealth redis(boolean up) {
        return new ComponentHealth(ComponentHealth.REDIS, up ? HealthStatus.OK : HealthStatus.ERROR, up ? 2 : -1,
                null, up ? null : "Connection refused", T);
    }

    @Test
    void recordsAnOutageFromTheFirstFailedCheckToTheFirstGoodOne() {
        history.record(List.of(redis(true)), T);
        history.record(List.of(redis(false)), T.plusSeconds(2));
        history.record(List.of(redis(false)), T.plusSeconds(4));
        assertThat(history.outages()).hasSize(1);
        assertThat(history.outages().get(0).isOngoing()).isTrue();
        assertThat(history.outages().get(0).error()).isEqualTo("Connection refused");

        history.record(List.of(redis(true)), T.plusSeconds(6));

        Outage outage = history.outages().get(0);
        assertThat(outage.start()).isEqualTo(T.plusSeconds(2));
        assertThat(outage.end()).isEqualTo(T.plusSeconds(6));
        assertThat(outage.duration(T.plusSeconds(100))).isEqualTo(Duration.ofSeconds(4));
        assertThat(history.samples(ComponentHealth.REDIS)).extracting(LatencySample::latencyMillis)
                .containsExactly(2L, -1L, -1L, 2L);
    }

    @Test
    void keepsOnlyFifteenMinutesOfSamples() {
        for (int i = 0; i <= 20; i++) {
            history.record(List.of(redis(true)), T.plus(Duration.ofMinutes(i)));
        }
        assertThat(history.samples(ComponentHealth.REDIS)).hasSize(16);
        assertThat(history.samples(ComponentHealth.REDIS).get(0).time()).isEqualTo(T.plus(Duration.ofMinutes(5)));
    }

    @Test
    void disabledComponentsAreNotCharted() {
        history.record(List.of(ComponentHealth.disabled(ComponentHealth.REDIS, "no cache")), T);
        assertThat(history.samples(ComponentHealth.REDIS)).isEmpty();
        assertThat(history.outages()).isEmpty();
    }
}
