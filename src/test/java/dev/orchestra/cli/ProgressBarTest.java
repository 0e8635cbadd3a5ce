package dev.orchestra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.storage.transfer.TransferPhase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    @Test
    void rendersPercentCountsAndRate() {
        String line = ProgressBar.render("Exporting", false, 45_000, 100_000, 2_000_000_000L);

        assertThat(line).startsWith("Exporting  [=============>                ]  45%  45,000 / 100,000  22,500/s");
    }

    @Test
    void bytesAreShownInMegabytesAndUnknownTotalsWithoutABar() {
        assertThat(ProgressBar.render("Validating", true, 5_000_000, 10_000_000, 0)).contains("50%", "5.0 MB / 10.0 MB");
        assertThat(ProgressBar.render("Writing", false, 12, -1, 0)).isEqualTo("Writing    12");
    }

    @Test
    void redrawsAtMostEveryHundredMillisecondsAndEndsItsLine() {
        StringWriter err = new StringWriter();
        AtomicLong clock = new AtomicLong(1_000_000_000L);
        ProgressBar bar = new ProgressBar(new PrintWriter(err), true, clock::get);

        bar.onProgress(TransferPhase.EXPORTING, 1, 10);
        bar.onProgress(TransferPhase.EXPORTING, 2, 10);   // too soon: skipped
        clock.addAndGet(150_000_000L);
        bar.onProgress(TransferPhase.EXPORTING, 3, 10);
        bar.onProgress(TransferPhase.EXPORTING, 10, 10);  // the end is always drawn
        bar.finishLine();

        assertThat(err.toString().split("\r", -1)).hasSize(4);
        assertThat(err.toString()).doesNotContain(" 2 / 10").endsWith("\n");
    }

    @Test
    void disabledBarPrintsNothing() {
        StringWriter err = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(err), false);

        bar.onProgress(TransferPhase.WRITING, 5, 10);
        bar.finishLine();

        assertThat(err.toString()).isEmpty();
    }
}
