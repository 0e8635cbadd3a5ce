package dev.orchestra.storage.indexes;

/** How an index compares with the recommended ones. */
public enum IndexStatus {
    /** Recommended and there, with the same keys and options. */
    PRESENT,
    /** Recommended and not there. */
    MISSING,
    /**
     * A recommended index and an existing one collide: the same keys under another name or options, or the same
     * name over other keys or options. Creating the recommended one would fail until someone resolves it.
     */
    CONFLICTING,
    /** The database's own (including {@code _id_}): not recommended by us, left alone. */
    EXTRA
}
