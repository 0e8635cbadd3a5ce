package dev.orchestra.inspector.keys;

import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.redis.keys.KeyInfo;
import dev.orchestra.storage.redis.keys.RedisKeyName;
import java.util.List;
import java.util.Map;

/**
 * The coherence class of listed keys (fresh, stale, orphan, foreign, expiring), shown in the browser's Class
 * column. Runs off the UI thread, a batch of keys at a time. The app uses {@link CoherenceClasses}; {@link #NONE}
 * hides the column.
 */
@FunctionalInterface
public interface KeyClassifier {
    KeyClassifier NONE = (store, keys) -> Map.of();

    /** A class per key it could classify; keys missing from the answer show no class. */
    Map<RedisKeyName, String> classify(MemoryManager store, List<KeyInfo> keys);
}
