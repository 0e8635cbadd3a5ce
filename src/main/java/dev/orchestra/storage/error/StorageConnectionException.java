package dev.orchestra.storage.error;

/** A server could not be reached or did not answer within its timeout. */
public class StorageConnectionException extends StorageException {
    public StorageConnectionException(String message) {
        super(message);
    }

    public StorageConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
