package dev.orchestra.storage.transfer;

import java.time.Duration;

/**
 * @param documents how many documents were written
 * @param cancelled true when the progress listener stopped it (a file export then leaves no file behind)
 */
public record ExportResult(long documents, boolean cancelled, Duration elapsed) {
    public double documentsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? documents : documents / seconds;
    }
}
