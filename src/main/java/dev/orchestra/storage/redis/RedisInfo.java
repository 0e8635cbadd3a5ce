package dev.orchestra.storage.redis;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the text of Redis's INFO command. */
final class RedisInfo {
    private RedisInfo() {
    }

    static Map<String, String> parse(String info) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : info.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (!line.startsWith("#") && colon > 0) {
                values.put(line.substring(0, colon), line.substring(colon + 1).strip());
            }
        }
        return values;
    }

    /** The facts a monitoring view shows: version, memory, clients, keyspace hits and misses and their ratio. */
    static Map<String, Object> summary(String info) {
        Map<String, String> values = parse(info);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("redis_version", values.getOrDefault("redis_version", "unknown"));
        summary.put("used_memory_human", values.getOrDefault("used_memory_human", "unknown"));
        long hits = asLong(values.get("keyspace_hits"));
        long misses = asLong(values.get("keyspace_misses"));
        summary.put("connected_clients", asLong(values.get("connected_clients")));
        summary.put("keyspace_hits", hits);
        summary.put("keyspace_misses", misses);
        summary.put("hit_ratio", hits + misses == 0 ? 0.0 : (double) hits / (hits + misses));
        return summary;
    }

    private static long asLong(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
