package dev.orchestra.storage.safety;

import dev.orchestra.storage.error.StorageOperationException;

/**
 * A bulk delete stopped on an error after deleting some documents. Those are in the trash under
 * {@link #batchId()} (undo still works); {@link #getCause()} is the original error.
 */
public class PartialDeleteException extends StorageOperationException {
    private final long deleted;
    private final String batchId;

    public PartialDeleteException(long deleted, String batchId, RuntimeException cause) {
        super("The delete stopped after " + deleted + " document(s) because of an error: " + cause.getMessage()
                + (deleted > 0 ? " The deleted ones are in the trash and can be restored." : ""), cause);
        this.deleted = deleted;
        this.batchId = batchId;
    }

    /** Exactly how many documents were deleted before the error. */
    public long deleted() {
        return deleted;
    }

    /** The undo token for what was deleted. */
    public String batchId() {
        return batchId;
    }
}
