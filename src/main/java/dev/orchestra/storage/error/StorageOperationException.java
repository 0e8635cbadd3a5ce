package dev.orchestra.storage.error;

/** The server answered but refused or failed the operation. */
public class StorageOperationException extends StorageException {
    public StorageOperationException(String message) {
        super(message);
    }

    public StorageOperationException(String message, Throwable cause) {
        super(message, cause);
    }
}
