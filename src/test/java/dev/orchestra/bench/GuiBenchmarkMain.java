package dev.orchestra.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.orchestra.inspector.AppContext;
import dev.orchestra.inspector.MainViewModel.Section;
import dev.orchestra.inspector.StoreDescription;
import dev.orchestra.inspector.memory.MemoryItemsViewModel;
import dev.orchestra.inspector.status.HealthPoll;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.factory.MemoryManagerFactory;
import dev.orchestra.storage.generator.DataGenerator;
import dev.orchestra.storage.mongo.MongoMemoryManager;
import dev.orchestra.storage.testsupport.FaultProxy;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The GUI part of the benchmark, headless on Monocle: launch time to the first page on the embedded
 * store (a fresh JVM per launch, {@link GuiLaunchProbe}), and the FX thread's pulse gaps ({@link PulseMonitor})
 * while the window pages through a large generated collection and while MongoDB hangs (a {@link FaultProxy}
 * stall), each beside the floor measured in the same run ({@link FloorLaunchProbe}, {@link FloorPulses}: a bare
 * JavaFX window with a 50-row table and the app's stylesheet); and what opening each view costs on the wire
 * ({@link ViewOpenBenchmark}). Writes its own section into BENCHMARKS.md ({@link GuiReport}); no assertions on speed.
 *
 * <p>System properties: {@code bench.gui.items} (N), {@code bench.gui.launches} (launches on the seeded file),
 * {@code bench.gui.pagingSeconds}, {@code bench.gui.stallSeconds}, {@code bench.gui.floorSeconds} (the floor's
 * pulses under load, default 30), {@code bench.gui.skipLaunch} (leave the launch part out: only the stalls and view
 * opens), {@code bench.gui.skipViewOpens} (leave the view opens out, for quicker runs of the stall part alone),
 * {@code bench.serverHeap}, {@code bench.out}.
 */
public final class GuiBenchmarkMain {
    static final String EMBEDDED = "embedded store: mongo-java-server 1.47.0 H2 backend, in-process (file in a temp dir)";
    private static final String DB = "gui_bench";
    private static final int PAGE_SIZE = 500;

    private final List<Result> results = new ArrayList<>();
    private final MongoWireTap tap = new MongoWireTap();
    private FloorPulses.Measured floor;

    public static void main(String[] args) throws Exception {
        new GuiBenchmarkMain().run();
        System.exit(0); // FX and driver threads are not all daemons
    }

    private void run() throws Exception {
        long started = System.nanoTime();
        String loadBefore = Machine.loadAverage();
        int items = Integer.getInteger("bench.gui.items", 1_000_000);
        if (!Boolean.getBoolean("bench.gui.skipLaunch")) {
            results.addAll(LaunchBenchmark.measure(Integer.getInteger("bench.gui.launches", 5)));
        }
        Platform.startup(() -> { });
        Platform.setImplicitExit(false);
        String serverHeap = "-Xmx" + System.getProperty("bench.serverHeap", "4g");
        try (ForkedJvm server = ForkedJvm.start(List.of(serverHeap), BenchMongoServerMain.class)) {
            int port = Integer.parseInt(server.awaitLine("READY"));
            String direct = "mongodb://127.0.0.1:" + port;
            generate(direct, items);
            floor = FloorPulses.measure(direct, DB, Duration.ofSeconds(Integer.getInteger("bench.gui.floorSeconds",
                    30)));
            results.add(Result.info("gui stall", String.format("floor (`FloorApp`: 50-row table, the app's stylesheet) "
                    + "FX pulse gaps while the server sorts %,d items per page in its own process (%d pages sorted): "
                    + "%d pulses, p50 / p99 / max; work: %s", items, floor.pages(), floor.gaps().count(),
                    floor.work().describe()),
                    ms(floor.gaps().medianMs()) + " / " + ms(floor.gaps().percentileMs(99)) + " / "
                            + ms(floor.gaps().percentileMs(100)), "mongo-java-server 1.47.0 memory backend "
                            + "(separate JVM), direct"));
            try (FaultProxy proxy = FaultProxy.start("127.0.0.1", port)) {
                proxy.setTap(tap);
                measureStalls(proxy, direct, items);
            }
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        String machine = Machine.describe() + "; load average (1/5/15 min) " + loadBefore + " at the start, "
                + Machine.loadAverage() + " at the end";
        System.out.println(ReportWriter.table(results));
        Path out = Path.of(System.getProperty("bench.out", "BENCHMARKS.md"));
        GuiReport.write(out, results, machine, items, seconds);
        System.out.println("Wrote the GUI section of " + out.toAbsolutePath() + " (" + seconds + " s)");
    }

    private static void generate(String uri, int items) {
        try (MongoMemoryManager manager = new MongoMemoryManager(uri, DB, Duration.ofSeconds(60))) {
            manager.initialize();
        }
        try (MongoClient client = MongoClients.create(uri)) {
            DataGenerator.Report report = new DataGenerator(BenchmarkMain.rawInsertMany(client.getDatabase(DB)), items)
                    .generate(items);
            System.out.printf("Generated %,d documents in %.1f s%n", report.documents(),
                    report.elapsed().toMillis() / 1000.0);
        }
    }

    /** The real window through the proxy: page through the collection, then hang MongoDB and keep using it. */
    private void measureStalls(FaultProxy proxy, String direct, int items) throws Exception {
        StorageConfig config = StorageConfig.fromMap(Map.of("APP_ENV", "development", "MONGODB_URI",
                proxy.mongoConnectionString(), "MONGODB_DATABASE", DB, "STORAGE_TIMEOUT_MS", "30000"));
        PulseMonitor monitor = new PulseMonitor();
        Stage stage = fx(Stage::new);
        AppContext context = fx(() -> {
            AppContext c = new AppContext(() -> MemoryManagerFactory.create(config), StoreDescription.of(config),
                    Clock.systemDefaultZone(), HealthPoll.PERIOD);
            c.show(stage);
            stage.setWidth(1440);
            stage.setHeight(900);
            return c;
        });
        PulseWork work = fx(() -> PulseWork.watch(stage.getScene()));
        MemoryItemsViewModel model = context.memoryModel();
        waitFor(Duration.ofSeconds(120), () -> fx(() -> context.store().isConnected() && !model.rows().isEmpty()));
        fx(() -> {
            model.pageSizeProperty().set(PAGE_SIZE);
            model.first();
            return null;
        });
        waitFor(Duration.ofSeconds(120), () -> fx(() -> !model.loadingProperty().get()
                && model.rows().size() == PAGE_SIZE));

        fx(() -> {
            monitor.start();
            work.reset();
            return null;
        });
        long pagingEnd = System.nanoTime() + Duration.ofSeconds(Integer.getInteger("bench.gui.pagingSeconds", 60))
                .toNanos();
        int pages = 1;
        long pagingStarted = System.nanoTime();
        long gcBefore = gcMillis();
        while (System.nanoTime() < pagingEnd && fx(() -> model.hasNextProperty().get())) {
            int expected = ++pages;
            fx(() -> {
                model.next();
                return null;
            });
            long pageStarted = System.nanoTime();
            waitFor(Duration.ofSeconds(120), () -> fx(() -> model.pageNumberProperty().get() == expected
                    && !model.loadingProperty().get()));
            System.out.printf("page %d in %d ms%n", expected, (System.nanoTime() - pageStarted) / 1_000_000);
        }
        double pagingSeconds = (System.nanoTime() - pagingStarted) / 1e9;
        Samples paging = fx(monitor::takeGaps);
        String pagingWork = monitor.takeLongPulseWork(5);
        PulseWork.Summary pagingCost = fx(work::take);
        stallFigures("while paging", String.format("%,d pages of %d (%,d of %,d items) in %.0f s, GC in this JVM "
                + "%d ms; work: %s (%.1f ms of CSS + layout per page)", pages - 1, PAGE_SIZE, (pages - 1) * PAGE_SIZE,
                items, pagingSeconds, gcMillis() - gcBefore, pagingCost.describe(),
                pagingCost.layoutTotalMs() / Math.max(1, pages - 1)), paging, pagingWork);
        gcBefore = gcMillis();
        // after the paging figures, so the scan and the "before" grouping do not load the server they measure
        try {
            if (!Boolean.getBoolean("bench.gui.skipViewOpens")) {
                results.addAll(ViewOpenBenchmark.measure(context, tap, direct, DB, items));
            }
        } catch (RuntimeException e) {
            results.add(Result.info("view open", "view opens did not finish: " + e.getMessage(), "failed", ""));
        }
        results.forEach(r -> System.out.println("RESULT-SO-FAR " + r));
        fx(() -> {
            context.mainModel().sectionProperty().set(Section.MEMORY);
            return null;
        });
        fx(monitor::takeGaps); // the view opens are not part of either phase
        monitor.takeLongPulseWork(5);
        fx(work::take);
        gcBefore = gcMillis();

        proxy.stall();
        long stallEnd = System.nanoTime() + Duration.ofSeconds(Integer.getInteger("bench.gui.stallSeconds", 20))
                .toNanos();
        Section[] sections = {Section.AGENTS, Section.SESSIONS, Section.HEALTH, Section.MEMORY};
        int actions = 0;
        while (System.nanoTime() < stallEnd) {
            Section section = sections[actions++ % sections.length];
            fx(() -> { // what a user does while waiting: switch views, refresh, cancel
                context.mainModel().sectionProperty().set(section);
                model.refresh();
                return null;
            });
            sleepPace(1000);
        }
        Samples stalled = fx(monitor::takeGaps);
        String stalledWork = monitor.takeLongPulseWork(5);
        PulseWork.Summary stalledCost = fx(work::take);
        String light = fx(() -> String.valueOf(context.statusModel().mongo().lightProperty().get()));
        proxy.unstall();
        fx(() -> {
            monitor.stop();
            model.cancel();
            context.close();
            return null;
        });
        stallFigures("while MongoDB hangs", String.format("FaultProxy stall for %d s: %d view switches + refreshes, "
                + "health checks timing out; status light at the end: %s; GC in this JVM %d ms; work: %s",
                Integer.getInteger("bench.gui.stallSeconds", 20), actions, light, gcMillis() - gcBefore,
                stalledCost.describe()), stalled, stalledWork);
    }

    private void stallFigures(String phase, String what, Samples gaps, String longPulseWork) {
        String server = "mongo-java-server 1.47.0 memory backend (separate JVM) via FaultProxy";
        double floorP99 = floor.gaps().percentileMs(99);
        double ratio = gaps.percentileMs(99) / floorP99;
        results.add(Result.info("gui stall", "FX pulse gaps " + phase + ": " + what + "; " + gaps.count()
                + " pulses, p50 / max; FX thread seen in pulses over " + PulseMonitor.LONG_PULSE_MILLIS + " ms (5 ms "
                + "samples): " + longPulseWork, ms(gaps.medianMs()) + " / " + ms(gaps.percentileMs(100)), server));
        results.add(Result.checked("gui stall", "FX pulse gap p99 " + phase + " (floor p99 " + ms(floorP99) + ")",
                ms(gaps.percentileMs(99)) + String.format(" = %.2f × floor", ratio), "p99 ≤ 1.5 × floor p99",
                ratio <= 1.5, server));
        results.add(Result.checked("gui stall", "longest FX pulse gap " + phase, ms(gaps.percentileMs(100)),
                "≤ 100 ms", gaps.percentileMs(100) <= 100, server));
    }

    /** Total collection time of this JVM's garbage collectors so far. */
    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
    }

    private static String ms(double value) {
        return String.format("%.1f ms", value);
    }

    private static void sleepPace(long millis) throws InterruptedException {
        Thread.sleep(millis); // the simulated user's pace, not synchronisation
    }

    private static void waitFor(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("Timed out after " + limit);
            }
            Thread.sleep(20); // polling interval
        }
    }

    /** Polls {@code condition} until it holds, at most {@code seconds}. */
    static void waitUntil(int seconds, BooleanSupplier condition) {
        try {
            waitFor(Duration.ofSeconds(seconds), condition);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    static <T> T fx(Callable<T> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("FX call failed", e);
        }
    }
}
