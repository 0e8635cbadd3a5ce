package dev.orchestra.storage.mongo;

import com.mongodb.client.MongoCollection;
import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.mapping.CosineSimilarity;
import dev.orchestra.storage.schema.Fields;
import dev.orchestra.storage.mapping.MemoryItemMapper;
import dev.orchestra.storage.model.ScoredMemoryItem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * Cosine similarity in Java: streams only {@code _id} and {@code embedding} of the user's items that have one,
 * keeps the best {@code topK} in a bounded heap, then loads just those documents.
 */
final class MongoSemanticSearch {
    private record Hit(BsonValue id, double score) {
    }

    private final MongoCollection<BsonDocument> items;
    private final MongoErrors errors;
    private final Duration timeout;

    MongoSemanticSearch(MongoCollection<BsonDocument> items, MongoErrors errors, Duration timeout) {
        this.items = items;
        this.errors = errors;
        this.timeout = timeout;
    }

    List<ScoredMemoryItem> search(String userId, List<Double> queryEmbedding, String persona, int topK) {
        if (topK < 1) {
            throw new StorageValidationException("topK must be at least 1, was " + topK);
        }
        var similarity = new CosineSimilarity(queryEmbedding);
        BsonDocument query = new BsonDocument(Fields.USER_ID, new BsonString(userId))
                .append(Fields.EMBEDDING, new BsonDocument("$type", new BsonString("array")));
        if (persona != null) {
            query.put(Fields.PERSONA_ACTIVE, new BsonString(persona));
        }
        PriorityQueue<Hit> best = new PriorityQueue<>(Comparator.comparingDouble(Hit::score));
        errors.run("semantic search", () -> items.find(query)
                .projection(new BsonDocument(Fields.ID, new BsonInt32(1)).append(Fields.EMBEDDING, new BsonInt32(1)))
                .maxTime(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .forEach(d -> similarity.score(d.get(Fields.EMBEDDING)).ifPresent(score -> {
                    best.add(new Hit(d.get(Fields.ID), score));
                    if (best.size() > topK) {
                        best.poll();
                    }
                })));
        List<Hit> ranked = new ArrayList<>(best);
        ranked.sort(Comparator.comparingDouble(Hit::score).reversed());
        return load(ranked);
    }

    private List<ScoredMemoryItem> load(List<Hit> ranked) {
        if (ranked.isEmpty()) {
            return List.of();
        }
        BsonArray ids = new BsonArray();
        ranked.forEach(h -> ids.add(h.id()));
        Map<BsonValue, BsonDocument> byId = new LinkedHashMap<>();
        errors.run("semantic search", () -> items.find(new BsonDocument(Fields.ID, new BsonDocument("$in", ids)))
                .maxTime(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .forEach(d -> byId.put(d.get(Fields.ID), d)));
        List<ScoredMemoryItem> result = new ArrayList<>();
        for (Hit hit : ranked) {
            BsonDocument document = byId.get(hit.id());
            if (document != null) { // deleted in between: skip
                result.add(new ScoredMemoryItem(MemoryItemMapper.fromDocument(document), hit.score()));
            }
        }
        return result;
    }
}
