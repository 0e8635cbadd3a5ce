package dev.orchestra.inspector.ui;

import static dev.orchestra.inspector.ui.InspectorUi.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orchestra.inspector.AppContext;
import dev.orchestra.inspector.MainViewModel.Section;
import dev.orchestra.inspector.StoreDescription;
import dev.orchestra.inspector.TestData;
import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.inspector.status.HealthPoll;
import dev.orchestra.inspector.status.Light;
import dev.orchestra.storage.ForwardingMemoryManager;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.factory.MemoryManagerFactory;
import dev.orchestra.storage.inmemory.InMemoryMemoryManager;
import dev.orchestra.storage.model.CountEstimate;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.Page;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.SessionSummary;
import dev.orchestra.storage.model.CollectionRef;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window never freezes: while every data call of the store hangs (blocked on a latch), and while MongoDB is a
 * socket that accepts and never answers, a probe posted to the FX thread runs within 500 ms throughout, the user can
 * switch views and cancel with Esc.
 */
@ExtendWith(ApplicationExtension.class)
class ResponsivenessIT {
    static {
        InspectorUi.configureHeadlessScreen();
    }

    private static final long MAX_PROBE_DELAY_MILLIS = 500;

    private final CountDownLatch release = new CountDownLatch(1);
    private final InMemoryMemoryManager data = new InMemoryMemoryManager();
    private AppContext context;

    /** Answers health checks at once; every data call waits for the test to release it. */
    private final class HangingStore extends ForwardingMemoryManager {
        HangingStore(MemoryManager delegate) {
            super(delegate);
        }

        private void hang() {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public Page<BsonDocument> findPage(CollectionRef collection, DocumentFilter filter, PageRequest page) {
            hang();
            return super.findPage(collection, filter, page);
        }

        @Override
        public CountEstimate count(CollectionRef collection, DocumentFilter filter) {
            hang();
            return super.count(collection, filter);
        }

        @Override
        public List<SessionSummary> listSessions(String userId, int limit) {
            hang();
            return super.listSessions(userId, limit);
        }

        @Override
        public Map<String, Object> serverStatistics() {
            hang();
            return super.serverStatistics();
        }
    }

    @Start
    void start(Stage stage) {
        TestData.bulkItems(data, 10);
        context = InspectorUi.open(stage, () -> new HangingStore(data), new StoreDescription("test", "hang",
                "hanging store", "no cache", false), HealthPoll.PERIOD);
    }

    @AfterEach
    void close() {
        release.countDown();
        InspectorUi.fxRun(context::close);
    }

