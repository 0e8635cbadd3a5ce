package dev.orchestra.storage.transfer;

/**
 * Told regularly during an export or import, on the thread doing the work (a GUI must hand it to its own thread).
 * Returning false cancels: the transfer stops at the next batch boundary and reports itself as cancelled.
 */
@FunctionalInterface
public interface TransferProgress {
    TransferProgress NONE = (phase, done, total) -> true;

    /**
     * @param total -1 when unknown
     * @return whether to continue
     */
    boolean onProgress(TransferPhase phase, long done, long total);
}
