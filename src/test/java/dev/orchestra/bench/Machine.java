package dev.orchestra.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;

/** Facts about the machine and this process: cores, RAM, JDK, and Linux's resident-set figures. */
final class Machine {
    private Machine() {
    }

    static String describe() {
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpuModel() + "; one core sorts "
                + String.format("%,d", CALIBRATION_INTS) + " random ints in " + calibrationMillis() + " ms), "
                + totalRamGiB() + " GiB RAM, JDK " + System.getProperty("java.version") + " ("
                + System.getProperty("java.vm.name") + "), " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch");
    }

    private static final int CALIBRATION_INTS = 5_000_000;

    /**
     * A yardstick for comparing runs on different machines (the same core count can be twice as fast elsewhere):
     * the best of five single-threaded sorts of the same random array.
     */
    static long calibrationMillis() {
        int[] random = new SplittableRandom(1).ints(CALIBRATION_INTS).toArray();
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            int[] copy = random.clone();
            long started = System.nanoTime();
            Arrays.sort(copy);
            best = Math.min(best, System.nanoTime() - started);
            if (copy[0] > copy[copy.length - 1]) {
                throw new IllegalStateException("not sorted"); // also keeps the sort from being optimised away
            }
        }
        return best / 1_000_000;
    }

    static String cpuModel() {
        return procField("/proc/cpuinfo", "model name").orElse(System.getProperty("os.arch"));
    }

    /** The 1/5/15-minute load averages: on a shared machine they say how contended a run was. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Peak resident set size (VmHWM) of this process in MiB, or -1 where /proc is unavailable. */
    static long peakRssMiB() {
        return statusKiB("VmHWM") / 1024;
    }

    static long currentRssMiB() {
        return statusKiB("VmRSS") / 1024;
    }

    /** The sum of the heap pools' peak usage in MiB (what the GC let the heap reach). */
    static long peakHeapMiB() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024 * 1024);
    }

    static long maxHeapMiB() {
        return Runtime.getRuntime().maxMemory() / (1024 * 1024);
    }

    private static long statusKiB(String field) {
        return procKiB("/proc/self/status", field).orElse(-1024L);
    }

    private static long totalRamGiB() {
        return Math.round(procKiB("/proc/meminfo", "MemTotal").orElse(-1024L * 1024) / 1024.0 / 1024.0);
    }

    private static Optional<Long> procKiB(String file, String field) {
        try {
            return procField(file, field).map(value -> Long.parseLong(value.replace("kB", "").trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The value of the first "{@code field}: value" line of a /proc file; empty where there is none. */
    private static Optional<String> procField(String file, String field) {
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equals(field)) {
                    return Optional.of(line.substring(colon + 1).trim());
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
