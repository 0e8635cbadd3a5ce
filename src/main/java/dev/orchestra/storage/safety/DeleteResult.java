package dev.orchestra.storage.safety;

/**
 * What a delete did.
 *
 * @param batchId   the undo token: pass it to {@link SafeOperations#undo(String)}
 * @param deleted   exactly how many documents were deleted (and are in the trash)
 * @param expected  how many were expected when it started (a count that may have been an estimate)
 * @param cancelled whether it was stopped between batches before the end
 */
public record DeleteResult(String batchId, long deleted, long expected, boolean cancelled) {

    /** Whether there is anything to undo. */
    public boolean undoable() {
        return deleted > 0;
    }
}
