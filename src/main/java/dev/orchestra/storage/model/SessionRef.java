package dev.orchestra.storage.model;

import dev.orchestra.storage.error.StorageValidationException;

/**
 * One user's session, or the user as a whole when {@code sessionId} is null (a user-level history): what the batch
 * reads of many sessions at once are keyed by.
 */
public record SessionRef(String userId, String sessionId) {

    public SessionRef {
        if (userId == null || userId.isBlank()) {
            throw new StorageValidationException("'user_id' is required");
        }
    }
}
