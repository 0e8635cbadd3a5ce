package dev.orchestra.inspector.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Picks the figures worth a card out of {@code serverStatistics()} (versions, connections, operation counters,
 * Redis memory/clients/hit ratio, the inspector's cache hits and misses), whatever nesting the backend used.
 */
public final class StatisticsSummary {
    private StatisticsSummary() {
    }

    /** One headline figure. */
    public record Card(String title, String value, String detail) {
    }

    public static List<Card> cards(Map<String, Object> statistics) {
        Map<String, Object> mongo = section(statistics, "storage_mongodb");
        Map<String, Object> redis = section(statistics, "storage_redis");
        Map<String, Object> cache = section(statistics, "cache");
        Map<String, Object> m = flatten(mongo);
        Map<String, Object> r = flatten(redis);
        Map<String, Object> c = flatten(cache);
        List<Card> cards = new ArrayList<>();
        if (!mongo.isEmpty()) {
            cards.add(new Card("MongoDB", text(find(m, "version", "server_version"), "—"),
                    mongo.containsKey("error") ? "error: " + mongo.get("error") : text(find(m, "backend", "host"), "")));
            Object connections = find(m, "connections.current", "current");
            if (connections != null) {
                Object available = find(m, "connections.available", "available");
                cards.add(new Card("Connections", text(connections, "—"),
                        available == null ? "current client connections" : "available " + available));
            }
            String ops = opcounters(m);
            if (!ops.isEmpty()) {
                cards.add(new Card("Operations", text(find(m, "opcounters.query", "query"), "0") + " queries", ops));
            }
        }
        if (!redis.isEmpty()) {
            cards.add(new Card("Redis", text(find(r, "redis_version", "version", "server_version"), "—"),
                    redis.containsKey("error") ? "error: " + redis.get("error")
                            : "memory " + text(find(r, "used_memory_human", "used_memory"), "—")
                            + " · clients " + text(find(r, "connected_clients", "clients"), "—")));
            String ratio = ratio(find(r, "keyspace_hits"), find(r, "keyspace_misses"));
            if (ratio != null) {
                cards.add(new Card("Keyspace hit ratio", ratio, "hits " + text(find(r, "keyspace_hits"), "0")
                        + " · misses " + text(find(r, "keyspace_misses"), "0")));
            }
        }
        Object hits = find(c, "hits", "cache_hits");
        Object misses = find(c, "misses", "cache_misses");
        if (hits != null || misses != null) {
            String ratio = ratio(hits, misses);
            cards.add(new Card("Inspector cache", ratio == null || "—".equals(ratio) ? "no reads yet" : ratio + " hits",
                    "hits " + text(hits, "0") + " · misses " + text(misses, "0")
                            + foreign(find(c, "foreign_values"))));
        }
        return cards;
    }

    /** Cached values written by other services in their own format (e.g. pickles): left alone, counted. */
    private static String foreign(Object count) {
        return count instanceof Number n && n.longValue() > 0 ? " · non-JSON values skipped " + n : "";
    }

    private static String opcounters(Map<String, Object> m) {
        StringBuilder sb = new StringBuilder();
        for (String op : new String[] {"insert", "update", "delete", "getmore", "command"}) {
            Object v = find(m, "opcounters." + op);
            if (v != null) {
                sb.append(sb.length() == 0 ? "" : " · ").append(op).append(' ').append(v);
            }
        }
        return sb.toString();
    }

    private static String ratio(Object hits, Object misses) {
        if (!(hits instanceof Number h) || !(misses instanceof Number mi)) {
            return null;
        }
        double total = h.doubleValue() + mi.doubleValue();
        return total == 0 ? "—" : String.format(Locale.ROOT, "%.1f %%", 100 * h.doubleValue() / total);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> statistics, String key) {
        Object v = statistics.get(key);
        return v instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** "a.b.c" → value for every leaf. */
    public static Map<String, Object> flatten(Map<String, Object> map) {
        Map<String, Object> flat = new LinkedHashMap<>();
        flattenInto("", map, flat);
        return flat;
    }

    private static void flattenInto(String prefix, Map<?, ?> map, Map<String, Object> flat) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = prefix.isEmpty() ? String.valueOf(e.getKey()) : prefix + "." + e.getKey();
            if (e.getValue() instanceof Map<?, ?> nested) {
                flattenInto(key, nested, flat);
            } else {
                flat.put(key, e.getValue());
            }
        }
    }

    /** The first value whose path equals, or ends with ".", one of the names. */
    private static Object find(Map<String, Object> flat, String... names) {
        for (String name : names) {
            if (flat.containsKey(name)) {
                return flat.get(name);
            }
            for (Map.Entry<String, Object> e : flat.entrySet()) {
                if (e.getKey().endsWith("." + name)) {
                    return e.getValue();
                }
            }
        }
        return null;
    }

    private static String text(Object v, String fallback) {
        return v == null ? fallback : String.valueOf(v);
    }
}
