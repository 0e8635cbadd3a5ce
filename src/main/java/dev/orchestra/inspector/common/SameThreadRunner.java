package dev.orchestra.inspector.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/** Runs every job at once on the calling thread: deterministic ViewModel tests without an FX toolkit. */
public final class SameThreadRunner implements BackgroundRunner {
    private final ReadOnlyIntegerWrapper busy = new ReadOnlyIntegerWrapper(this, "busy", 0);

    @Override
    public <T> Job run(String description, Callable<T> work, Consumer<? super T> onSuccess,
                       Consumer<? super Throwable> onFailure) {
        busy.set(busy.get() + 1);
        try {
            T result = work.call();
            busy.set(busy.get() - 1);
            onSuccess.accept(result);
        } catch (Exception e) {
            busy.set(busy.get() - 1);
            onFailure.accept(e);
        }
        return Job.NONE;
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
    }
}
