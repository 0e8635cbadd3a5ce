package dev.orchestra.inspector.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.inspector.common.ManualRunner;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.model.ComponentHealth;
import dev.orchestra.storage.inmemory.InMemoryMemoryManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HealthPollTest {
    private final ManualRunner lane = new ManualRunner();
    private final List<List<ComponentHealth>> reports = new ArrayList<>();
    private final List<Throwable> failures = new ArrayList<>();
    private final AtomicReference<MemoryManager> manager = new AtomicReference<>(new InMemoryMemoryManager());

    @Test
    void aCheckRunsOnTheLaneAndItsReportComesBackThroughIt() {
        try (HealthPoll poll = new HealthPoll(lane, manager::get, HealthPoll.PERIOD, reports::add, failures::add)) {
            poll.checkOnce();
            assertThat(lane.pending()).isEqualTo(1);
            assertThat(reports).isEmpty();

            lane.runAll();
            assertThat(reports).hasSize(1);
            assertThat(reports.get(0)).extracting(ComponentHealth::name).contains(ComponentHealth.MONGODB);
            assertThat(failures).isEmpty();
        }
    }

    @Test
    void aCheckStillWaitingIsNotDoubled() {
        try (HealthPoll poll = new HealthPoll(lane, manager::get, HealthPoll.PERIOD, reports::add, failures::add)) {
            poll.checkOnce();
            poll.checkOnce();
            assertThat(lane.pending()).isEqualTo(1);
        }
    }

    @Test
    void noOpenStoreIsAFailedCheck() {
        manager.set(null);
        try (HealthPoll poll = new HealthPoll(lane, manager::get, HealthPoll.PERIOD, reports::add, failures::add)) {
            poll.checkOnce();
            lane.runAll();
            assertThat(failures).singleElement().extracting(Throwable::getMessage)
                    .isEqualTo("The store is not open");
        }
    }

    @Test
    void stopDropsTheRunningCheck() {
        try (HealthPoll poll = new HealthPoll(lane, manager::get, HealthPoll.PERIOD, reports::add, failures::add)) {
            poll.checkOnce();
            poll.stop();
            lane.runAll();
            assertThat(reports).isEmpty();
        }
    }
}
