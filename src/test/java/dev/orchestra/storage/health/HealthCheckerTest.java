package dev.orchestra.storage.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.orchestra.storage.inmemory.InMemoryMemoryManager;
import dev.orchestra.storage.ForwardingMemoryManager;
import dev.orchestra.storage.model.ComponentHealth;
import dev.orchestra.storage.model.HealthStatus;
import dev.orchestra.storage.tiered.TieredMemoryManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HealthCheckerTest {

    /** A manager whose health check hangs until released, like a server that accepts and never answers. */
    private static final class HangingHealth extends ForwardingMemoryManager {
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger calls = new AtomicInteger();

        HangingHealth() {
            super(new InMemoryMemoryManager());
        }

        @Override
        public List<ComponentHealth> checkHealth() {
            calls.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return delegate.checkHealth();
        }
    }

    @Test
    void aHealthyStoreWithoutCacheIsOk() {
        try (var manager = new TieredMemoryManager(new InMemoryMemoryManager(), null);
             var checker = new HealthChecker(manager, "test", "9.9")) {
            HealthReport report = checker.check();

            assertThat(report.status()).isEqualTo(HealthStatus.OK);
            assertThat(report.environment()).isEqualTo("test");
            assertThat(report.version()).isEqualTo("9.9");
            assertThat(report.components()).containsOnlyKeys("app", "storage_mongodb");
            assertThat(report.toJson()).contains("\"storage_redis\":{\"status\":\"disabled\"");
        }
    }

    @Test
    void aStoreThatIsDownIsAnError() {
        var store = new InMemoryMemoryManager();
        store.simulateOutage(true);
        try (var checker = new HealthChecker(store, "test", "dev")) {
            HealthReport report = checker.check();

            assertThat(report.status()).isEqualTo(HealthStatus.ERROR);
            assertThat(report.components()).containsEntry("storage_mongodb", false).containsEntry("app", true);
        }
    }

    @Test
    void aHungCheckIsAnErrorWithinTheTimeoutAndIsNotStartedTwice() {
        var hanging = new HangingHealth();
        try (var checker = new HealthChecker(hanging, "test", "dev", Duration.ofMillis(200))) {
            HealthReport first = assertTimeoutPreemptively(Duration.ofSeconds(3), checker::check);
            HealthReport second = assertTimeoutPreemptively(Duration.ofSeconds(3), checker::check);

            assertThat(first.status()).isEqualTo(HealthStatus.ERROR);
            assertThat(first.components()).containsEntry("storage_mongodb", false);
            assertThat(first.toJson()).contains("no answer within 200 ms");
            assertThat(second.status()).isEqualTo(HealthStatus.ERROR);
            assertThat(hanging.calls.get()).isEqualTo(1);

            hanging.release.countDown();
            assertThat(checker.check().status()).isEqualTo(HealthStatus.OK);
        }
    }

    @Test
    void componentsOfAHungCheckAreInErrorWithTheReason() {
        var hanging = new HangingHealth();
        try (var checker = new HealthChecker(hanging, "test", "dev", Duration.ofMillis(200))) {
            List<ComponentHealth> components = assertTimeoutPreemptively(Duration.ofSeconds(3),
                    checker::checkComponents);

            assertThat(components).singleElement().satisfies(c -> {
                assertThat(c.name()).isEqualTo(ComponentHealth.MONGODB);
                assertThat(c.status()).isEqualTo(HealthStatus.ERROR);
                assertThat(c.lastError()).contains("no answer within 200 ms");
            });
            assertThat(checker.checks(hanging)).isTrue();
            assertThat(checker.checks(new InMemoryMemoryManager())).isFalse();
            hanging.release.countDown();
        }
    }
}
