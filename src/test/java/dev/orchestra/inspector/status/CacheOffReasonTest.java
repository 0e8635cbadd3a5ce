package dev.orchestra.inspector.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.inspector.common.SameThreadRunner;
import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.storage.inmemory.InMemoryMemoryManager;
import dev.orchestra.storage.model.ComponentHealth;
import dev.orchestra.storage.model.HealthStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When the embedded Redis cannot start, the Redis light is grey ("off") and its tooltip says why. */
class CacheOffReasonTest {
    @Test
    void theReasonTheCacheIsOffIsInTheRedisTooltip() {
        SameThreadRunner runner = new SameThreadRunner();
        StoreConnection store = new StoreConnection(runner, InMemoryMemoryManager::new);
        store.connect();
        StatusBarViewModel model = new StatusBarViewModel(Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"),
                ZoneOffset.UTC), runner, store, "embedded store");
        String reason = "the embedded Redis could not start: no redis-server on the PATH, and none shipped for this"
                + " system (Windows 11 aarch64)";

        model.update(List.of(new ComponentHealth(ComponentHealth.MONGODB, HealthStatus.OK, 2, Map.of(), null,
                Instant.now()), ComponentHealth.disabled(ComponentHealth.REDIS, reason)));

        assertThat(model.redis().lightProperty().get()).isEqualTo(Light.GREY);
        assertThat(model.redis().textProperty().get()).isEqualTo("Redis · off");
        assertThat(model.redis().tooltipProperty().get()).contains("reason: " + reason);
        assertThat(model.overallTextProperty().get()).isEqualTo("ok");
    }
}
