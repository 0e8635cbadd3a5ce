package dev.orchestra.storage.coherence;

import dev.orchestra.storage.redis.CacheKeys;
import dev.orchestra.storage.redis.RedisCache;
import dev.orchestra.storage.redis.RedisDeployment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The keys starting with a literal prefix, by {@code SCAN MATCH prefix* COUNT n} on every master in turn, one step
 * at a time as the caller takes them (never {@code KEYS}). SCAN may return a key twice; the caller's counts allow it.
 */
final class KeyScan {
    private static final byte[] START = "0".getBytes(StandardCharsets.UTF_8);

    private final RedisDeployment deployment;
    private final int count;
    private long steps;

    KeyScan(RedisCache cache, int count) {
        this.deployment = cache.deployment();
        this.count = count;
    }

    long steps() {
        return steps;
    }

    Iterator<String> startingWith(String literalPrefix) {
        ScanParams params = new ScanParams().match(CacheKeys.globStartingWith(literalPrefix)).count(count);
        List<String> masters = deployment.masters();
        return new Iterator<>() {
            private final Deque<String> ready = new ArrayDeque<>();
            private int master;
            private byte[] cursor = START;
            private boolean masterDone;

            @Override
            public boolean hasNext() {
                while (ready.isEmpty() && master < masters.size()) {
                    if (masterDone) {
                        master++;
                        cursor = START;
                        masterDone = false;
                        continue;
                    }
                    ScanResult<byte[]> page = deployment.scan(masters.get(master), cursor, params);
                    steps++;
                    page.getResult().forEach(k -> ready.add(new String(k, StandardCharsets.UTF_8)));
                    cursor = page.getCursorAsBytes();
                    masterDone = Arrays.equals(cursor, START);
                }
                return !ready.isEmpty();
            }

            @Override
            public String next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return ready.poll();
            }
        };
    }
}
