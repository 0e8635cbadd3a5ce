package dev.orchestra.storage.redis;

import java.util.LinkedHashMap;
import java.util.List;
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

    /**
     * The facts a monitoring view shows: version, memory, clients, keyspace hits and misses and their ratio; with
     * several masters (a cluster) the counts are summed and the memory of each is listed.
     */
    static Map<String, Object> summary(List<String> infos) {
        List<Map<String, String>> all = infos.stream().map(RedisInfo::parse).toList();
        Map<String, String> first = all.isEmpty() ? Map.of() : all.get(0);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("redis_version", first.getOrDefault("redis_version", "unknown"));
        summary.put("used_memory_human", String.join(" + ", all.stream()
                .map(v -> v.getOrDefault("used_memory_human", "unknown")).toList()));
        long hits = sum(all, "keyspace_hits");
        long misses = sum(all, "keyspace_misses");
        summary.put("connected_clients", sum(all, "connected_clients"));
        summary.put("keyspace_hits", hits);
        summary.put("keyspace_misses", misses);
        summary.put("hit_ratio", hits + misses == 0 ? 0.0 : (double) hits / (hits + misses));
        return summary;
    }

    private static long sum(List<Map<String, String>> all, String name) {
        return all.stream().mapToLong(values -> asLong(values.get(name))).sum();
    }

    private static long asLong(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
