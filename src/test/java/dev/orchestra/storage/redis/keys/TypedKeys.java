package dev.orchestra.storage.redis.keys;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;

/** One key of every type the browser shows, under a prefix, each with enough elements to need several pages. */
final class TypedKeys {
    /** A Python pickle's first bytes: not UTF-8, so shown as binary. */
    static final byte[] PICKLE = {(byte) 0x80, 0x04, (byte) 0x95, 0x10, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
            (byte) 0x8c, 0x05, 'h', 'e', 'l', 'l', 'o', (byte) 0x94, '.'};
    static final String OURS_JSON = "{\"format\": \"orchestra-ejson/1\", \"complete\": true, "
            + "\"at\": {\"$date\": {\"$numberLong\": \"1700000000000\"}}}";
    static final int ELEMENTS = 250;
    static final int LARGE_STRING_BYTES = 150_000;

    private TypedKeys() {
    }

    static List<String> names(String prefix) {
        return List.of(prefix + "json", prefix + "text", prefix + "pickle", prefix + "large", prefix + "list",
                prefix + "hash", prefix + "set", prefix + "zset", prefix + "stream");
    }

    static void write(UnifiedJedis redis, String prefix) {
        redis.set(prefix + "json", OURS_JSON);
        redis.set(prefix + "text", "hello, world");
        redis.set((prefix + "pickle").getBytes(StandardCharsets.UTF_8), PICKLE);
        redis.set(prefix + "large", "x".repeat(LARGE_STRING_BYTES));
        Map<String, String> fields = new HashMap<>();
        Map<String, Double> scores = new HashMap<>();
        for (int i = 0; i < ELEMENTS; i++) {
            redis.rpush(prefix + "list", "{\"n\": " + i + "}");
            fields.put("field-" + i, "value-" + i);
            redis.sadd(prefix + "set", "member-" + i);
            scores.put("m-" + i, i * 1.5);
            redis.xadd(prefix + "stream", StreamEntryID.NEW_ENTRY, Map.of("n", "" + i));
        }
        redis.hset(prefix + "hash", fields);
        redis.zadd(prefix + "zset", scores);
    }
}
