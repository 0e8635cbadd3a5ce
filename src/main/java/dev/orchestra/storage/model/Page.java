package dev.orchestra.storage.model;

import java.util.List;

/**
 * One page of a keyset-paged query.
 *
 * @param next    the cursor for the following page; null when {@code hasMore} is false
 */
public record Page<T>(List<T> items, PageCursor next, boolean hasMore) {
    public Page {
        items = List.copyOf(items);
    }

    public static <T> Page<T> empty() {
        return new Page<>(List.of(), null, false);
    }
}
