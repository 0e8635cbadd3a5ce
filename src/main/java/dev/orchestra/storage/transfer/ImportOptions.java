package dev.orchestra.storage.transfer;

import dev.orchestra.storage.DocumentChecks;

/**
 * @param batchSize     documents per write batch (1..10,000)
 * @param dryRun        validate only, write nothing
 * @param allOrNothing  write nothing at all when any line is bad (by default the valid lines are written)
 * @param maxReportedErrors how many bad lines are kept with their message (the rest are only counted), so that a
 *                      file of garbage cannot exhaust memory
 * @param checks        which rules a line must pass: Orchestra's schema, or {@link DocumentChecks#AS_IS} to restore
 *                      an export exactly as it is (only BSON validity, the size and the {@code _id} rules)
 */
public record ImportOptions(int batchSize, boolean dryRun, boolean allOrNothing, int maxReportedErrors,
                            DocumentChecks checks) {
    public static final int MAX_BATCH = 10_000;

    public ImportOptions {
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException("batch size must be between 1 and " + MAX_BATCH + ", was " + batchSize);
        }
        if (maxReportedErrors < 0) {
            throw new IllegalArgumentException("maxReportedErrors must not be negative");
        }
        if (checks == null) {
            throw new IllegalArgumentException("checks must be given");
        }
    }

    public static ImportOptions defaults() {
        return new ImportOptions(500, false, false, 1000, DocumentChecks.SCHEMA);
    }

    public ImportOptions withBatchSize(int size) {
        return new ImportOptions(size, dryRun, allOrNothing, maxReportedErrors, checks);
    }

    public ImportOptions withDryRun(boolean value) {
        return new ImportOptions(batchSize, value, allOrNothing, maxReportedErrors, checks);
    }

    public ImportOptions withAllOrNothing(boolean value) {
        return new ImportOptions(batchSize, dryRun, value, maxReportedErrors, checks);
    }

    /** true: restore an export as it is ({@link DocumentChecks#AS_IS}); false: Orchestra's schema. */
    public ImportOptions withAsIs(boolean value) {
        return new ImportOptions(batchSize, dryRun, allOrNothing, maxReportedErrors,
                value ? DocumentChecks.AS_IS : DocumentChecks.SCHEMA);
    }
}
