package dev.orchestra.storage.model;

import java.util.List;
import java.util.Map;
import org.bson.BsonValue;

/**
 * What one {@code MemoryManager.upsertAll} batch did.
 *
 * @param failures index in the batch → why that document was not written (invalid, or refused by the store)
 * @param written  the {@code _id}s of the documents written or found unchanged (generated ones included), in batch order
 */
public record UpsertResult(long inserted, long replaced, long unchanged, Map<Integer, String> failures,
                           List<BsonValue> written) {
    public UpsertResult {
        failures = Map.copyOf(failures);
        written = List.copyOf(written);
    }
}
