package dev.orchestra.storage.mongo;

import dev.orchestra.storage.StoreParts;
import dev.orchestra.storage.model.SemanticSearchResult;
import dev.orchestra.storage.model.SemanticQuery;
import static dev.orchestra.storage.validation.Arguments.requireText;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import dev.orchestra.storage.mapping.MemoryItemMapper;
import dev.orchestra.storage.mapping.SessionBatches;
import dev.orchestra.storage.mapping.StoreQueries;
import dev.orchestra.storage.model.SessionRef;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.schema.Fields;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt32;

/** Orchestra's own memory operations on MongoDB (what its services call; the inspector and the CLI do not). */
final class MongoOrchestraOperations implements StoreParts.Orchestra {
    private final MongoDatabase database;
    private final MongoErrors errors;
    private final Duration timeout;

    MongoOrchestraOperations(MongoDatabase database, MongoErrors errors, Duration timeout) {
        this.database = database;
        this.errors = errors;
        this.timeout = timeout;
    }

    @Override
    public List<MemoryItem> getConversationHistory(String userId, String sessionId, int limit, DocumentFilter filters) {
        BsonDocument query = StoreQueries.history(userId, sessionId, limit, filters);
        List<MemoryItem> items = errors.call("read conversation history", () -> {
            List<MemoryItem> newestFirst = new ArrayList<>();
            memoryItems().find(query).sort(MongoDocuments.newestFirst(StoreCollection.MEMORY_ITEMS))
                    .limit(limit).maxTime(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .forEach(d -> newestFirst.add(MemoryItemMapper.fromDocument(d)));
            return newestFirst;
        });
        Collections.reverse(items);
        return items;
    }

    /** Many sessions per {@code find}, sorted and limited as one history ({@link SessionBatches}). */
    @Override
    public Map<SessionRef, List<MemoryItem>> getConversationHistories(List<SessionRef> sessions, int limit) {
        return SessionBatches.histories(sessions, limit, (query, total) -> errors.call("read conversation histories",
                        () -> memoryItems().find(query).sort(MongoDocuments.newestFirst(StoreCollection.MEMORY_ITEMS))
                                .limit(total).batchSize(total).maxTime(timeout.toMillis(), TimeUnit.MILLISECONDS)
                                .into(new ArrayList<>())),
                s -> getConversationHistory(s.userId(), s.sessionId(), limit, null));
    }

    @Override
    public SemanticSearchResult semanticSearch(SemanticQuery query) {
        requireText(query.userId(), Fields.USER_ID);
        return new MongoSemanticSearch(memoryItems(), errors, timeout).search(query);
    }

    @Override
    public boolean checkDuplicate(String userId, String textContent) {
        return StoreQueries.duplicateText(userId, textContent).map(query -> errors.call("check duplicate",
                () -> memoryItems().find(query).projection(new BsonDocument(Fields.ID, new BsonInt32(1))).limit(1)
                        .maxTime(timeout.toMillis(), TimeUnit.MILLISECONDS).first() != null)).orElse(false);
    }

    @Override
    public long cleanupExpiredItems() {
        BsonDocument expired = new BsonDocument(Fields.EXPIRATION,
                new BsonDocument("$lt", new BsonDateTime(Instant.now().toEpochMilli())));
        return errors.call("clean up expired items", () ->
                memoryItems().deleteMany(expired).getDeletedCount()
                        + MongoDocuments.collection(database, StoreCollection.AGENT_DATA).deleteMany(expired)
                        .getDeletedCount());
    }

    private MongoCollection<BsonDocument> memoryItems() {
        return MongoDocuments.collection(database, StoreCollection.MEMORY_ITEMS);
    }
}
