package dev.orchestra.storage.redis.keys;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The Redis keyspace for people browsing it, on every deployment shape: an incremental listing over every master
 * ({@code SCAN}, never {@code KEYS}), each key's type, TTL, memory and encoding, and its value read in pages. A
 * capability of the tiered store ({@code store.capability(RedisKeys.class)}), present when a cache is configured;
 * the read-only guard passes it on with {@link #delete}, {@link #expire} and {@link #persist} refused while writes
 * are locked. Front ends change keys through {@code safety.RedisKeyActions}, which confirms nothing by itself but
 * audits every change.
 *
 * <p>Everything but those three is read-only. Failures are {@code StorageConnectionException} (Redis not
 * answering) or {@code StorageOperationException} (Redis refused a command), with secrets removed.
 */
public interface RedisKeys {

    /** {@code standalone}, {@code sentinel master X}, {@code cluster, 3 masters}. */
    String shape();

    /** The pattern that lists our keys: the configured prefix, glob-escaped, then {@code *}. */
    String defaultPattern();

    /**
     * Lists keys from {@code from} on: SCAN steps on each master in turn until at least {@code wanted} keys were
     * found, the masters are exhausted, a bound on the steps per call is reached, or {@code stop} says so (checked
     * between steps).
     */
    KeyScanPage scan(KeyQuery query, KeyScanCursor from, int wanted, BooleanSupplier stop);

    /** Type, TTL, memory, encoding and length of one key; empty when it does not exist (any more). */
    Optional<KeyInfo> describe(RedisKeyName key);

    /**
     * Up to {@code count} elements of the value from {@code from} (null: the start; otherwise a
     * {@link ValuePage#next()}). A string is read in chunks of bytes.
     */
    ValuePage readValue(RedisKeyName key, String type, String from, int count);

    /** {@code DUMP}: the serialized value (restorable with {@code RESTORE}), or null when the key does not exist. */
    byte[] dump(RedisKeyName key);

    /** Deletes the key ({@code UNLINK}); false when it did not exist. A write. */
    boolean delete(RedisKeyName key);

    /** Sets the remaining time to live ({@code PEXPIRE}); false when the key does not exist. A write. */
    boolean expire(RedisKeyName key, Duration ttl);

    /** Removes the time to live ({@code PERSIST}); false when there was none or no key. A write. */
    boolean persist(RedisKeyName key);
}
