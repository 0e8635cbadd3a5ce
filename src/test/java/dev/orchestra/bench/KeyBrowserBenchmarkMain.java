package dev.orchestra.bench;

import dev.orchestra.inspector.AppContext;
import dev.orchestra.inspector.MainViewModel.Section;
import dev.orchestra.inspector.StoreDescription;
import dev.orchestra.inspector.keys.KeysViewModel;
import dev.orchestra.inspector.status.HealthPoll;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.factory.MemoryManagerFactory;
import dev.orchestra.storage.redis.RedisCache;
import dev.orchestra.storage.redis.RedisCacheSettings;
import dev.orchestra.storage.redis.keys.KeyBrowser;
import dev.orchestra.storage.redis.keys.KeyQuery;
import dev.orchestra.storage.redis.keys.KeyScanCursor;
import dev.orchestra.storage.redis.keys.KeyScanPage;
import dev.orchestra.storage.testsupport.MongoTestServer;
import dev.orchestra.storage.testsupport.redis.RedisFixture;
import dev.orchestra.storage.testsupport.redis.RedisFixture.Shape;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.stage.Stage;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.UnifiedJedis;

/**
 * The key browser on a large keyspace: {@code bench.keys} keys (default 1,000,000) in a redis-server of its own,
 * named like Orchestra's ({@code history:user-N:session-M}). Measures the first screen — the storage call alone
 * ({@link KeyBrowser#scan}, fresh cursor) and in the real window headless on Monocle (Apply to the listing shown,
 * tree mode) — and the FX pulse gaps ({@link PulseMonitor}) while the window keeps loading more for
 * {@code bench.keys.scanSeconds} (tree mode: the prefix's chain of single groups open down to {@code history:}, whose
 * 5,000 user groups are rebuilt after each page). Prints a table and writes it to
 * {@code bench.keys.out} (default target/bench-keys.md); no assertions on speed.
 */
