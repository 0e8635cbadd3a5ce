package dev.orchestra.storage.transfer;

import java.util.Map;

/**
 * @param failures index in the batch → the store's reason
 */
public record UpsertOutcome(long inserted, long replaced, long unchanged, Map<Integer, String> failures) {
    public UpsertOutcome {
        failures = Map.copyOf(failures);
    }
}
