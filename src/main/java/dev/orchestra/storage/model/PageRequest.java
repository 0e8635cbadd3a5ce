package dev.orchestra.storage.model;

import dev.orchestra.storage.error.StorageValidationException;

/**
 * @param size  rows per page, 1..1000
 * @param after null for the first page
 */
public record PageRequest(int size, PageCursor after) {
    public static final int MAX_SIZE = 1000;

    public PageRequest {
        if (size < 1 || size > MAX_SIZE) {
            throw new StorageValidationException("Page size must be between 1 and " + MAX_SIZE + ", was " + size);
        }
    }

    public static PageRequest first(int size) {
        return new PageRequest(size, null);
    }
}
