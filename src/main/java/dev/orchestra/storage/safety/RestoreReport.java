package dev.orchestra.storage.safety;

import java.util.List;
import org.bson.BsonValue;

/**
 * What restoring a batch from the trash did. Entries that could not be restored stay in the trash.
 *
 * @param restored how many documents are back in their collections
 * @param refused  the ones left in the trash, each with the reason
 */
public record RestoreReport(String batchId, long restored, List<Refusal> refused) {

    public RestoreReport {
        refused = List.copyOf(refused);
    }

    public boolean complete() {
        return refused.isEmpty();
    }

    /** One line for a notification, e.g. "Restored 12 documents; 1 refused: …". */
    public String summary() {
        String head = "Restored " + restored + (restored == 1 ? " document" : " documents");
        if (refused.isEmpty()) {
            return head + ".";
        }
        return head + "; " + refused.size() + " refused: " + refused.get(0).reason()
                + (refused.size() > 1 ? " (and " + (refused.size() - 1) + " more)" : "");
    }

    /** A trash entry that was not restored. */
    public record Refusal(BsonValue trashId, String sourceCollection, BsonValue documentId, String reason) {
    }
}
