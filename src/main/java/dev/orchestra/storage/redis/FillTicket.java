package dev.orchestra.storage.redis;

/**
 * Taken before reading the source of truth for a fill. If the key is invalidated in between, the fill is undone,
 * so a value read before a write can never outlive that write's invalidation.
 */
public record FillTicket(String key, long epoch) {
}
