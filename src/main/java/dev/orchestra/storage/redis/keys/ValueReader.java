package dev.orchestra.storage.redis.keys;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonString;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.resps.Tuple;

/**
 * Reads a key's value one bounded page at a time with read-only commands: GETRANGE (strings, in chunks of bytes),
 * LRANGE, HSCAN, SSCAN, ZRANGE … WITHSCORES and XRANGE … COUNT. Positions are plain text: an index or byte offset,
 * a SCAN cursor, or the last stream id read.
 */
final class ValueReader {
    /** A string longer than this is shown in chunks of this many bytes. */
    static final int STRING_CHUNK_BYTES = 64 * 1024;
    private static final String SCAN_START = "0";

    private final UnifiedJedis jedis;

    ValueReader(UnifiedJedis jedis) {
        this.jedis = jedis;
    }

    long length(RedisKeyName key, String type) {
        byte[] name = key.bytes();
        return switch (type) {
            case "string" -> jedis.strlen(name);
            case "list" -> jedis.llen(name);
            case "hash" -> jedis.hlen(name);
            case "set" -> jedis.scard(name);
            case "zset" -> jedis.zcard(name);
            case "stream" -> jedis.xlen(name);
            default -> -1;
        };
    }

    ValuePage read(RedisKeyName key, String type, String from, int count) {
        int n = Math.max(1, count);
        return switch (type) {
            case "string" -> string(key, from);
            case "list" -> list(key, from, n);
            case "hash" -> hash(key, from, n);
            case "set" -> set(key, from, n);
            case "zset" -> sortedSet(key, from, n);
            case "stream" -> stream(key, from, n);
            default -> new ValuePage(type, -1, List.of(), null,
                    "A " + type + " value is not shown here (only string, list, hash, set, zset and stream).");
        };
    }

    private ValuePage string(RedisKeyName key, String from) {
        byte[] name = key.bytes();
        long size = jedis.strlen(name);
        long offset = offset(from);
        byte[] chunk = size == 0 ? new byte[0] : jedis.getrange(name, offset, offset + STRING_CHUNK_BYTES - 1);
        boolean whole = offset == 0 && chunk.length == size;
        long end = offset + chunk.length;
        String position = whole ? null : "bytes " + offset + "–" + (end - 1) + " of " + size;
        return new ValuePage("string", size, List.of(new ValueElement(position, null, ValueContent.of(chunk, whole))),
                end < size ? Long.toString(end) : null, null);
    }

    private ValuePage list(RedisKeyName key, String from, int count) {
        byte[] name = key.bytes();
        long size = jedis.llen(name);
        long start = offset(from);
        List<byte[]> items = jedis.lrange(name, start, start + count - 1);
        List<ValueElement> elements = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            elements.add(new ValueElement(Long.toString(start + i), null, ValueContent.of(items.get(i), true)));
        }
        long end = start + items.size();
        return new ValuePage("list", size, elements, end < size && !items.isEmpty() ? Long.toString(end) : null,
                null);
    }

    private ValuePage hash(RedisKeyName key, String from, int count) {
        byte[] name = key.bytes();
        ScanResult<Map.Entry<byte[], byte[]>> page = jedis.hscan(name, cursor(from), new ScanParams().count(count));
        List<ValueElement> elements = page.getResult().stream().map(e -> new ValueElement(null,
                RedisKeyName.of(e.getKey()).text(), ValueContent.of(e.getValue(), true))).toList();
        return new ValuePage("hash", jedis.hlen(name), elements, next(page), null);
    }

    private ValuePage set(RedisKeyName key, String from, int count) {
        byte[] name = key.bytes();
        ScanResult<byte[]> page = jedis.sscan(name, cursor(from), new ScanParams().count(count));
        List<ValueElement> elements = page.getResult().stream()
                .map(member -> new ValueElement(null, null, ValueContent.of(member, true))).toList();
        return new ValuePage("set", jedis.scard(name), elements, next(page), null);
    }

    private ValuePage sortedSet(RedisKeyName key, String from, int count) {
        byte[] name = key.bytes();
        long size = jedis.zcard(name);
        long start = offset(from);
        List<Tuple> members = jedis.zrangeWithScores(name, start, start + count - 1);
        List<ValueElement> elements = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            Tuple member = members.get(i);
            elements.add(new ValueElement(Long.toString(start + i), score(member.getScore()),
                    ValueContent.of(member.getBinaryElement(), true)));
        }
        long end = start + members.size();
        return new ValuePage("zset", size, elements, end < size && !members.isEmpty() ? Long.toString(end) : null,
                null);
    }

    /** XRANGE from the start, or after the last id read ({@code (id}: exclusive, Redis 6.2+). */
    private ValuePage stream(RedisKeyName key, String from, int count) {
        byte[] name = key.bytes();
        long size = jedis.xlen(name);
        byte[] start = (from == null ? "-" : "(" + from).getBytes(StandardCharsets.US_ASCII);
        List<Object> raw = jedis.xrange(name, start, "+".getBytes(StandardCharsets.US_ASCII), count);
        List<ValueElement> elements = new ArrayList<>(raw.size());
        String last = null;
        for (Object entry : raw) {
            List<?> parts = (List<?>) entry;
            last = new String((byte[]) parts.get(0), StandardCharsets.US_ASCII);
            elements.add(new ValueElement(last, null, fields((List<?>) parts.get(1))));
        }
        return new ValuePage("stream", size, elements, raw.size() == count && last != null ? last : null, null);
    }

    /** A stream entry's field/value pairs as one document of strings (binary values in hex). */
    private static ValueContent fields(List<?> flat) {
        BsonDocument document = new BsonDocument();
        long size = 0;
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            byte[] field = (byte[]) flat.get(i);
            byte[] value = (byte[]) flat.get(i + 1);
            size += field.length + value.length;
            String text = utf8(value);
            document.put(RedisKeyName.of(field).text(), new BsonString(text != null ? text
                    : "binary, " + value.length + " bytes: " + ValueContent.of(value, true).hex()));
        }
        return ValueContent.ofDocument(document, size);
    }

    private static String score(double score) {
        return score == Math.rint(score) && Math.abs(score) < 1e15 ? Long.toString((long) score)
                : Double.toString(score);
    }

    private static long offset(String from) {
        return from == null ? 0 : Long.parseLong(from);
    }

    private static byte[] cursor(String from) {
        return (from == null ? SCAN_START : from).getBytes(StandardCharsets.US_ASCII);
    }

    private static String next(ScanResult<?> page) {
        return SCAN_START.equals(page.getCursor()) ? null : page.getCursor();
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
