package dev.orchestra.inspector.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import org.junit.jupiter.api.Test;

class ScheduledCommandTest {

    /** Counts what is posted to the UI thread, so the test sees that ticks go through the runner. */
    private static final class RecordingRunner implements BackgroundRunner {
        final SameThreadRunner delegate = new SameThreadRunner();
        final AtomicInteger posted = new AtomicInteger();

        @Override
        public <T> Job run(String description, Callable<T> work,
                           Consumer<? super T> onSuccess,
                           Consumer<? super Throwable> onFailure) {
            return delegate.run(description, work, onSuccess, onFailure);
        }

        @Override
        public void runOnUiThread(Runnable action) {
            posted.incrementAndGet();
            delegate.runOnUiThread(action);
        }

        @Override
        public ReadOnlyIntegerProperty busyProperty() {
            return delegate.busyProperty();
        }

        @Override
        public void close() {
        }
    }

    @Test
    void ticksEveryPeriodThroughTheRunnerUntilStopped() {
        RecordingRunner runner = new RecordingRunner();
        List<String> tickThreads = Collections.synchronizedList(new ArrayList<>());
        try (ScheduledCommand command = new ScheduledCommand(runner, "test-timer", Duration.ofMillis(20),
                () -> tickThreads.add(Thread.currentThread().getName()))) {
            command.start(Duration.ZERO);
            assertThat(command.activeProperty().get()).isTrue();

            await().atMost(Duration.ofSeconds(5)).until(() -> tickThreads.size() >= 3);
            assertThat(runner.posted.get()).isGreaterThanOrEqualTo(3);
            assertThat(tickThreads).allMatch("test-timer"::equals);

            command.stop();
            assertThat(command.activeProperty().get()).isFalse();
            int afterStop = tickThreads.size();
            // The next tick would have come within 20 ms; a second start proves the timer itself still works.
            command.start(Duration.ofMillis(200));
            command.stop();
            command.start(Duration.ZERO);
            await().atMost(Duration.ofSeconds(5)).until(() -> tickThreads.size() > afterStop);
        }
    }

    @Test
    void aTickPostedBeforeStopIsDropped() {
        List<Runnable> posted = new ArrayList<>();
        BackgroundRunner holding = new BackgroundRunner() {
            @Override
            public <T> Job run(String d, Callable<T> w,
                               Consumer<? super T> s,
                               Consumer<? super Throwable> f) {
                throw new UnsupportedOperationException();
            }

            @Override
            public synchronized void runOnUiThread(Runnable action) {
                posted.add(action);
            }

            @Override
            public ReadOnlyIntegerProperty busyProperty() {
                throw new UnsupportedOperationException();
            }

            @Override
            public void close() {
            }
        };
        AtomicInteger ticks = new AtomicInteger();
        try (ScheduledCommand command = new ScheduledCommand(holding, "test-timer", Duration.ofHours(1),
                ticks::incrementAndGet)) {
            command.start(Duration.ZERO);
            await().atMost(Duration.ofSeconds(5)).until(() -> {
                synchronized (holding) {
                    return !posted.isEmpty();
                }
            });
            command.stop();
            synchronized (holding) {
                posted.forEach(Runnable::run);
            }
            assertThat(ticks).hasValue(0);

            command.tickNow();
            assertThat(ticks).hasValue(1);
        }
    }

    @Test
    void aClosedCommandDoesNotStartAgain() {
        ScheduledCommand command = new ScheduledCommand(new SameThreadRunner(), "test-timer", Duration.ofMillis(10),
                () -> { });
        command.close();
        command.start();
        assertThat(command.activeProperty().get()).isFalse();
    }
}
