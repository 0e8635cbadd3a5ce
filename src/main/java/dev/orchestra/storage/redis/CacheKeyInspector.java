package dev.orchestra.storage.redis;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import redis.clients.jedis.UnifiedJedis;

/**
 * Reads one key for display with read-only commands only (TYPE, PTTL, STRLEN, GETRANGE, LLEN, LRANGE, HLEN,
 * HGETALL), each bounded: large values are measured, not loaded. Foreign values are never decoded.
 */
final class CacheKeyInspector {
    /** More list elements or hash fields than this are not read (our lists hold the header and ~50 items). */
    static final int MAX_ELEMENTS = 1000;
    private static final JsonWriterSettings PRETTY = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED)
            .indent(true).build();
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    private final UnifiedJedis jedis;

    CacheKeyInspector(UnifiedJedis jedis) {
        this.jedis = jedis;
    }

    CacheKeyView inspect(String key, boolean invalidationPending) {
        byte[] name = key.getBytes(StandardCharsets.UTF_8);
        String type = jedis.type(name);
        if ("none".equals(type)) {
            return CacheKeyView.absent(key, invalidationPending);
        }
        long ttl = jedis.pttl(name);
        return switch (type) {
            case "string" -> {
                long size = jedis.strlen(name);
                byte[] head = jedis.getrange(name, 0, CacheKeyView.PREVIEW_BYTES - 1);
                yield foreign(key, type, ttl, size, 1, true, head, invalidationPending);
            }
            case "list" -> list(key, name, ttl, invalidationPending);
            case "hash" -> hash(key, name, ttl, invalidationPending);
            default -> foreign(key, type, ttl, -1, -1, false, null, invalidationPending);
        };
    }

    private CacheKeyView list(String key, byte[] name, long ttl, boolean pending) {
        long length = jedis.llen(name);
        if (length > MAX_ELEMENTS) {
            List<byte[]> first = jedis.lrange(name, 0, 0);
            return foreign(key, "list", ttl, first.isEmpty() ? -1 : first.get(0).length, length, false,
                    first.isEmpty() ? null : first.get(0), pending);
        }
        List<byte[]> raw = jedis.lrange(name, 0, -1);
        long size = raw.stream().mapToLong(b -> b.length).sum();
        Optional<CachedList> ours = CachedValueFormat.decodeList(raw);
        if (ours.isPresent()) {
            StringBuilder json = new StringBuilder("[\n").append(ours.get().header().toJson(PRETTY));
            ours.get().elements().forEach(e -> json.append(",\n").append(e.toJson(PRETTY)));
            return ours(key, "list", ttl, size, raw.size(), json.append("\n]").toString(), pending);
        }
        return foreign(key, "list", ttl, size, raw.size(), true, raw.isEmpty() ? null : raw.get(0), pending);
    }

    private CacheKeyView hash(String key, byte[] name, long ttl, boolean pending) {
        long fields = jedis.hlen(name);
        if (fields > MAX_ELEMENTS) {
            return foreign(key, "hash", ttl, -1, fields, false, null, pending);
        }
        Map<byte[], byte[]> raw = jedis.hgetAll(name);
        long size = raw.entrySet().stream().mapToLong(e -> e.getKey().length + e.getValue().length).sum();
        Optional<BsonDocument> ours = CachedValueFormat.decodeHash(raw);
        if (ours.isPresent()) {
            return ours(key, "hash", ttl, size, raw.size(), ours.get().toJson(PRETTY), pending);
        }
        byte[] firstValue = raw.values().stream().findFirst().orElse(null);
        return foreign(key, "hash", ttl, size, raw.size(), true, firstValue, pending);
    }

    private static CacheKeyView ours(String key, String type, long ttl, long size, long elements, String json,
                                     boolean pending) {
        return new CacheKeyView(key, CacheKeyView.Kind.OURS, type, ttl, size, elements, true, json, null, pending);
    }

    private static CacheKeyView foreign(String key, String type, long ttl, long size, long elements,
                                        boolean complete, byte[] head, boolean pending) {
        return new CacheKeyView(key, CacheKeyView.Kind.FOREIGN, type, ttl, size, elements, complete, null,
                head == null ? null : hex(head), pending);
    }

    static String hex(byte[] bytes) {
        int n = Math.min(bytes.length, CacheKeyView.PREVIEW_BYTES);
        return HEX.formatHex(bytes, 0, n);
    }
}
