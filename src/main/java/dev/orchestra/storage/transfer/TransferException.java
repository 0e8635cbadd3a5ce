package dev.orchestra.storage.transfer;

import dev.orchestra.storage.error.StorageException;

/** An export or import file could not be read or written; the message names the file and the reason. */
public class TransferException extends StorageException {
    public TransferException(String message) {
        super(message);
    }

    public TransferException(String message, Throwable cause) {
        super(message, cause);
    }
}
