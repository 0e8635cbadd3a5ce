package dev.orchestra.storage.transfer;

/**
 * @param batchSize     documents per write batch (1..10,000)
 * @param dryRun        validate only, write nothing
 * @param allOrNothing  write nothing at all when any line is bad (by default the valid lines are written)
 * @param maxReportedErrors how many bad lines are kept with their message (the rest are only counted), so that a
 *                      file of garbage cannot exhaust memory
 */
public record ImportOptions(int batchSize, boolean dryRun, boolean allOrNothing, int maxReportedErrors) {
    public static final int MAX_BATCH = 10_000;

    public ImportOptions {
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException("batch size must be between 1 and " + MAX_BATCH + ", was " + batchSize);
        }
        if (maxReportedErrors < 0) {
            throw new IllegalArgumentException("maxReportedErrors must not be negative");
        }
    }

    public static ImportOptions defaults() {
        return new ImportOptions(500, false, false, 1000);
    }

    public ImportOptions withBatchSize(int size) {
        return new ImportOptions(size, dryRun, allOrNothing, maxReportedErrors);
    }

    public ImportOptions withDryRun(boolean value) {
        return new ImportOptions(batchSize, value, allOrNothing, maxReportedErrors);
    }

    public ImportOptions withAllOrNothing(boolean value) {
        return new ImportOptions(batchSize, dryRun, value, maxReportedErrors);
    }
}
