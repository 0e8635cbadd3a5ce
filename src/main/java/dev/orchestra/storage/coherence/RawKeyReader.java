package dev.orchestra.storage.coherence;

import dev.orchestra.storage.coherence.CacheKeyName.Kind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * Reads a batch of keys in one pipeline (on a cluster, one per master it touches) with read-only commands only:
 * TYPE and PTTL of each, and what our format needs to be recognised — LLEN and the first elements of a history
 * list, the {@code format} and {@code document} fields of a session hash (HMGET, never the whole of a large
 * foreign hash). Values read under the wrong type (WRONGTYPE) simply come back empty.
 */
final class RawKeyReader {
    /** More list elements than this are never ours (a history key holds the header and ~50 items). */
    static final int MAX_LIST_ELEMENTS = 1000;
    private static final byte[] FORMAT = "format".getBytes(StandardCharsets.UTF_8);
    private static final byte[] DOCUMENT = "document".getBytes(StandardCharsets.UTF_8);

    /** One key as read: {@code list} is null unless a history list was read, {@code hash} likewise. */
    record RawKey(String key, String type, long ttlMillis, long length, List<byte[]> list, Map<byte[], byte[]> hash) {
    }

    private final UnifiedJedis client;
    private long roundTrips;

    RawKeyReader(UnifiedJedis client) {
        this.client = client;
    }

    long roundTrips() {
        return roundTrips;
    }

    List<RawKey> read(List<String> names, List<Kind> kinds) {
        List<Response<String>> types = new ArrayList<>(names.size());
        List<Response<Long>> ttls = new ArrayList<>(names.size());
        List<Response<Long>> lengths = new ArrayList<>(names.size());
        List<Response<List<byte[]>>> lists = new ArrayList<>(names.size());
        List<Response<List<byte[]>>> hashFields = new ArrayList<>(names.size());
        try (AbstractPipeline pipeline = client.pipelined()) {
            for (int i = 0; i < names.size(); i++) {
                byte[] key = names.get(i).getBytes(StandardCharsets.UTF_8);
                types.add(pipeline.type(key));
                ttls.add(pipeline.pttl(key));
                Kind kind = kinds.get(i);
                lengths.add(kind == Kind.HISTORY ? pipeline.llen(key) : kind == Kind.SESSION ? pipeline.hlen(key) : null);
                lists.add(kind == Kind.HISTORY ? pipeline.lrange(key, 0, MAX_LIST_ELEMENTS) : null);
                hashFields.add(kind == Kind.SESSION ? pipeline.hmget(key, FORMAT, DOCUMENT) : null);
            }
            pipeline.sync();
        }
        roundTrips++;
        List<RawKey> keys = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            keys.add(new RawKey(names.get(i), types.get(i).get(), ttls.get(i).get(), orZero(lengths.get(i)),
                    valueOrNull(lists.get(i)), hash(valueOrNull(hashFields.get(i)))));
        }
        return keys;
    }

    private static long orZero(Response<Long> response) {
        Long value = valueOrNull(response);
        return value == null ? 0 : value;
    }

    /** The reply, or null when there was none or Redis refused it (WRONGTYPE: not our type, so not ours). */
    private static <T> T valueOrNull(Response<T> response) {
        if (response == null) {
            return null;
        }
        try {
            return response.get();
        } catch (RuntimeException wrongType) {
            return null;
        }
    }

    private static Map<byte[], byte[]> hash(List<byte[]> formatAndDocument) {
        if (formatAndDocument == null) {
            return null;
        }
        Map<byte[], byte[]> hash = new LinkedHashMap<>();
        if (formatAndDocument.get(0) != null) {
            hash.put(FORMAT, formatAndDocument.get(0));
        }
        if (formatAndDocument.get(1) != null) {
            hash.put(DOCUMENT, formatAndDocument.get(1));
        }
        return hash;
    }
}
