package dev.orchestra.storage.redis.keys;

import dev.orchestra.storage.error.StorageValidationException;
import java.util.List;
import java.util.Locale;

/**
 * What the key browser lists: a Redis glob ({@code MATCH}) and, optionally, one type.
 *
 * @param pattern a SCAN {@code MATCH} glob, e.g. {@code orchestra:history:*}
 * @param type    one of {@link #TYPES}, or null for every type
 */
public record KeyQuery(String pattern, String type) {
    /** The types the browser knows how to show. */
    public static final List<String> TYPES = List.of("string", "list", "hash", "set", "zset", "stream");
    static final int MAX_PATTERN_CHARS = 1000;

    public KeyQuery {
        if (pattern == null || pattern.isBlank()) {
            throw new StorageValidationException("The key pattern is empty; use * for every key.");
        }
        if (pattern.length() > MAX_PATTERN_CHARS) {
            throw new StorageValidationException("The key pattern is longer than " + MAX_PATTERN_CHARS
                    + " characters.");
        }
        if (type != null && type.isBlank()) {
            type = null;
        }
        if (type != null) {
            type = type.toLowerCase(Locale.ROOT);
            if (!TYPES.contains(type)) {
                throw new StorageValidationException("Unknown Redis type '" + type + "'; one of " + TYPES + ".");
            }
        }
    }

    public boolean matchesType(String keyType) {
        return type == null || type.equals(keyType);
    }
}
