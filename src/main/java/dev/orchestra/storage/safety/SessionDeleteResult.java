package dev.orchestra.storage.safety;

/**
 * What deleting a session did; everything is in the trash under one {@code batchId}.
 *
 * @param itemsDeleted          its memory items
 * @param sessionRecordsDeleted its {@code user_sessions} record(s): 0 when it had none or the delete was cancelled
 *                              before reaching it
 */
public record SessionDeleteResult(String batchId, long itemsDeleted, long sessionRecordsDeleted, boolean cancelled) {

    public long totalDeleted() {
        return itemsDeleted + sessionRecordsDeleted;
    }

    public boolean undoable() {
        return totalDeleted() > 0;
    }
}
