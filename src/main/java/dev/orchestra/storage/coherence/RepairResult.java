package dev.orchestra.storage.coherence;

import java.util.List;

/**
 * What a repair did.
 *
 * @param deleted  keys deleted (each audited)
 * @param skipped  keys left alone: no longer stale or orphan when checked again just before (refreshed, expired,
 *                 or now foreign), each with why
 */
public record RepairResult(List<String> deleted, List<String> skipped) {
    public RepairResult {
        deleted = List.copyOf(deleted);
        skipped = List.copyOf(skipped);
    }

    public String summary() {
        return deleted.size() + " key" + (deleted.size() == 1 ? "" : "s") + " deleted"
                + (skipped.isEmpty() ? "" : ", " + skipped.size() + " left alone (changed since the check)");
    }
}
