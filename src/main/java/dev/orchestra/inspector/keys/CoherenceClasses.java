package dev.orchestra.inspector.keys;

import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.coherence.CacheFinding;
import dev.orchestra.storage.coherence.CoherenceChecker;
import dev.orchestra.storage.coherence.CoherenceClass;
import dev.orchestra.storage.redis.keys.KeyInfo;
import dev.orchestra.storage.redis.keys.RedisKeyName;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The key browser's Class column from the coherence check ({@link CoherenceChecker#classifyAll}: our keys compared
 * with what the tiered manager would load from MongoDB now, pipelined). Only our {@code history:} and
 * {@code session:} keys are classified; other keys have no class. Read-only.
 */
public final class CoherenceClasses implements KeyClassifier {

    @Override
    public Map<RedisKeyName, String> classify(MemoryManager store, List<KeyInfo> keys) {
        Optional<CoherenceChecker> checker = CoherenceChecker.of(store);
        if (checker.isEmpty()) {
            return Map.of();
        }
        String history = checker.get().keys().allHistoryPrefix();
        String session = checker.get().keys().allSessionPrefix();
        Map<String, RedisKeyName> ours = new HashMap<>();
        for (KeyInfo key : keys) {
            String name = key.name().text();
            if (name.startsWith(history) || name.startsWith(session)) {
                ours.put(name, key.name());
            }
        }
        if (ours.isEmpty()) {
            return Map.of();
        }
        Map<RedisKeyName, String> classes = new HashMap<>();
        for (CacheFinding finding : checker.get().classifyAll(List.copyOf(ours.keySet()))) {
            RedisKeyName name = ours.get(finding.key());
            if (name != null && finding.coherence() != CoherenceClass.NOT_OURS
                    && finding.coherence() != CoherenceClass.ABSENT) {
                classes.put(name, finding.coherence().label());
            }
        }
        return classes;
    }
}
