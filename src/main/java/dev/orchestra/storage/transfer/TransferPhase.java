package dev.orchestra.storage.transfer;

/** What a transfer is doing, and in which unit its progress counts. */
public enum TransferPhase {
    /** Documents written to the output; total is the (possibly estimated) count of matching documents. */
    EXPORTING("Exporting", false),
    /** Bytes of the import file checked; total is the file size. */
    VALIDATING("Validating", true),
    /** Valid documents written to the store; total is the number of valid lines. */
    WRITING("Writing", false);

    private final String label;
    private final boolean countsBytes;

    TransferPhase(String label, boolean countsBytes) {
        this.label = label;
        this.countsBytes = countsBytes;
    }

    public String label() {
        return label;
    }

    public boolean countsBytes() {
        return countsBytes;
    }
}
