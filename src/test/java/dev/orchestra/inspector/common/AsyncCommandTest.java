package dev.orchestra.inspector.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;

class AsyncCommandTest {
    private final ManualRunner runner = new ManualRunner();
    private final List<String> results = new ArrayList<>();

    @Test
    void isRunningFromExecuteUntilTheResultArrivesOnTheUiThread() {
        AsyncCommand<String> command = new AsyncCommand<>(runner, "test");

        command.execute(() -> "done", results::add);
        assertThat(command.isRunning()).isTrue();
        assertThat(results).isEmpty();

        runner.runAll();
        assertThat(command.isRunning()).isFalse();
        assertThat(results).containsExactly("done");
        assertThat(command.errorProperty().get()).isNull();
    }

    @Test
    void aFailureBecomesOneLineAndEndsTheRun() {
        AsyncCommand<String> command = new AsyncCommand<>(runner, "test");

        command.execute(() -> {
            throw new IllegalStateException("disk on fire\nat some.Stack(Trace.java)");
        }, results::add);
        runner.runAll();

        assertThat(command.isRunning()).isFalse();
        assertThat(command.errorProperty().get()).isEqualTo("disk on fire");
        assertThat(results).isEmpty();
    }

    @Test
    void aCustomFailureHandlerGetsTheErrorInsteadOfTheErrorLine() {
        AsyncCommand<String> command = new AsyncCommand<>(runner, "test");
        AtomicReference<Throwable> seen = new AtomicReference<>();

        command.execute(() -> {
            throw new IllegalStateException("no");
        }, results::add, seen::set);
        runner.runAll();

        assertThat(seen.get()).hasMessage("no");
        assertThat(command.errorProperty().get()).isNull();
    }

    @Test
    void runningTurnsOffOnlyAfterTheOutcomeIsHandled() {
        AsyncCommand<String> command = new AsyncCommand<>(runner, "test");
        List<String> seenWhenStopped = new ArrayList<>();
        command.runningProperty().addListener((obs, was, is) -> {
            if (!is) {
                seenWhenStopped.add(results.isEmpty() ? "no result" : results.get(results.size() - 1));
                seenWhenStopped.add(command.errorProperty().get() == null ? "no error" : "error shown");
            }
        });

        command.execute(() -> "done", results::add);
        runner.runAll();
        command.execute(() -> {
            throw new IllegalStateException("disk on fire");
        }, results::add);
        runner.runAll();

        assertThat(seenWhenStopped).containsExactly("done", "no error", "done", "error shown");
    }

    @Test
    void aHandlerThatStartsTheCommandAgainKeepsItRunning() {
        AsyncCommand<String> command = new AsyncCommand<>(runner, "test");
        command.execute(() -> "first", first -> {
            results.add(first);
            command.execute(() -> "second", results::add);
        });

        runner.runNext();
        assertThat(results).containsExactly("first");
        assertThat(command.isRunning()).as("the second run is still queued").isTrue();

        runner.runAll();
        assertThat(results).containsExactly("first", "second");
        assertThat(command.isRunning()).isFalse();
    }

    @Test
    void aHandlerThatFailsStillEndsTheRun() {
        AsyncCommand<String> command = new AsyncCommand<>(new SameThreadRunner(), "test");

        command.execute(() -> "x", x -> {
            throw new IllegalStateException("handler broke");
        });

        assertThat(command.isRunning()).isFalse();
    }

    @Test
    void cancelDropsTheResult() {
        AsyncCommand<String> command = new AsyncCommand<>(runner, "test");
        command.execute(() -> "late", results::add);

        assertThat(command.cancel()).isTrue();
        runner.runAll();

        assertThat(command.isRunning()).isFalse();
        assertThat(results).isEmpty();
        assertThat(command.cancel()).as("nothing left to cancel").isFalse();
    }

    @Test
    void aNewExecuteReplacesTheRunningOne() {
        AsyncCommand<String> command = new AsyncCommand<>(runner, "test");
        command.execute(() -> "first", results::add);
        command.execute(() -> "second", results::add);

        runner.runAll();

        assertThat(results).containsExactly("second");
        assertThat(command.isRunning()).isFalse();
    }

    @Test
    void executableCombinesTheConditionWithNotRunning() {
        SimpleBooleanProperty valid = new SimpleBooleanProperty(false);
        AsyncCommand<String> command = new AsyncCommand<>(runner, "test", valid);
        assertThat(command.executableProperty().get()).isFalse();

        valid.set(true);
        assertThat(command.executableProperty().get()).isTrue();

        command.execute(() -> "x", results::add);
        assertThat(command.executableProperty().get()).isFalse();
        runner.runAll();
        assertThat(command.executableProperty().get()).isTrue();
    }

    @Test
    void progressAndStopRequestsReachTheWork() {
        AsyncCommand<Integer> command = new AsyncCommand<>(runner, "test");
        List<Integer> done = new ArrayList<>();
        List<Double> seenProgress = new ArrayList<>();
        command.progressProperty().addListener((obs, was, is) -> seenProgress.add(is.doubleValue()));

        command.execute(progress -> {
            int steps = 0;
            while (steps < 10 && !progress.stopRequested()) {
                steps++;
                progress.update(steps / 10.0, "step " + steps);
                if (steps == 3) {
                    command.requestStop();
                }
            }
            return steps;
        }, done::add);
        runner.runAll();

        assertThat(done).containsExactly(3);
        assertThat(seenProgress).containsExactly(0.1, 0.2, 0.3);
        assertThat(command.messageProperty().get()).isEqualTo("step 3");
    }

    @Test
    void worksWithARunnerThatFinishesAtOnce() {
        AsyncCommand<String> command = new AsyncCommand<>(new SameThreadRunner(), "test");

        command.execute(() -> "now", results::add);

        assertThat(results).containsExactly("now");
        assertThat(command.isRunning()).isFalse();
        assertThat(command.cancel()).isFalse();
    }
}
