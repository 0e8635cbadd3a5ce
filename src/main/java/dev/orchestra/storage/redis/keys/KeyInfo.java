package dev.orchestra.storage.redis.keys;

/**
 * One key as the browser lists it.
 *
 * @param type        {@code string}, {@code list}, {@code hash}, {@code set}, {@code zset}, {@code stream}, …
 * @param ttlMillis   remaining time to live; -1 when the key never expires
 * @param memoryBytes {@code MEMORY USAGE}, or -1 when the server did not say (e.g. the ACL forbids it)
 * @param encoding    {@code OBJECT ENCODING} ({@code listpack}, {@code embstr}, …), or null when unknown
 * @param length      elements (string: bytes), or -1 when not read
 * @param node        the master holding it ({@code host:port})
 */
public record KeyInfo(RedisKeyName name, String type, long ttlMillis, long memoryBytes, String encoding,
                      long length, String node) {

    /** The same key with its length. */
    public KeyInfo withLength(long elements) {
        return new KeyInfo(name, type, ttlMillis, memoryBytes, encoding, elements, node);
    }
}
