package dev.orchestra.storage.error;

/** A write was attempted while the store is opened read-only. */
public class ReadOnlyViolationException extends StorageException {
    public ReadOnlyViolationException(String operation) {
        super("The store is read-only: '" + operation + "' was refused. Unlock writes deliberately to change data.");
    }
}
