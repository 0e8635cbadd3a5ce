package dev.orchestra.storage.model;

import java.time.Instant;

/**
 * A session as seen across {@code memory_items} and {@code user_sessions}. A null {@code sessionId} is the user's
 * "(no session)" conversation: items whose {@code session_id} is missing or null (user-level history, which
 * Orchestra writes); it never has a session record.
 *
 * @param itemCount        memory items with this (user, session)
 * @param hasSessionRecord false when items exist but no {@code user_sessions} document does (flagged in the UI)
 */
public record SessionSummary(
        String userId,
        String sessionId,
        long itemCount,
        Instant firstActivity,
        Instant lastActivity,
        String personaActive,
        boolean hasSessionRecord) {

    /** A {@code user_sessions} record with no memory items. */
    public boolean isEmptyRecord() {
        return hasSessionRecord && itemCount == 0;
    }

    /** Items of a real session that has no {@code user_sessions} document. */
    public boolean isOrphanItems() {
        return !hasSessionRecord && itemCount > 0 && sessionId != null;
    }

    /** The user's items without a session id. */
    public boolean isNoSession() {
        return sessionId == null;
    }
}
