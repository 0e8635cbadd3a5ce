package dev.orchestra.cli;

import dev.orchestra.storage.model.BulkProgress;
import dev.orchestra.storage.transfer.TransferPhase;
import dev.orchestra.storage.transfer.TransferProgress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on stderr, redrawn in place ({@code \r}) at most every 100 ms:
 * {@code Exporting [=========>          ]  45%  45,000 / 100,000  12,345/s}. Counts bytes as MB for phases that
 * count bytes. Does nothing when disabled (stderr not a terminal and no {@code --progress}).
 */
final class ProgressBar implements TransferProgress {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final boolean enabled;
    private final LongSupplier clock;
    private String phase;
    private long phaseStarted;
    private long lastDrawn;
    private boolean drawn;

    ProgressBar(PrintWriter err, boolean enabled, LongSupplier nanoClock) {
        this.err = err;
        this.enabled = enabled;
        this.clock = nanoClock;
    }

    ProgressBar(PrintWriter err, boolean enabled) {
        this(err, enabled, System::nanoTime);
    }

    @Override
    public boolean onProgress(TransferPhase transferPhase, long done, long total) {
        update(transferPhase.label(), transferPhase.countsBytes(), done, total);
        return true;
    }

    /** A bar for a bulk delete: counts documents. */
    BulkProgress bulk(String label) {
        return (done, total) -> {
            update(label, false, done, total);
            return true;
        };
    }

    private void update(String currentPhase, boolean countsBytes, long done, long total) {
        if (!enabled) {
            return;
        }
        long now = clock.getAsLong();
        if (!currentPhase.equals(phase)) {
            finishLine();
            phase = currentPhase;
            phaseStarted = now;
            lastDrawn = 0;
        } else if (now - lastDrawn < REDRAW_NANOS && (total < 0 || done < total)) {
            return;
        }
        lastDrawn = now;
        err.print('\r' + render(currentPhase, countsBytes, done, total, now - phaseStarted));
        err.flush();
        drawn = true;
    }

    /** Ends the bar's line so that what follows starts on a fresh one. */
    void finishLine() {
        if (drawn) {
            err.println();
            err.flush();
            drawn = false;
        }
    }

    static String render(String label, boolean countsBytes, long done, long total, long elapsedNanos) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-10s ", label));
        if (total > 0) {
            double fraction = Math.min(1.0, (double) done / total);
            int filled = (int) Math.round(fraction * WIDTH);
            line.append('[').append("=".repeat(Math.max(0, filled - 1))).append(filled > 0 ? (filled == WIDTH ? "=" : ">") : "")
                    .append(" ".repeat(WIDTH - filled)).append(']')
                    .append(String.format(Locale.ROOT, " %3d%%  ", Math.round(fraction * 100)));
        }
        line.append(amount(countsBytes, done));
        if (total > 0) {
            line.append(" / ").append(amount(countsBytes, total));
        }
        double seconds = elapsedNanos / 1e9;
        if (seconds > 0.5) {
            line.append("  ").append(amount(countsBytes, (long) (done / seconds))).append("/s");
        }
        return line.toString();
    }

    private static String amount(boolean countsBytes, long value) {
        return countsBytes
                ? String.format(Locale.ROOT, "%.1f MB", value / 1e6)
                : String.format(Locale.ROOT, "%,d", value);
    }
}