public final class KeyBrowserBenchmarkMain {
    private static final int ROUNDS = 15;
    private final List<Result> results = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        new KeyBrowserBenchmarkMain().run();
        System.exit(0); // FX and driver threads are not all daemons
    }

    private void run() throws Exception {
        int keys = Integer.getInteger("bench.keys", 1_000_000);
        String loadBefore = Machine.loadAverage();
        try (RedisFixture redis = RedisFixture.start(Shape.STANDALONE); MongoTestServer mongo = MongoTestServer.start()) {
            String prefix = redis.keyPrefix() + "bench:";
            long filling = System.nanoTime();
            fill(redis.client(), prefix, keys);
            System.out.printf("Wrote %,d keys in %.1f s%n", keys, (System.nanoTime() - filling) / 1e9);
            String server = "redis-server " + redis.client().info("server").lines()
                    .filter(l -> l.startsWith("redis_version:")).findFirst().orElse("?").substring(14)
                    + " (local process), " + String.format("%,d", keys) + " keys";
            measureStorage(redis, prefix, server);
            measureWindow(redis, mongo, prefix, server);
        }
        String table = ReportWriter.table(results);
        System.out.println(table);
        Path out = Path.of(System.getProperty("bench.keys.out", "target/bench-keys.md"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, "## Key browser\n\n" + Machine.describe() + "; load average " + loadBefore
                + " at the start, " + Machine.loadAverage() + " at the end\n\n" + table + "\n");
        System.out.println("Wrote " + out.toAbsolutePath());
    }

    private static void fill(UnifiedJedis client, String prefix, int keys) {
        int batch = 10_000;
        for (int from = 0; from < keys; from += batch) {
            try (AbstractPipeline pipeline = client.pipelined()) {
                for (int i = from; i < Math.min(keys, from + batch); i++) {
                    pipeline.set(prefix + "history:user-" + i % 5_000 + ":session-" + i,
                            "{\"format\": \"orchestra-ejson/1\", \"n\": " + i + "}");
                }
                pipeline.sync();
            }
        }
    }

    /** The storage call behind the first screen: one page of the default pattern from a fresh cursor. */
    private void measureStorage(RedisFixture redis, String prefix, String server) {
        RedisCacheSettings settings = redis.settings("bench", Duration.ofMinutes(5));
        try (RedisCache cache = new RedisCache(new RedisCacheSettings(settings.host(), settings.port(), null, false,
                prefix, settings.ttl(), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMillis(500),
                settings.deployment()))) {
            KeyBrowser browser = new KeyBrowser(cache);
            KeyQuery query = new KeyQuery(browser.defaultPattern(), null);
            Samples samples = new Samples();
            KeyScanPage page = null;
            for (int round = 0; round < ROUNDS + 3; round++) {
                long start = System.nanoTime();
                page = browser.scan(query, KeyScanCursor.start(), KeysViewModel.PAGE_KEYS, () -> false);
                if (round >= 3) { // the first rounds warm the JIT and the connection pool
                    samples.add(System.nanoTime() - start);
                }
            }
            results.add(Result.checked("key browser", String.format("first screen, storage call (SCAN + one pipeline"
                    + " of TYPE/PTTL/MEMORY USAGE/OBJECT ENCODING): %d keys from %d SCAN call(s), p50 / max",
                    page.keys().size(), page.scanCalls()), ms(samples.medianMs()) + " / " + ms(samples.percentileMs(100)),
                    "≤ 300 ms", samples.percentileMs(100) <= 300, server));
        }
    }

    /** The real window: Apply → first screen shown, then Load more for a while, pulse gaps recorded throughout. */
    private void measureWindow(RedisFixture redis, MongoTestServer mongo, String prefix, String server)
            throws Exception {
        Map<String, String> env = new HashMap<>(redis.environment(prefix));
        env.put("APP_ENV", "development");
        env.put("MONGODB_URI", mongo.connectionString());
        env.put("MONGODB_DATABASE", mongo.uniqueDatabaseName());
        StorageConfig config = StorageConfig.fromMap(env);
        Platform.startup(() -> { });
        Platform.setImplicitExit(false);
        AppContext context = fx(() -> {
            AppContext c = new AppContext(() -> MemoryManagerFactory.create(config), StoreDescription.of(config),
                    Clock.systemDefaultZone(), HealthPoll.PERIOD);
            Stage stage = new Stage();
            c.show(stage);
            stage.setWidth(1440);
            stage.setHeight(900);
            return c;
        });
        KeysViewModel model = context.keysModel();
        waitFor(Duration.ofSeconds(60), () -> fx(() -> context.store().isConnected()));
        fx(() -> {
            context.mainModel().sectionProperty().set(Section.KEYS);
            return null;
        });
        waitFor(Duration.ofSeconds(60), () -> fx(() -> !model.keys().isEmpty() && !model.loadingProperty().get()));

        Samples firstScreen = new Samples();
        for (int round = 0; round < ROUNDS + 3; round++) {
            CompletableFuture<Long> shown = new CompletableFuture<>();
            ChangeListener<Boolean> done = fx(() -> {
                long start = System.nanoTime();
                ChangeListener<Boolean> listener = (obs, was, is) -> {
                    if (!is) {
                        // the listing is in place; the next pulse renders it
                        Platform.runLater(() -> shown.complete(System.nanoTime() - start));
                    }
                };
                model.loadingProperty().addListener(listener);
                model.apply();
                return listener;
            });
            long elapsed = shown.get(60, TimeUnit.SECONDS);
            fx(() -> {
                model.loadingProperty().removeListener(done);
                return null;
            });
            if (round >= 3) {
                firstScreen.add(elapsed);
            }
        }
        int listed = fx(() -> model.keys().size());
        results.add(Result.checked("key browser", "first screen in the window (Apply → " + listed + " keys listed in "
                + "the tree, the next pulse), p50 / max", ms(firstScreen.medianMs()) + " / "
                + ms(firstScreen.percentileMs(100)), "≤ 300 ms", firstScreen.percentileMs(100) <= 300, server));

        PulseMonitor monitor = new PulseMonitor();
        fx(() -> {
            monitor.start();
            return null;
        });
        // the control: the same window with nothing loading, so that what the machine's load alone costs shows
        long idleGc = gcMillis();
        sleepPace(Duration.ofSeconds(5));
        Samples idle = fx(monitor::takeGaps);
        results.add(Result.info("key browser", String.format("FX pulse gaps, the same window idle for 5 s (control: "
                + "nothing loading), GC in this JVM %d ms; %d pulses, p50 / p99 / max", gcMillis() - idleGc,
                idle.count()), ms(idle.medianMs()) + " / " + ms(idle.percentileMs(99)) + " / "
                + ms(idle.percentileMs(100)), server));
        monitor.takeLongPulseWork(0);
        long gcBefore = gcMillis();
        GcPauses collections = GcPauses.listen();
        long end = System.nanoTime() + Duration.ofSeconds(Integer.getInteger("bench.keys.scanSeconds", 30)).toNanos();
        int pages = 0;
        int listings = 1;
        while (System.nanoTime() < end) {
            // Load more until the view holds its most (or the scan ends), then a new listing from the start
            boolean more = fx(() -> {
                if (model.canLoadMoreProperty().get()) {
                    model.loadMore();
                    return true;
                }
                model.apply();
                return false;
            });
            if (more) {
                pages++;
            } else {
                listings++;
            }
            waitFor(Duration.ofSeconds(60), () -> fx(() -> !model.loadingProperty().get()));
        }
        Samples gaps = fx(monitor::takeGaps);
        long gc = gcMillis() - gcBefore;
        collections.close();
        String longPulseWork = monitor.takeLongPulseWork(6);
        System.out.println("FX thread in pulses later than " + PulseMonitor.LONG_PULSE_MILLIS + " ms: " + longPulseWork);
        String progress = fx(() -> model.progressProperty().get());
        fx(() -> {
            monitor.stop();
            context.close();
            return null;
        });
        results.add(Result.info("key browser", String.format("FX pulse gaps while scanning for %d s: %d listings, "
                + "%d Load more in a row (each listing up to the view's bound of %,d keys in the tree; at the end: %s), "
                + "GC in this JVM %d ms (%s); %d pulses, p50 / max", Integer.getInteger("bench.keys.scanSeconds", 30),
                listings, pages, KeysViewModel.MAX_LISTED, progress, gc, collections.describe(), gaps.count()),
                ms(gaps.medianMs()) + " / " + ms(gaps.percentileMs(100)), server));
        results.add(Result.checked("key browser", "FX pulse gap p99 while scanning", ms(gaps.percentileMs(99)),
                "p99 ≤ 50 ms", gaps.percentileMs(99) <= 50, server));
    }

    /** Total collection time of this JVM's garbage collectors so far. */
    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
    }

    private static String ms(double value) {
        return String.format("%.1f ms", value);
    }

    private static void sleepPace(Duration pause) throws InterruptedException {
        Thread.sleep(pause.toMillis()); // a measuring period, not synchronisation
    }

    private static void waitFor(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("Timed out after " + limit);
            }
            Thread.sleep(5); // polling interval
        }
    }

    private static <T> T fx(Callable<T> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("FX call failed", e);
        }
    }
}
