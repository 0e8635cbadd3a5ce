package dev.orchestra.storage.model;

/** Told after each batch of a bulk operation; returning false stops before the next batch. */
@FunctionalInterface
public interface BulkProgress {
    BulkProgress IGNORE = (done, total) -> true;

    /**
     * @param done  documents processed so far
     * @param total the count expected when the operation started (may be an estimate)
     * @return whether to continue
     */
    boolean onBatch(long done, long total);
}
