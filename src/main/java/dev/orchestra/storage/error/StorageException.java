package dev.orchestra.storage.error;

/** Base of every error the storage library throws. Messages never contain passwords or credentialed URIs. */
public class StorageException extends RuntimeException {
    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
