package dev.orchestra.storage;

import dev.orchestra.storage.model.SessionChanges;

/**
 * One followed session ({@link SessionTail#follow}). Not for concurrent use: one caller polls it, one poll at a
 * time. The first poll is a complete batch (the session's newest items as they are now); later polls return what
 * changed since.
 */
public interface SessionFeed extends AutoCloseable {
    /** How changes are noticed. */
    enum Mode {
        /** MongoDB pushes each change (replica sets and sharded clusters). */
        CHANGE_STREAM,
        /** The newest items are read again on each poll and compared. */
        POLLING
    }

    Mode mode();

    /** What changed since the last poll; bounded by the store's query timeout. */
    SessionChanges poll();

    /** Ends the follow (closes a change stream); harmless twice. */
    @Override
    void close();
}
