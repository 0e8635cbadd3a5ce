package dev.orchestra.storage.safety;

import dev.orchestra.storage.error.StorageOperationException;

/** A document could not be copied to the trash, so it was not deleted. */
public class TrashCopyException extends StorageOperationException {
    public TrashCopyException(String message, Throwable cause) {
        super(message, cause);
    }
}
