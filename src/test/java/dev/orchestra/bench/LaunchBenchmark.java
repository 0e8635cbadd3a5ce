package dev.orchestra.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.spi.ToolProvider;

/**
 * Launch time to the first page on the embedded store, each launch a fresh JVM ({@link GuiLaunchProbe}), started
 * the three ways that matter: JVM defaults (the "before"), the options {@code mvn javafx:run} passes (C1 only,
 * classes from directories), and what {@code ./orchestra-inspector} does (C1 only, classes from jars, a
 * class-data-sharing archive written by a first launch and mapped by the later ones). Each launch is followed by one
 * of the floor ({@link FloorLaunchProbe}: a bare JavaFX window with a 50-row table and the app's stylesheet) with the
 * same options and classpath, and the inspector is reported as a ratio to it.
 */
final class LaunchBenchmark {
    private static final List<String> HEADLESS = List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
            "-Dprism.order=sw", "-Dprism.text=t2k", "-Djava.awt.headless=true", "-Dheadless.geometry=1600x1000-32");
    /** The start-up options of pom.xml's javafx-maven-plugin and of ./orchestra-inspector. */
    private static final List<String> APP_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:MaxGCPauseMillis=20");
    private static final String APP_OPTIONS_TEXT = String.join(" ", APP_OPTIONS);
    /** Milliseconds from starting the process to the first layout pulse that shows rows. */
    private static final String LAUNCH_MS = "launchMs";

    private final int launches;
    private final Path dir;
    private final List<Result> results = new ArrayList<>();

    private LaunchBenchmark(int launches, Path dir) {
        this.launches = launches;
        this.dir = dir;
    }

    static List<Result> measure(int launches) throws IOException {
        LaunchBenchmark bench = new LaunchBenchmark(launches, Files.createTempDirectory("gui-bench-embedded"));
        bench.run();
        return bench.results;
    }

    private void run() throws IOException {
        String classDirs = System.getProperty("java.class.path");
        // the first launch as the README's run command makes it: its options, classes from directories
        ProbeLine cold = launchOnce(app(HEADLESS), classDirs, GuiLaunchProbe.class);
        ProbeLine coldFloor = launchOnce(app(HEADLESS), classDirs, FloorLaunchProbe.class);
        long coldMs = cold.get(LAUNCH_MS);
        long coldFloorMs = coldFloor.get(LAUNCH_MS);
        results.add(Result.info("gui launch", String.format("first launch (creates and seeds the store file: store "
                + "opened %d ms after the window), `mvn javafx:run` options (" + APP_OPTIONS_TEXT + "), classes from directories: process start → first page shown; floor (`FloorLaunchProbe`"
                + ", same options) %d ms", cold.get("storeOpenMs"), coldFloorMs), coldMs + " ms = "
                + ratio(coldMs, coldFloorMs) + " × floor", GuiBenchmarkMain.EMBEDDED));

        series("JVM defaults, classes from directories (before: no start-up options)", HEADLESS, classDirs, false);
        series("`mvn javafx:run` options (" + APP_OPTIONS_TEXT + "), classes from directories", app(HEADLESS),
                classDirs, true);

        // Class-data sharing archives classes from jars only, so the probe runs on jars of the same classes.
        String jars = jarClasspath(classDirs);
        Path archive = dir.resolve("inspector.jsa");
        launchOnce(app(HEADLESS, "-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off"), jars,
                GuiLaunchProbe.class);
        series("`./orchestra-inspector` (" + APP_OPTIONS_TEXT + ", jars, class-data-sharing archive from a first "
                + "launch)", app(HEADLESS, "-XX:SharedArchiveFile=" + archive), jars, true);
    }

    /**
     * {@code launches} launches of the inspector, each followed by one of the floor with the same options and
     * classpath, so both see the same machine load; the figure is the ratio of the medians.
     */
    private void series(String how, List<String> jvm, String classpath, boolean checked) {
        Samples process = new Samples();
        Samples window = new Samples();
        Samples afterWindow = new Samples();
        Samples floor = new Samples();
        Samples floorWindow = new Samples();
        for (int i = 0; i < launches; i++) {
            ProbeLine line = launchOnce(jvm, classpath, GuiLaunchProbe.class);
            process.add(line.get(LAUNCH_MS) * 1_000_000);
            window.add(line.get("windowBuiltMs") * 1_000_000);
            afterWindow.add((line.get("sinceContextMs") - line.get("windowBuiltMs")) * 1_000_000);
            ProbeLine floorLine = launchOnce(jvm, classpath, FloorLaunchProbe.class);
            floor.add(floorLine.get(LAUNCH_MS) * 1_000_000);
            floorWindow.add(floorLine.get("windowBuiltMs") * 1_000_000);
        }
        double ratio = process.medianMs() / floor.medianMs();
        String what = String.format("%s: process start → first page shown, %d launches on the seeded file: median / max "
                + "(window built on the FX thread / first page after that: medians %.0f / %.0f ms); floor, same "
                + "launches: median %.0f ms / max %.0f ms (window built %.0f ms)", how, launches, window.medianMs(),
                afterWindow.medianMs(), floor.medianMs(), floor.percentileMs(100), floorWindow.medianMs());
        String value = String.format("%.0f ms / %.0f ms = %.2f × floor", process.medianMs(), process.percentileMs(100),
                ratio);
        results.add(checked
                ? Result.checked("gui launch", what, value, "≤ 1.3 × floor", ratio <= 1.3, GuiBenchmarkMain.EMBEDDED)
                : Result.info("gui launch", what, value, GuiBenchmarkMain.EMBEDDED));
    }

    private static String ratio(long value, long floor) {
        return String.format("%.2f", (double) value / floor);
    }

    /**
     * One launch; its line gains {@link #LAUNCH_MS}, the time from just before the process was started to the
     * probe's first shown rows, both read from the wall clock of this machine. (The JVM's own process start time
     * is no clock for this: Linux gives the boot time in whole seconds, so it is off by a constant of up to 1 s.)
     */
    private ProbeLine launchOnce(List<String> jvm, String classpath, Class<?> probeClass) {
        long spawnedAtMs = System.currentTimeMillis();
        try (ForkedJvm probe = ForkedJvm.start(jvm, classpath, probeClass, dir.toString())) {
            String result = probe.awaitLine("RESULT");
            long launchMs = ProbeLine.parse(result).get("shownAtEpochMs") - spawnedAtMs;
            System.out.println(probeClass.getSimpleName() + ": " + launchMs + " ms from the process start");
            return ProbeLine.parse(result + " " + LAUNCH_MS + "=" + launchMs);
        }
    }

    /** The classpath with every directory replaced by a jar of its contents. */
    private String jarClasspath(String classpath) throws IOException {
        ToolProvider jar = ToolProvider.findFirst("jar").orElseThrow();
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : classpath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (!Files.isDirectory(path)) {
                entries.add(entry);
                continue;
            }
            Path out = dir.resolve("classes-" + n++ + ".jar");
            if (jar.run(System.out, System.err, "cf", out.toString(), "-C", entry, ".") != 0) {
                throw new IOException("jar failed for " + entry);
            }
            entries.add(out.toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    /** {@code base}, the app's own options, then {@code more}. */
    private static List<String> app(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(APP_OPTIONS);
        all.addAll(List.of(more));
        return all;
    }

    private static List<String> with(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all;
    }
}
