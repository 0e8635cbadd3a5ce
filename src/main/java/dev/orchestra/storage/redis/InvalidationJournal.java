package dev.orchestra.storage.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Invalidations that have not reached Redis yet: single keys, and key prefixes (every key starting with them).
 * Until an entry is drained, reads of the keys it covers bypass the cache, so nothing stale is served after an
 * outage. Entries carry a generation, so that a failure recorded while a drain is deleting the same key is not lost.
 * Lives in this process only.
 */
public final class InvalidationJournal {

    /**
     * Deletes keys in Redis. A key (or prefix) whose server is down is left for a later drain, without stopping the
     * others: on a cluster one master down must not hold back the keys of the rest.
     */
    public interface KeyDeleter {
        /** @return false when the key could not be deleted now */
        boolean delete(String key);

        /**
         * One bounded SCAN step that deletes the matches; returns the next cursor, {@code "0"} when complete, null
         * when it could not proceed now.
         */
        String deleteStartingWith(String literalPrefix, String cursor);
    }

    private record PrefixScan(long generation, String cursor) {
    }

    private static final String SCAN_START = "0";

    private final ConcurrentHashMap<String, Long> keys = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, PrefixScan> prefixes = new ConcurrentHashMap<>();
    private final AtomicLong generations = new AtomicLong();
    private final int maxKeys;
    private final List<String> overflowPrefixes;

    /**
     * @param maxKeys          how many single keys to remember; beyond that the journal covers
     *                         {@code overflowPrefixes} instead (bypass everything, delete by SCAN on recovery)
     * @param overflowPrefixes the namespaces that hold every key this journal may be given
     */
    public InvalidationJournal(int maxKeys, List<String> overflowPrefixes) {
        this.maxKeys = maxKeys;
        this.overflowPrefixes = List.copyOf(overflowPrefixes);
    }

    public void addKey(String key) {
        if (keys.size() >= maxKeys && !keys.containsKey(key)) {
            overflowPrefixes.forEach(this::addPrefix);
            keys.clear();
            return;
        }
        keys.put(key, generations.incrementAndGet());
    }

    /** Remembers that every key starting with {@code literalPrefix} must go; restarts its scan from the beginning. */
    public void addPrefix(String literalPrefix) {
        prefixes.put(literalPrefix, new PrefixScan(generations.incrementAndGet(), SCAN_START));
    }

    /** Remembers a prefix whose deletion got as far as {@code cursor} (a SCAN cut short by its bound). */
    void continuePrefix(String literalPrefix, String cursor) {
        prefixes.put(literalPrefix, new PrefixScan(generations.incrementAndGet(), cursor));
    }

    /** Whether a read of {@code key} must not be served from (or filled into) the cache. */
    public boolean covers(String key) {
        if (keys.containsKey(key)) {
            return true;
        }
        for (String prefix : prefixes.keySet()) {
            if (key.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return keys.isEmpty() && prefixes.isEmpty();
    }

    /** The pending keys, then the pending prefixes as {@code prefix*}. */
    public List<String> names() {
        List<String> names = new ArrayList<>(keys.keySet());
        prefixes.keySet().forEach(prefix -> names.add(prefix + "*"));
        return names;
    }

    /** Pending single keys plus pending prefixes. */
    public int size() {
        return keys.size() + prefixes.size();
    }

    /**
     * Deletes what is pending. Each prefix gets at most {@code maxScanSteps} SCAN steps, then keeps its cursor for
     * the next drain. What the deleter could not delete now stays.
     *
     * @return true when the journal is empty afterwards
     */
    public boolean drain(KeyDeleter deleter, int maxScanSteps) {
        for (Map.Entry<String, Long> entry : List.copyOf(keys.entrySet())) {
            if (deleter.delete(entry.getKey())) {
                keys.remove(entry.getKey(), entry.getValue());
            }
        }
        for (Map.Entry<String, PrefixScan> entry : List.copyOf(prefixes.entrySet())) {
            String prefix = entry.getKey();
            long generation = entry.getValue().generation();
            String cursor = entry.getValue().cursor();
            boolean done = false;
            for (int steps = 0; steps < maxScanSteps && !done; steps++) {
                String next = deleter.deleteStartingWith(prefix, cursor);
                if (next == null) {
                    break;
                }
                cursor = next;
                done = SCAN_START.equals(next);
            }
            String reached = cursor;
            boolean complete = done;
            prefixes.computeIfPresent(prefix, (p, scan) -> scan.generation() != generation ? scan
                    : complete ? null : new PrefixScan(generation, reached));
        }
        return isEmpty();
    }
}
