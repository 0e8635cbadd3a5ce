package dev.orchestra.storage;

import dev.orchestra.storage.model.BulkProgress;
import dev.orchestra.storage.model.CollectionRef;
import dev.orchestra.storage.model.CountEstimate;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.Page;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.RecordlessSessions;
import dev.orchestra.storage.model.SemanticQuery;
import dev.orchestra.storage.model.SemanticSearchResult;
import dev.orchestra.storage.model.SessionRef;
import dev.orchestra.storage.model.SessionSummary;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.model.UpsertResult;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The {@link MemoryManager} contract carried out by {@link StoreParts}: the base of the stores ({@code mongo},
 * {@code inmemory}, whose parts are their collaborators) and of {@link ForwardingMemoryManager} (whose parts are all
 * its delegate). A subclass adds what differs: lifecycle, health, capabilities and raw access.
 */
public abstract class ComposedMemoryManager implements MemoryManager {
    private final StoreParts parts;

    protected ComposedMemoryManager(StoreParts parts) {
        this.parts = Objects.requireNonNull(parts, "parts");
    }

    // ---- Orchestra's operations ------------------------------------------------------------------------------

    @Override
    public List<MemoryItem> getConversationHistory(String userId, String sessionId, int limit,
                                                   DocumentFilter filters) {
        return parts.orchestra().getConversationHistory(userId, sessionId, limit, filters);
    }

    @Override
    public Map<SessionRef, List<MemoryItem>> getConversationHistories(List<SessionRef> sessions, int limit) {
        return parts.orchestra().getConversationHistories(sessions, limit);
    }

    @Override
    public boolean checkDuplicate(String userId, String textContent) {
        return parts.orchestra().checkDuplicate(userId, textContent);
    }

    @Override
    public SemanticSearchResult semanticSearch(SemanticQuery query) {
        return parts.orchestra().semanticSearch(query);
    }

    @Override
    public long cleanupExpiredItems() {
        return parts.orchestra().cleanupExpiredItems();
    }

    // ---- the inspector's operations --------------------------------------------------------------------------

    @Override
    public Page<BsonDocument> findPage(CollectionRef collection, DocumentFilter filter, PageRequest page) {
        return parts.documents().findPage(collection, filter, page);
    }

    @Override
    public CountEstimate count(CollectionRef collection, DocumentFilter filter) {
        return parts.documents().count(collection, filter);
    }

    @Override
    public Optional<BsonDocument> findById(CollectionRef collection, BsonValue id) {
        return parts.documents().findById(collection, id);
    }

    @Override
    public BsonValue insert(CollectionRef collection, BsonDocument document) {
        return parts.documents().insert(collection, document);
    }

    @Override
    public void restoreExactly(StoreCollection collection, BsonDocument document) {
        parts.documents().restoreExactly(collection, document);
    }

    @Override
    public boolean delete(CollectionRef collection, BsonValue id) {
        return parts.documents().delete(collection, id);
    }

    @Override
    public void replace(StoreCollection collection, BsonDocument expected, BsonDocument replacement) {
        parts.documents().replace(collection, expected, replacement);
    }

    @Override
    public List<String> distinctTypes(StoreCollection collection, int limit) {
        return parts.documents().distinctTypes(collection, limit);
    }

    @Override
    public List<SessionSummary> listSessions(String userId, int limit) {
        return parts.sessions().listSessions(userId, limit);
    }

    @Override
    public RecordlessSessions findSessionsWithoutRecord(String userId, int limit, BulkProgress progress) {
        return parts.sessions().findSessionsWithoutRecord(userId, limit, progress);
    }

    // ---- batches ---------------------------------------------------------------------------------------------

    @Override
    public UpsertResult upsertAll(StoreCollection collection, List<BsonDocument> documents, DocumentChecks checks) {
        return parts.batches().upsertAll(collection, documents, checks);
    }

    @Override
    public List<BsonDocument> findByIds(CollectionRef collection, List<BsonValue> ids) {
        return parts.batches().findByIds(collection, ids);
    }

    @Override
    public Map<SessionRef, List<BsonDocument>> findSessionRecords(List<SessionRef> sessions) {
        return parts.batches().findSessionRecords(sessions);
    }

    @Override
    public long deleteByIds(CollectionRef collection, List<BsonValue> ids) {
        return parts.batches().deleteByIds(collection, ids);
    }

    @Override
    public List<BsonDocument> findMatching(StoreCollection collection, DocumentFilter filter, int limit) {
        return parts.batches().findMatching(collection, filter, limit);
    }

    @Override
    public List<BsonValue> insertAll(CollectionRef collection, List<BsonDocument> documents) {
        return parts.batches().insertAll(collection, documents);
    }

    @Override
    public long deleteMatching(StoreCollection collection, DocumentFilter filter, int batchSize,
                               BulkProgress progress) {
        return parts.batches().deleteMatching(collection, filter, batchSize, progress);
    }
}
