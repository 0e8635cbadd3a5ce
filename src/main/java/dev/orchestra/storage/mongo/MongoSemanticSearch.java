package dev.orchestra.storage.mongo;

import com.mongodb.client.MongoCollection;
import dev.orchestra.storage.mapping.MemoryItemMapper;
import dev.orchestra.storage.mapping.SemanticRanking;
import dev.orchestra.storage.model.SemanticQuery;
import dev.orchestra.storage.model.SemanticSearchResult;
import dev.orchestra.storage.schema.Fields;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * Cosine similarity in Java: streams only {@code _id} and {@code embedding} of the user's items that have one,
 * keeps the best {@code topK} in a bounded heap ({@link SemanticRanking}), then loads just those documents.
 */
final class MongoSemanticSearch {
    /**
     * Embeddings per reply: a 1,536-dimension vector is about 21 kB of BSON, so 256 keep a batch near 5 MB. Without
     * it mongo-java-server (the embedded store) answered 5,000 such vectors in one 104 MB reply, which the driver
     * refuses (its limit is 48 MB); MongoDB caps batches at 16 MiB itself, but the client would still buffer that.
     */
    static final int BATCH_SIZE = 256;

    private final MongoCollection<BsonDocument> items;
    private final MongoErrors errors;
    private final Duration timeout;

    MongoSemanticSearch(MongoCollection<BsonDocument> items, MongoErrors errors, Duration timeout) {
        this.items = items;
        this.errors = errors;
        this.timeout = timeout;
    }

    SemanticSearchResult search(SemanticQuery query) {
        SemanticRanking<BsonValue> ranking = new SemanticRanking<>(query);
        BsonDocument filter = new BsonDocument(Fields.USER_ID, new BsonString(query.userId()))
                .append(Fields.EMBEDDING, new BsonDocument("$type", new BsonString("array")));
        if (query.persona() != null) {
            filter.put(Fields.PERSONA_ACTIVE, new BsonString(query.persona()));
        }
        errors.run("semantic search", () -> items.find(filter)
                .projection(new BsonDocument(Fields.ID, new BsonInt32(1)).append(Fields.EMBEDDING, new BsonInt32(1)))
                .batchSize(BATCH_SIZE)
                .maxTime(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .forEach(d -> ranking.offer(d.get(Fields.EMBEDDING), d.get(Fields.ID))));
        Map<BsonValue, BsonDocument> byId = load(ranking.ranked());
        // A hit deleted between scoring and loading is left out.
        return ranking.result(id -> byId.containsKey(id) ? MemoryItemMapper.fromDocument(byId.get(id)) : null);
    }

    private Map<BsonValue, BsonDocument> load(List<BsonValue> ids) {
        Map<BsonValue, BsonDocument> byId = new HashMap<>();
        if (ids.isEmpty()) {
            return byId;
        }
        BsonDocument filter = new BsonDocument(Fields.ID, new BsonDocument("$in", new BsonArray(ids)));
        errors.run("semantic search", () -> items.find(filter)
                .maxTime(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .forEach(d -> byId.put(d.get(Fields.ID), d)));
        return byId;
    }
}