    /** Posts a probe every 50 ms for {@code duration} while {@code meanwhile} runs; returns the worst delay. */
    private static long worstProbeDelay(Duration duration, Runnable meanwhile) throws InterruptedException {
        List<Long> delays = new CopyOnWriteArrayList<>();
        AtomicLong outstanding = new AtomicLong();
        Thread prober = new Thread(() -> {
            long end = System.nanoTime() + duration.toNanos();
            while (System.nanoTime() < end) {
                long posted = System.nanoTime();
                outstanding.incrementAndGet();
                Platform.runLater(() -> {
                    delays.add((System.nanoTime() - posted) / 1_000_000);
                    outstanding.decrementAndGet();
                });
                try {
                    Thread.sleep(50); // the probe's own pace, not synchronisation
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "fx-probe");
        prober.start();
        meanwhile.run();
        prober.join();
        await().atMost(Duration.ofSeconds(5)).until(() -> outstanding.get() == 0);
        assertThat(delays).hasSizeGreaterThan(20);
        return delays.stream().mapToLong(Long::longValue).max().orElseThrow();
    }

    @Test
    void aHangingStoreLeavesTheWindowResponsiveAndEscCancels(FxRobot robot) throws InterruptedException {
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> context.store().isConnected()));
        await().atMost(Duration.ofSeconds(5)).until(() -> fx(() -> context.memoryModel().loadingProperty().get()));
        // busy, and says so with a still label: nothing on screen spins (a spinner repaints every frame)
        Node window = fx(() -> context.mainView().root());
        Label busy = robot.from(window).lookup(".busy-label").queryAs(Label.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> fx(() -> shown(busy)));
        assertThat(fx(busy::getText)).isEqualTo("Working…");
        assertThat(fx(() -> robot.from(window).lookup(".progress-indicator").queryAllAs(ProgressIndicator.class)
                .stream().filter(p -> p.isIndeterminate() && shown(p)).toList())).as("spinning indicators").isEmpty();

        long worst = worstProbeDelay(Duration.ofSeconds(4), () -> {
            for (Section s : new Section[] {Section.AGENTS, Section.SESSIONS, Section.HEALTH, Section.MEMORY}) {
                robot.clickOn(robot.lookup(".nav-list .list-cell").match((ListCell<?> c) ->
                        c.getItem() == s).queryAs(Node.class));
            }
            robot.type(KeyCode.ESCAPE);
        });

        assertThat(worst).as("worst FX-thread delay in ms").isLessThan(MAX_PROBE_DELAY_MILLIS);
        assertThat(fx(() -> context.mainModel().sectionProperty().get())).isEqualTo(Section.MEMORY);
        assertThat(fx(() -> context.memoryModel().loadingProperty().get())).isFalse();
        String error = fx(() -> context.memoryModel().errorProperty().get());
        assertThat(error).isEqualTo("Loading cancelled.");
        // the health monitor has its own thread: the status bar still reports while data calls hang
        assertThat(fx(() -> context.statusModel().mongo().lightProperty().get())).isEqualTo(Light.GREEN);

        release.countDown();
        robot.type(KeyCode.F5);
        TableView<?> table = InspectorUi.node(robot, context, Section.MEMORY, "#table");
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> table.getItems().size()) == 10);
    }

    /** Whether {@code node} and every parent of it are visible. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    @Test
    void aMongoServerThatNeverAnswersShowsAClearMessageAndTheWindowStaysResponsive(FxRobot robot)
            throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                while (!silent.isClosed()) {
                    try {
                        accepted.add(silent.accept()); // accept, never answer
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "silent-mongo");
            acceptor.setDaemon(true);
            acceptor.start();
            StorageConfig config = InspectorUi.config("mongodb://127.0.0.1:" + silent.getLocalPort(), "silent",
                    Map.of());
            // Reopen the window's store against the silent server: the real factory, the real driver.
            AppContext[] second = new AppContext[1];
            InspectorUi.fxRun(() -> {
                context.close();
                robot.listWindows().forEach(w -> ((Stage) w).hide());
                Stage stage = new Stage();
                second[0] = InspectorUi.open(stage, () -> MemoryManagerFactory.create(config),
                        StoreDescription.of(config), HealthPoll.PERIOD);
            });
            context = second[0];
            assertThat(fx(() -> context.store().stateProperty().get())).isEqualTo(StoreConnection.State.CONNECTING);

            long worst = worstProbeDelay(Duration.ofSeconds(3), () -> robot.type(KeyCode.F5));
            assertThat(worst).as("worst FX-thread delay in ms").isLessThan(MAX_PROBE_DELAY_MILLIS);

            await().atMost(Duration.ofSeconds(30)).until(() -> fx(() -> context.store().stateProperty().get())
                    == StoreConnection.State.FAILED);
            Label message = robot.from(fx(() -> context.mainView().root())).lookup("#connectionMessage")
                    .queryAs(Label.class);
            String text = fx(message::getText);
            assertThat(text).startsWith("Could not open mongodb://127.0.0.1:" + silent.getLocalPort())
                    .doesNotContain("Exception\n").doesNotContain("\tat ");
            assertThat(fx(() -> context.statusModel().mongo().lightProperty().get())).isEqualTo(Light.RED);
            String status = fx(() -> context.statusModel().messageProperty().get());
            assertThat(status).startsWith("Not connected:");
            for (Socket s : accepted) {
                s.close();
            }
        }
    }
}
