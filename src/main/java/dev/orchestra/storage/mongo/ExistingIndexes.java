package dev.orchestra.storage.mongo;

import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;

/**
 * The indexes one collection has, as the server lists them.
 *
 * @param collectionExists false when the collection does not exist (then there are no indexes)
 * @param documentCount    the server's estimate of the collection's documents (what an index build goes over)
 * @param definitions      {@code listIndexes} documents: {@code name}, {@code key} and the options
 * @param sizes            bytes per index name, where the server reports them ({@code collStats.indexSizes});
 *                         empty when it does not
 */
public record ExistingIndexes(boolean collectionExists, long documentCount, List<BsonDocument> definitions,
                              Map<String, Long> sizes) {
    public ExistingIndexes {
        definitions = definitions.stream().map(BsonDocument::clone).toList();
        sizes = Map.copyOf(sizes);
    }

    public static ExistingIndexes absent() {
        return new ExistingIndexes(false, 0, List.of(), Map.of());
    }
}
