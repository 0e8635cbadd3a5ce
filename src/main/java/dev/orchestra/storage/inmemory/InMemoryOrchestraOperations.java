package dev.orchestra.storage.inmemory;

import static dev.orchestra.storage.validation.Arguments.requireText;

import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.mapping.CosineSimilarity;
import dev.orchestra.storage.mapping.MemoryItemMapper;
import dev.orchestra.storage.mapping.StoreQueries;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.ScoredMemoryItem;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.schema.Fields;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonString;

/** Orchestra's own memory operations in memory (what its services call; the inspector and the CLI do not). */
final class InMemoryOrchestraOperations {
    private final InMemoryCollections collections;
    private final Clock clock;

    InMemoryOrchestraOperations(InMemoryCollections collections, Clock clock) {
        this.collections = collections;
        this.clock = clock;
    }

    List<MemoryItem> getConversationHistory(String userId, String sessionId, int limit, DocumentFilter filters) {
        BsonDocument query = StoreQueries.history(userId, sessionId, limit, filters);
        return collections.read(() -> {
            List<BsonDocument> newest = InMemoryPager.sortNewestFirst(StoreCollection.MEMORY_ITEMS,
                    memoryItems().find(query));
            List<MemoryItem> items = new ArrayList<>();
            newest.stream().limit(limit).forEach(d -> items.add(MemoryItemMapper.fromDocument(d)));
            Collections.reverse(items);
            return items;
        });
    }

    List<ScoredMemoryItem> semanticSearch(String userId, List<Double> queryEmbedding, String persona, int topK) {
        requireText(userId, Fields.USER_ID);
        if (topK < 1) {
            throw new StorageValidationException("topK must be at least 1, was " + topK);
        }
        var similarity = new CosineSimilarity(queryEmbedding);
        BsonDocument query = new BsonDocument(Fields.USER_ID, new BsonString(userId));
        if (persona != null) {
            query.put(Fields.PERSONA_ACTIVE, new BsonString(persona));
        }
        List<BsonDocument> candidates = collections.read(() -> memoryItems().find(query));
        List<ScoredMemoryItem> hits = new ArrayList<>();
        for (BsonDocument d : candidates) {
            similarity.score(d.get(Fields.EMBEDDING))
                    .ifPresent(score -> hits.add(new ScoredMemoryItem(MemoryItemMapper.fromDocument(d), score)));
        }
        hits.sort(Comparator.comparingDouble(ScoredMemoryItem::score).reversed());
        return hits.size() > topK ? List.copyOf(hits.subList(0, topK)) : hits;
    }

    boolean checkDuplicate(String userId, String textContent) {
        if (textContent == null) {
            requireText(userId, Fields.USER_ID);
            return false;
        }
        BsonDocument query = StoreQueries.duplicateText(userId, textContent);
        return collections.read(() -> !memoryItems().find(query).isEmpty());
    }

    long cleanupExpiredItems() {
        BsonDocument expired = new BsonDocument(Fields.EXPIRATION,
                new BsonDocument("$lt", new BsonDateTime(clock.instant().toEpochMilli())));
        return collections.write(() -> {
            long removed = 0;
            for (StoreCollection c : List.of(StoreCollection.MEMORY_ITEMS, StoreCollection.AGENT_DATA)) {
                InMemoryCollection docs = collections.get(c);
                for (BsonDocument d : docs.find(expired)) {
                    removed += docs.delete(d.get(Fields.ID)) ? 1 : 0;
                }
            }
            return removed;
        });
    }

    private InMemoryCollection memoryItems() {
        return collections.get(StoreCollection.MEMORY_ITEMS);
    }
}
