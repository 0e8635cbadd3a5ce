package dev.orchestra.storage.redis;

import java.util.List;
import org.bson.BsonDocument;

/**
 * A cached Redis list in our format: element 0 is a header document (with {@code format}), then one document per
 * element, each as lossless Extended JSON ({@link dev.orchestra.storage.mapping.LosslessJson}).
 */
public record CachedList(BsonDocument header, List<BsonDocument> elements) {
    public CachedList {
        elements = List.copyOf(elements);
    }
}
