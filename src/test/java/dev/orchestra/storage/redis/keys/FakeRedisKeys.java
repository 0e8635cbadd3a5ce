package dev.orchestra.storage.redis.keys;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * {@link RedisKeys} in memory for ViewModel unit tests (no server): SCAN visits {@link #STEP} keys per call in
 * insertion order on one pretend master; patterns are a literal prefix followed by {@code *}. Counts SCAN calls.
 */
public final class FakeRedisKeys implements RedisKeys {
    public static final int STEP = 50;
    static final String MASTER = "127.0.0.1:7000";

    private final Map<RedisKeyName, KeyInfo> keys = new LinkedHashMap<>();
    private final Map<RedisKeyName, List<ValueElement>> values = new LinkedHashMap<>();
    private int scanCalls;

    /** Adds a key whose value is {@code elements} (a string: one element). */
    public FakeRedisKeys put(String name, String type, long ttlMillis, List<ValueContent> elements) {
        RedisKeyName key = RedisKeyName.of(name);
        keys.put(key, new KeyInfo(key, type, ttlMillis, 100L * elements.size(), "listpack", -1, MASTER));
        List<ValueElement> list = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            list.add(new ValueElement("string".equals(type) ? null : Integer.toString(i), null, elements.get(i)));
        }
        values.put(key, list);
        return this;
    }

    public boolean exists(String name) {
        return keys.containsKey(RedisKeyName.of(name));
    }

    public long ttl(String name) {
        return keys.get(RedisKeyName.of(name)).ttlMillis();
    }

    public int scanCalls() {
        return scanCalls;
    }

    @Override
    public String shape() {
        return "standalone";
    }

    @Override
    public String defaultPattern() {
        return "app:*";
    }

    @Override
    public KeyScanPage scan(KeyQuery query, KeyScanCursor from, int wanted, BooleanSupplier stop) {
        KeyScanCursor position = from.started() ? from : KeyScanCursor.over(List.of(MASTER));
        String prefix = query.pattern().substring(0, query.pattern().length() - 1);
        List<KeyInfo> all = new ArrayList<>(keys.values());
        List<KeyInfo> found = new ArrayList<>();
        int calls = 0;
        while (!position.finished() && found.size() < wanted && !stop.getAsBoolean()) {
            int start = Integer.parseInt(position.cursor());
            int end = Math.min(all.size(), start + STEP);
            all.subList(start, end).stream().filter(k -> k.name().text().startsWith(prefix))
                    .filter(k -> query.matchesType(k.type())).forEach(found::add);
            calls++;
            scanCalls++;
            position = position.after(end >= all.size() ? "0" : Integer.toString(end), all.size());
        }
        Map<String, Long> sizes = Map.of(MASTER, (long) all.size());
        return new KeyScanPage(found, position, position.scanned(STEP, sizes), all.size(), calls);
    }

    @Override
    public Optional<KeyInfo> describe(RedisKeyName key) {
        return Optional.ofNullable(keys.get(key)).map(k -> k.withLength(values.get(key).size()));
    }

    @Override
    public ValuePage readValue(RedisKeyName key, String type, String from, int count) {
        List<ValueElement> all = values.getOrDefault(key, List.of());
        int start = from == null ? 0 : Integer.parseInt(from);
        int end = Math.min(all.size(), start + count);
        return new ValuePage(type, all.size(), all.subList(start, end), end < all.size() ? Integer.toString(end) : null,
                null);
    }

    @Override
    public byte[] dump(RedisKeyName key) {
        return keys.containsKey(key) ? new byte[] {1, 2, 3} : null;
    }

    @Override
    public boolean delete(RedisKeyName key) {
        values.remove(key);
        return keys.remove(key) != null;
    }

    @Override
    public boolean expire(RedisKeyName key, Duration ttl) {
        return change(key, ttl.toMillis());
    }

    @Override
    public boolean persist(RedisKeyName key) {
        return change(key, -1);
    }

    private boolean change(RedisKeyName key, long ttl) {
        KeyInfo k = keys.get(key);
        if (k == null) {
            return false;
        }
        keys.put(key, new KeyInfo(key, k.type(), ttl, k.memoryBytes(), k.encoding(), k.length(), k.node()));
        return true;
    }
}
