package dev.orchestra.storage.redis.keys;

import java.util.List;

/**
 * A page of a key's value: a bounded read (LRANGE, HSCAN, SSCAN, ZRANGE, XRANGE, GETRANGE), never the whole of a
 * large value at once.
 *
 * @param length   elements in the value (string: bytes); -1 when the type is not shown
 * @param next     where the next page starts (pass it back to {@link RedisKeys#readValue}); null after the last
 * @param note     why nothing is shown (a type the browser does not read, a key that is gone); null otherwise
 */
public record ValuePage(String type, long length, List<ValueElement> elements, String next, String note) {
    public ValuePage {
        elements = List.copyOf(elements);
    }

    public boolean hasMore() {
        return next != null;
    }
}
