package dev.orchestra.storage.redis.keys;

import dev.orchestra.storage.error.StorageConnectionException;
import dev.orchestra.storage.error.StorageOperationException;
import dev.orchestra.storage.redis.CacheKeys;
import dev.orchestra.storage.redis.RedisCache;
import dev.orchestra.storage.redis.RedisDeployment;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * {@link RedisKeys} on the cache's {@link RedisDeployment}: SCAN runs on each master in turn (one node, the
 * Sentinel-elected master, or every master of a cluster), the per-key facts of a whole SCAN step are read in one
 * pipeline (Jedis's own pipeline routes each key to its master), and values are read in pages by
 * {@link ValueReader}. Holds no state between calls: the position is the caller's {@link KeyScanCursor}.
 */
public final class KeyBrowser implements RedisKeys {
    /** Keys each SCAN step asks a master to visit. */
    static final int SCAN_COUNT = 500;
    /** SCAN steps one call may make (a selective pattern on a large keyspace stops here and says how far it got). */
    static final int MAX_STEPS_PER_CALL = 200;
    private static final Pattern DB0_KEYS = Pattern.compile("(?m)^db0:keys=(\\d+)");

    private final RedisCache cache;

    public KeyBrowser(RedisCache cache) {
        this.cache = cache;
    }

    @Override
    public String shape() {
        return call(RedisDeployment::shape);
    }

    @Override
    public String defaultPattern() {
        return CacheKeys.globStartingWith(cache.keys().prefix());
    }

    @Override
    public KeyScanPage scan(KeyQuery query, KeyScanCursor from, int wanted, BooleanSupplier stop) {
        return call(deployment -> {
            KeyScanCursor position = from.started() ? from : KeyScanCursor.over(deployment.masters());
            Map<String, Long> sizes = sizes(deployment, position.masters());
            ScanParams params = new ScanParams().match(query.pattern().getBytes(StandardCharsets.UTF_8))
                    .count(SCAN_COUNT);
            List<KeyInfo> found = new ArrayList<>();
            int calls = 0;
            while (!position.finished() && found.size() < wanted && calls < MAX_STEPS_PER_CALL
                    && !stop.getAsBoolean()) {
                String master = position.master();
                ScanResult<byte[]> step = deployment.scan(master,
                        position.cursor().getBytes(StandardCharsets.US_ASCII), params);
                calls++;
                found.addAll(describeAll(deployment.client(), master, step.getResult(), query));
                position = position.after(step.getCursor(), sizes.getOrDefault(master, 0L));
            }
            long total = sizes.values().stream().mapToLong(Long::longValue).sum();
            return new KeyScanPage(found, position, position.scanned(SCAN_COUNT, sizes), total, calls);
        });
    }

    @Override
    public Optional<KeyInfo> describe(RedisKeyName key) {
        return call(deployment -> {
            String node = deployment.nodeOf(key.text());
            List<KeyInfo> described = describeAll(deployment.client(), node, List.of(key.bytes()),
                    new KeyQuery("*", null));
            return described.stream().findFirst()
                    .map(info -> info.withLength(new ValueReader(deployment.client()).length(key, info.type())));
        });
    }

    @Override
    public ValuePage readValue(RedisKeyName key, String type, String from, int count) {
        return call(deployment -> new ValueReader(deployment.client()).read(key, type, from, count));
    }

    @Override
    public byte[] dump(RedisKeyName key) {
        return call(deployment -> deployment.client().dump(key.bytes()));
    }

    @Override
    public boolean delete(RedisKeyName key) {
        return call(deployment -> deployment.client().unlink(key.bytes()) == 1);
    }

    @Override
    public boolean expire(RedisKeyName key, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("A time to live must be positive; delete the key instead");
        }
        return call(deployment -> deployment.client().pexpire(key.bytes(), ttl.toMillis()) == 1);
    }

    @Override
    public boolean persist(RedisKeyName key) {
        return call(deployment -> deployment.client().persist(key.bytes()) == 1);
    }

    /**
     * TYPE, PTTL, MEMORY USAGE and OBJECT ENCODING of every key, in one pipeline; with a type filter the TYPEs go
     * first so the others are asked only of the keys that match. Keys gone meanwhile are left out.
     */
    private static List<KeyInfo> describeAll(UnifiedJedis client, String node, List<byte[]> names, KeyQuery query) {
        if (names.isEmpty()) {
            return List.of();
        }
        List<byte[]> wanted = names;
        if (query.type() != null) {
            List<String> types = pipelined(client, p -> {
                List<Response<String>> responses = names.stream().map(p::type).toList();
                return () -> responses.stream().map(KeyBrowser::orNull).toList();
            });
            wanted = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                if (query.matchesType(types.get(i))) {
                    wanted.add(names.get(i));
                }
            }
        }
        List<byte[]> keys = wanted;
        return pipelined(client, p -> {
            List<Response<String>> types = new ArrayList<>(keys.size());
            List<Response<Long>> ttls = new ArrayList<>(keys.size());
            List<Response<Long>> memory = new ArrayList<>(keys.size());
            List<Response<byte[]>> encodings = new ArrayList<>(keys.size());
            for (byte[] key : keys) {
                types.add(p.type(key));
                ttls.add(p.pttl(key));
                memory.add(p.memoryUsage(key));
                encodings.add(p.objectEncoding(key));
            }
            return () -> {
                List<KeyInfo> infos = new ArrayList<>(keys.size());
                for (int i = 0; i < keys.size(); i++) {
                    String type = orNull(types.get(i));
                    Long ttl = orNull(ttls.get(i));
                    if (type == null || "none".equals(type) || ttl == null || ttl == -2) {
                        continue; // expired or deleted between SCAN and now
                    }
                    Long bytes = orNull(memory.get(i));
                    byte[] encoding = orNull(encodings.get(i));
                    // a handful of distinct types and encodings: one copy each, not one per key
                    infos.add(new KeyInfo(RedisKeyName.of(keys.get(i)), type.intern(), ttl, bytes == null ? -1 : bytes,
                            encoding == null ? null : new String(encoding, StandardCharsets.UTF_8).intern(), -1, node));
                }
                return infos;
            };
        });
    }

    /** Queues commands on a pipeline, syncs it once, then reads the responses. */
    private static <T> T pipelined(UnifiedJedis client,
                                   Function<AbstractPipeline, Supplier<T>> commands) {
        try (AbstractPipeline pipeline = client.pipelined()) {
            Supplier<T> results = commands.apply(pipeline);
            pipeline.sync();
            return results.get();
        }
    }

    /** A command the server refused for one key (an ACL without MEMORY, a key of a module type) is unknown. */
    private static <T> T orNull(Response<T> response) {
        try {
            return response.get();
        } catch (JedisDataException refused) {
            return null;
        }
    }

    /** DBSIZE of each master, from INFO keyspace (a master without keys has no db0 line). */
    private static Map<String, Long> sizes(RedisDeployment deployment, List<String> masters) {
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (String master : masters) {
            Matcher m = DB0_KEYS.matcher(deployment.info(master, "keyspace"));
            sizes.put(master, m.find() ? Long.parseLong(m.group(1)) : 0L);
        }
        return sizes;
    }

    private <T> T call(Function<RedisDeployment, T> action) {
        RedisDeployment deployment = cache.deployment();
        try {
            return action.apply(deployment);
        } catch (JedisDataException e) {
            throw new StorageOperationException("Redis refused: " + redact(e));
        } catch (JedisException e) {
            throw new StorageConnectionException("Redis (" + cache.settings().address() + ") failed: " + redact(e));
        }
    }

    private String redact(JedisException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return cache.settings().redactor().redact(newline < 0 ? message : message.substring(0, newline));
    }
}
