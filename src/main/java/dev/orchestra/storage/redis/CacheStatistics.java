package dev.orchestra.storage.redis;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** This process's cache counters (thread-safe). */
public final class CacheStatistics {
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder foreignValues = new LongAdder();
    private final LongAdder bypasses = new LongAdder();

    /** A read answered from Redis. */
    public void recordHit() {
        hits.increment();
    }

    /** A read that went to the source of truth although Redis was asked (absent, foreign, or too short). */
    public void recordMiss() {
        misses.increment();
    }

    void recordError() {
        errors.increment();
    }

    void recordForeign() {
        foreignValues.increment();
    }

    /** A read that did not ask Redis: Redis believed down, or an invalidation of that key still pending. */
    void recordBypass() {
        bypasses.increment();
    }

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }

    public long errors() {
        return errors.sum();
    }

    public long foreignValues() {
        return foreignValues.sum();
    }

    public long bypasses() {
        return bypasses.sum();
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("hits", hits());
        map.put("misses", misses());
        map.put("errors", errors());
        map.put("foreign_values", foreignValues());
        map.put("bypassed", bypasses());
        return map;
    }
}
