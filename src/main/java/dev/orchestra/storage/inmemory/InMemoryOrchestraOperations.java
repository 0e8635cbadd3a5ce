package dev.orchestra.storage.inmemory;

import dev.orchestra.storage.StoreParts;
import dev.orchestra.storage.model.SemanticSearchResult;
import dev.orchestra.storage.model.SemanticQuery;
import dev.orchestra.storage.mapping.SemanticRanking;
import static dev.orchestra.storage.validation.Arguments.requireText;

import dev.orchestra.storage.mapping.MemoryItemMapper;
import dev.orchestra.storage.mapping.SessionBatches;
import dev.orchestra.storage.mapping.StoreQueries;
import dev.orchestra.storage.model.SessionRef;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.schema.Fields;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonString;

/** Orchestra's own memory operations in memory (what its services call; the inspector and the CLI do not). */
final class InMemoryOrchestraOperations implements StoreParts.Orchestra {
    private final InMemoryCollections collections;
    private final Clock clock;

    InMemoryOrchestraOperations(InMemoryCollections collections, Clock clock) {
        this.collections = collections;
        this.clock = clock;
    }

    @Override
    public List<MemoryItem> getConversationHistory(String userId, String sessionId, int limit, DocumentFilter filters) {
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

    /** The same batches as MongoDB's ({@link SessionBatches}), over one consistent view of the items per query. */
    @Override
    public Map<SessionRef, List<MemoryItem>> getConversationHistories(List<SessionRef> sessions, int limit) {
        return SessionBatches.histories(sessions, limit, (query, total) -> collections.read(() ->
                        InMemoryPager.sortNewestFirst(StoreCollection.MEMORY_ITEMS, memoryItems().find(query)).stream()
                                .limit(total).toList()),
                s -> getConversationHistory(s.userId(), s.sessionId(), limit, null));
    }

    @Override
    public SemanticSearchResult semanticSearch(SemanticQuery query) {
        requireText(query.userId(), Fields.USER_ID);
        SemanticRanking<BsonDocument> ranking = new SemanticRanking<>(query);
        BsonDocument filter = new BsonDocument(Fields.USER_ID, new BsonString(query.userId()));
        if (query.persona() != null) {
            filter.put(Fields.PERSONA_ACTIVE, new BsonString(query.persona()));
        }
        collections.read(() -> memoryItems().find(filter)).forEach(d -> ranking.offer(d.get(Fields.EMBEDDING), d));
        return ranking.result(MemoryItemMapper::fromDocument);
    }

    @Override
    public boolean checkDuplicate(String userId, String textContent) {
        return StoreQueries.duplicateText(userId, textContent)
                .map(query -> collections.read(() -> !memoryItems().find(query).isEmpty())).orElse(false);
    }

    @Override
    public long cleanupExpiredItems() {
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
