package dev.orchestra.storage.model;

import java.util.List;

/**
 * What a scan of {@code memory_items} found that the session list (built from {@code user_sessions}) cannot show:
 * sessions that have items but no record, and each user's "(no session)" items.
 *
 * @param sessions      most recent activity first, at most the scan's limit
 * @param itemsExamined memory items the scan read
 * @param complete      false when the scan was stopped before it had read every item (the list is then partial)
 */
public record RecordlessSessions(List<SessionSummary> sessions, long itemsExamined, boolean complete) {
    public RecordlessSessions {
        sessions = List.copyOf(sessions);
    }
}
