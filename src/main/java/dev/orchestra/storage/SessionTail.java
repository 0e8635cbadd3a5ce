package dev.orchestra.storage;

/**
 * Following one session as other processes write to it: a capability ({@link StoreLifecycle#capability}; the
 * decorators pass their store's on). MongoDB follows through a change stream where the server has them (a replica
 * set) and otherwise, like the in-memory store, by polling the session's newest items in {@code (timestamp, _id)}
 * order; {@link SessionFeed#mode()} says which. Reads only: following writes nothing.
 */
public interface SessionTail {
    /** Following a session at most this many items back (the newest ones, which a transcript shows). */
    int MAX_WINDOW = 500;

    /**
     * Starts following the memory items of {@code userId}'s session {@code sessionId} (null: the user's items
     * without a session). May talk to the server (opening a change stream); call it off the UI thread.
     *
     * @param window how many of the newest items polling compares for edits and deletions (1..{@link #MAX_WINDOW})
     */
    SessionFeed follow(String userId, String sessionId, int window);
}
