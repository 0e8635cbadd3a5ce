package dev.orchestra.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            return System.getProperty("os.arch");
        }
        return System.getProperty("os.arch");
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
        return statusKiB("VmHWM:") / 1024;
    }

    static long currentRssMiB() {
        return statusKiB("VmRSS:") / 1024;
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
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).replace("kB", "").trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1024;
        }
        return -1024;
    }

    private static long totalRamGiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kib = Long.parseLong(line.substring(9).replace("kB", "").trim());
                    return Math.round(kib / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
