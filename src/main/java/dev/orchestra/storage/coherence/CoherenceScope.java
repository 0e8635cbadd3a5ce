package dev.orchestra.storage.coherence;

/**
 * Which keys a check looks at: one session's ({@code history:{u}:{s}}, {@code history:{u}}, {@code session:{u}:{s}}),
 * one user's (found by SCAN), or a sample of every {@code history:*} and {@code session:*} key.
 */
public record CoherenceScope(String userId, String sessionId) {

    public CoherenceScope {
        if (sessionId != null && (userId == null || userId.isBlank())) {
            throw new IllegalArgumentException("a session is checked with its user (--user)");
        }
    }

    public static CoherenceScope session(String userId, String sessionId) {
        return new CoherenceScope(userId, sessionId);
    }

    public static CoherenceScope user(String userId) {
        return new CoherenceScope(userId, null);
    }

    public static CoherenceScope sample() {
        return new CoherenceScope(null, null);
    }

    public boolean isSession() {
        return sessionId != null;
    }

    public boolean isUser() {
        return userId != null && sessionId == null;
    }

    public String describe() {
        if (isSession()) {
            return "session " + sessionId + " of " + userId;
        }
        return isUser() ? "user " + userId : "a sample of the cache";
    }
}
