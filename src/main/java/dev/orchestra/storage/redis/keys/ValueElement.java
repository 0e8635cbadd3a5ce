package dev.orchestra.storage.redis.keys;

/**
 * One element of a value.
 *
 * @param position where it is: a list index, a stream entry id, a byte range of a long string; null for a whole
 *                 string and for hash, set and sorted-set elements
 * @param name     what it is called: a hash field, a sorted-set score; null otherwise
 * @param value    the element's bytes, classified
 */
public record ValueElement(String position, String name, ValueContent value) {
}
