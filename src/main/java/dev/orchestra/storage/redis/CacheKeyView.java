package dev.orchestra.storage.redis;

/**
 * One Redis key as it is, for people looking at the cache (read-only; nothing here changes the key or its TTL).
 *
 * @param type       Redis type: {@code string}, {@code list}, {@code hash}, … or {@code none} when absent
 * @param ttlMillis  remaining time to live; -1 when the key never expires, -2 when it is absent
 * @param sizeBytes  bytes of the value (list elements, hash fields and values together); -1 when unknown
 * @param elements   list elements or hash fields (1 for a string)
 * @param complete   false when the value was too large to read whole (then {@code sizeBytes} is a lower bound)
 * @param json       our values only: the decoded JSON, pretty-printed; null otherwise
 * @param hexPreview foreign values: the first bytes in hex (never decoded); null otherwise
 * @param invalidationPending a deletion of this key is waiting for Redis (reads bypass the key meanwhile)
 * @param node       the master holding the key ({@code host:port}; on a cluster the owner of its slot), or null
 */
public record CacheKeyView(
        String key,
        Kind kind,
        String type,
        long ttlMillis,
        long sizeBytes,
        long elements,
        boolean complete,
        String json,
        String hexPreview,
        boolean invalidationPending,
        String node) {

    public enum Kind {
        /** No such key. */
        ABSENT,
        /** Our JSON format, decoded. */
        OURS,
        /** Anything else (e.g. another service's pickle): shown as bytes only. */
        FOREIGN
    }

    public CacheKeyView(String key, Kind kind, String type, long ttlMillis, long sizeBytes, long elements,
                        boolean complete, String json, String hexPreview, boolean invalidationPending) {
        this(key, kind, type, ttlMillis, sizeBytes, elements, complete, json, hexPreview, invalidationPending, null);
    }

    /** The same view, saying which master holds the key. */
    public CacheKeyView onNode(String master) {
        return new CacheKeyView(key, kind, type, ttlMillis, sizeBytes, elements, complete, json, hexPreview,
                invalidationPending, master);
    }

    /** Bytes shown in {@link #hexPreview}. */
    public static final int PREVIEW_BYTES = 48;

    public static CacheKeyView absent(String key, boolean invalidationPending) {
        return new CacheKeyView(key, Kind.ABSENT, "none", -2, 0, 0, true, null, null, invalidationPending);
    }
}
