package dev.orchestra.inspector.common;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/** Queues jobs until the test runs them: for "while loading" states and cancellation. */
public final class ManualRunner implements BackgroundRunner {
    private final Deque<Runnable> queue = new ArrayDeque<>();
    private final ReadOnlyIntegerWrapper busy = new ReadOnlyIntegerWrapper();

    @Override
    public <T> Job run(String description, Callable<T> work, Consumer<? super T> onSuccess,
                       Consumer<? super Throwable> onFailure) {
        busy.set(busy.get() + 1);
        boolean[] state = new boolean[2]; // [done, cancelled]
        Job job = new Job() {
            @Override
            public void cancel() {
                if (!state[0]) {
                    state[0] = true;
                    state[1] = true;
                    busy.set(busy.get() - 1);
                }
            }

            @Override
            public boolean isCancelled() {
                return state[1];
            }

            @Override
            public boolean isDone() {
                return state[0];
            }
        };
        queue.add(() -> {
            if (state[0]) {
                return;
            }
            state[0] = true;
            busy.set(busy.get() - 1);
            try {
                onSuccess.accept(work.call());
            } catch (Exception e) {
                onFailure.accept(e);
            }
        });
        return job;
    }

    public int pending() {
        return queue.size();
    }

    /** Runs the oldest queued job only (jobs it queues stay queued). */
    public void runNext() {
        queue.poll().run();
    }

    public void runAll() {
        while (!queue.isEmpty()) {
            queue.poll().run();
        }
    }

    @Override
    public void runOnUiThread(Runnable action) {
        action.run();
    }

    @Override
    public ReadOnlyIntegerProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    @Override
    public void close() {
        queue.clear();
    }
}
