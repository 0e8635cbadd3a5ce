package dev.orchestra.storage.factory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackgroundWorkTest {
    private final AtomicInteger runs = new AtomicInteger();
    private final CountDownLatch ran = new CountDownLatch(1);
    private final List<String> threads = new ArrayList<>();

    private Runnable task() {
        return () -> {
            synchronized (threads) {
                threads.add(Thread.currentThread().getName() + (Thread.currentThread().isDaemon() ? " daemon" : ""));
            }
            runs.incrementAndGet();
            ran.countDown();
        };
    }

    @Test
    void heldWorkStartsOnlyWhenReleasedOnADaemonThreadOfItsOwn() throws InterruptedException {
        BackgroundWork work = BackgroundWork.held();
        work.start("warm-up", task());

        assertThat(runs).as("no thread exists before the release").hasValue(0);
        work.release();
        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(runs).hasValue(1);
        synchronized (threads) {
            assertThat(threads).containsExactly("warm-up daemon");
        }
    }

    @Test
    void immediateWorkStartsAtOnce() throws InterruptedException {
        BackgroundWork.immediate().start("warm-up", task());

        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void workAskedForAfterTheReleaseStartsAtOnceAndASecondReleaseChangesNothing() throws InterruptedException {
        BackgroundWork work = BackgroundWork.held();
        work.release();
        work.release();
        work.start("late", task());

        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(runs).hasValue(1);
    }
}
