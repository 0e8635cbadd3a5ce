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
    private final byte[] bytes;
    private final String text;

    private RedisKeyName(byte[] bytes) {
        this.bytes = bytes;
        this.text = display(bytes);
    }

    public static RedisKeyName of(byte[] bytes) {
        return new RedisKeyName(bytes.clone());
    }

    public static RedisKeyName of(String name) {
        return new RedisKeyName(name.getBytes(StandardCharsets.UTF_8));
    }

    /** A copy of the bytes, for commands. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The name for people: UTF-8, with other bytes escaped. */
    public String text() {
        return text;
    }

    @Override
    public int compareTo(RedisKeyName other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RedisKeyName name && Arrays.equals(bytes, name.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return text;
    }

    private static String display(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
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
}
