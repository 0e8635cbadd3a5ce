package dev.orchestra.storage.redis.keys;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A Redis key name as Redis holds it: bytes. Commands use the bytes, so a key that is not UTF-8 (another service
 * may write any bytes) can still be read, deleted or expired; {@link #text()} is for display, with each byte that is
 * not UTF-8 shown as {@code \xNN}.
 */
public final class RedisKeyName implements Comparable<RedisKeyName> {
    private final String text;
    /** The bytes when they are not UTF-8; null otherwise (the text is then exactly the name: one copy, not two). */
    private final byte[] raw;

    private RedisKeyName(String text, byte[] raw) {
        this.text = text;
        this.raw = raw;
    }

    public static RedisKeyName of(byte[] bytes) {
        String utf8 = utf8(bytes);
        return utf8 != null ? new RedisKeyName(utf8, null) : new RedisKeyName(escaped(bytes), bytes.clone());
    }

    public static RedisKeyName of(String name) {
        return new RedisKeyName(name, null);
    }

    /** A copy of the bytes, for commands. */
    public byte[] bytes() {
        return raw != null ? raw.clone() : text.getBytes(StandardCharsets.UTF_8);
    }

    /** The name for people: UTF-8, with other bytes escaped. */
    public String text() {
        return text;
    }

    @Override
    public int compareTo(RedisKeyName other) {
        return Arrays.compareUnsigned(bytes(), other.bytes());
    }

    /** Same bytes (a UTF-8 name equals another exactly when their texts are equal). */
    @Override
    public boolean equals(Object other) {
        return other instanceof RedisKeyName name && (raw == null ? name.raw == null && text.equals(name.text)
                : Arrays.equals(raw, name.raw));
    }

    @Override
    public int hashCode() {
        return raw == null ? text.hashCode() : Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return text;
    }

    private static String utf8(byte[] bytes) {
        if (isAscii(bytes)) {
            return new String(bytes, StandardCharsets.US_ASCII); // most names: no decoder and buffers per name
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static String escaped(byte[] bytes) {
        StringBuilder escaped = new StringBuilder();
        for (byte b : bytes) {
            if (b >= 0x20 && b < 0x7f && b != '\\') {
                escaped.append((char) b);
            } else {
                escaped.append(String.format("\\x%02x", b & 0xff));
            }
        }
        return escaped.toString();
    }
}
