package dev.orchestra.storage.transfer;

/**
 * The store failed in the middle of an import's writing (a stall, a cut connection). The message says exactly how
 * many documents are stored, which lines are in doubt if that could not be checked, and how to resume; every
 * document that may have been written is covered by an audit entry ({@code import_started} before each batch).
 */
public class ImportInterruptedException extends TransferException {
    private final long written;
    private final boolean exact;

    public ImportInterruptedException(String message, long written, boolean exact, Throwable cause) {
        super(message, cause);
        this.written = written;
        this.exact = exact;
    }

    /** Documents of the file known to be stored (those of the failed batch included when they could be checked). */
    public long written() {
        return written;
    }

    /** Whether {@link #written()} is exact; false when the failed batch could not be checked (the store is down). */
    public boolean exact() {
        return exact;
    }
}
