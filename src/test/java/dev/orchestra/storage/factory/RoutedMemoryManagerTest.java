package dev.orchestra.storage.factory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.storage.config.NetworkRoute;
import dev.orchestra.storage.error.StorageConnectionException;
import dev.orchestra.storage.inmemory.InMemoryMemoryManager;
import dev.orchestra.storage.model.ComponentHealth;
import dev.orchestra.storage.model.HealthStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoutedMemoryManagerTest {
    /** A route that is down until a reconnect succeeds (when allowed to). */
    private static final class ScriptedRoute implements NetworkRoute {
        volatile boolean up = true;
        volatile boolean reconnectSucceeds;
        int reconnects;

        @Override
        public Optional<String> unavailableReason() {
            return up ? Optional.empty() : Optional.of("SSH tunnel closed: no answer");
        }

        @Override
        public void reconnect() {
            reconnects++;
            if (!reconnectSucceeds) {
                throw new StorageConnectionException("Connection refused");
            }
            up = true;
        }

        @Override
        public String toString() {
            return "SSH tunnel via test@bastion:22";
        }
    }

    private final ScriptedRoute route = new ScriptedRoute();
    private final InMemoryMemoryManager store = new InMemoryMemoryManager();

    @Test
    void whileTheRouteWorksTheStoreAnswersItself() {
        var routed = new RoutedMemoryManager(store, route, Duration.ZERO);
        store.simulateOutage(false);

        assertThat(routed.checkHealth()).extracting(ComponentHealth::status).containsOnly(HealthStatus.OK);
        assertThat(route.reconnects).isZero();
    }

    @Test
    void aDownRouteIsEveryComponentsReasonAndIsReconnected() {
        var routed = new RoutedMemoryManager(store, route, Duration.ZERO);
        route.up = false;

        List<ComponentHealth> health = routed.checkHealth();
        assertThat(health).singleElement().satisfies(component -> {
            assertThat(component.name()).isEqualTo(ComponentHealth.MONGODB);
            assertThat(component.status()).isEqualTo(HealthStatus.ERROR);
            assertThat(component.lastError()).isEqualTo("SSH tunnel closed: no answer");
            assertThat(component.details()).containsEntry("route", "SSH tunnel via test@bastion:22");
        });
        assertThat(route.reconnects).isEqualTo(1);
        assertThat(routed.serverStatistics())
                .containsEntry(ComponentHealth.MONGODB, Map.of("error", "SSH tunnel closed: no answer"));
    }

    @Test
    void theProbesSayTheSameAndRecoverWithTheRoute() {
        var routed = new RoutedMemoryManager(store, route, Duration.ZERO);
        route.up = false;
        var probe = routed.healthProbes().get(0);
        assertThat(probe.check().get()).extracting(ComponentHealth::lastError)
                .containsExactly("SSH tunnel closed: no answer");

        route.reconnectSucceeds = true;
        assertThat(probe.check().get()).extracting(ComponentHealth::status).containsExactly(HealthStatus.OK);
        assertThat(route.reconnects).isEqualTo(2);
    }

    @Test
    void reconnectingIsNotRetriedBeforeTheInterval() {
        var routed = new RoutedMemoryManager(store, route, Duration.ofHours(1));
        route.up = false;

        routed.checkHealth();
        routed.checkHealth();
        routed.checkHealth();

        assertThat(route.reconnects).isEqualTo(1);
    }

    @Test
    void closingTheStoreLeavesTheRouteToItsOwner() {
        var routed = new RoutedMemoryManager(store, route, Duration.ZERO);
        routed.close();
        assertThat(route.up).isTrue();
        assertThat(route.reconnects).isZero();
    }
}
