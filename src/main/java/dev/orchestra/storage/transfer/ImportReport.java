package dev.orchestra.storage.transfer;

import java.time.Duration;
import java.util.List;

/**
 * What an import did.
 *
 * @param lines          lines read, blank ones included
 * @param validLines     lines that passed validation
 * @param rejectedLines  lines refused by validation (bad JSON, missing fields, wrong types); none of them is written
 * @param rejected       the first of them with their reasons, in line order
 * @param inserted       documents whose {@code _id} was new
 * @param replaced       documents that replaced a stored one with the same {@code _id}
 * @param unchanged      documents identical to the stored one (not rewritten)
 * @param failedWrites   valid lines the store refused when written (e.g. a unique index)
 * @param writeFailures  the first of them with the store's reason
 * @param written        whether the write phase ran (false for a dry run, an all-or-nothing refusal, a cancel
 *                       during validation)
 */
public record ImportReport(
        long lines,
        long validLines,
        long rejectedLines,
        List<LineError> rejected,
        long inserted,
        long replaced,
        long unchanged,
        long failedWrites,
        List<LineError> writeFailures,
        boolean written,
        boolean cancelled,
        Duration elapsed) {

    public ImportReport {
        rejected = List.copyOf(rejected);
        writeFailures = List.copyOf(writeFailures);
    }

    public boolean hasProblems() {
        return rejectedLines > 0 || failedWrites > 0 || cancelled;
    }

    public long stored() {
        return inserted + replaced + unchanged;
    }

    public double documentsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? stored() : stored() / seconds;
    }
}
