package dev.orchestra.cli;

/** The process exit codes of every command ({@code health} has its own: 0 ok, 1 degraded, 2 error). */
public final class ExitCodes {
    public static final int OK = 0;
    /** The command failed: a server unreachable, a file unwritable, a refusal (read-only, no confirmation). */
    public static final int FAILED = 1;
    /** Wrong arguments: unknown command, option or collection, a malformed value. */
    public static final int USAGE = 2;
    /** Finished, but not everything was done: an import with rejected lines or refused writes. */
    public static final int INCOMPLETE = 3;
    /** The write is done in MongoDB, but Redis did not delete the cache keys it affected (they are named on stderr). */
    public static final int CACHE_NOT_CLEANED = 4;

    private ExitCodes() {
    }
}
