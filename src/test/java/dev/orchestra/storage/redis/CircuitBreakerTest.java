package dev.orchestra.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
    private final AtomicLong nanos = new AtomicLong(1_000);
    private final CircuitBreaker breaker = new CircuitBreaker(Duration.ofSeconds(1), nanos::get);

    @Test
    void aFailureOpensItAndOneCallerProbesAfterTheInterval() {
        assertThat(breaker.isOpen()).isFalse();
        breaker.recordFailure();

        assertThat(breaker.isOpen()).isTrue();
        assertThat(breaker.tryStartProbe()).as("too early").isFalse();
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(breaker.tryStartProbe()).isTrue();
        assertThat(breaker.tryStartProbe()).as("only one prober at a time").isFalse();

        breaker.probeFinished(true);
        assertThat(breaker.isOpen()).isFalse();
    }

    @Test
    void aFailedProbeWaitsAnotherInterval() {
        breaker.recordFailure();
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(breaker.tryStartProbe()).isTrue();
        breaker.probeFinished(false);

        assertThat(breaker.isOpen()).isTrue();
        assertThat(breaker.tryStartProbe()).isFalse();
        nanos.addAndGet(Duration.ofMillis(1001).toNanos());
        assertThat(breaker.tryStartProbe()).isTrue();
    }

    @Test
    void aSuccessElsewhereClosesIt() {
        breaker.recordFailure();
        breaker.recordSuccess();
        assertThat(breaker.isOpen()).isFalse();
        assertThat(breaker.tryStartProbe()).isFalse();
    }
}
