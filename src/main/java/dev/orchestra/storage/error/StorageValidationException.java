package dev.orchestra.storage.error;

/** Input was rejected before anything was written. The message says which field or operator and why. */
public class StorageValidationException extends StorageException {
    public StorageValidationException(String message) {
        super(message);
    }
}
