package dev.orchestra.storage;

import dev.orchestra.storage.model.BulkProgress;
import dev.orchestra.storage.model.CollectionRef;
import dev.orchestra.storage.model.CountEstimate;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.Page;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.SemanticQuery;
import dev.orchestra.storage.model.SemanticSearchResult;
import dev.orchestra.storage.model.SessionSummary;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.model.UpsertResult;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The four collaborators a store is made of, each doing one role of the {@link MemoryManager} contract on its
 * backend; {@link ComposedMemoryManager} puts them together. The roles carry the contract's semantics (see
 * {@link OrchestraMemory} and {@link DocumentStore}); they exist so that each store implements them once, in its
 * collaborators, instead of every store forwarding the whole contract by hand.
 *
 * @param orchestra Orchestra's own queries
 * @param documents one document or one query at a time
 * @param batches the operations over many documents that every store does natively
 * @param sessions the session list
 */
public record StoreParts(Orchestra orchestra, Documents documents, Batches batches, Sessions sessions) {

    public StoreParts {
        Objects.requireNonNull(orchestra, "orchestra");
        Objects.requireNonNull(documents, "documents");
        Objects.requireNonNull(batches, "batches");
        Objects.requireNonNull(sessions, "sessions");
    }

    /** Orchestra's queries and maintenance (the inserts are the contract's, through {@link Documents}). */
    public interface Orchestra {
        List<MemoryItem> getConversationHistory(String userId, String sessionId, int limit, DocumentFilter filters);

        SemanticSearchResult semanticSearch(SemanticQuery query);

        boolean checkDuplicate(String userId, String textContent);

        long cleanupExpiredItems();
    }

    /** The document operations of the inspector and the CLI, one document or one query at a time. */
    public interface Documents {
        Page<BsonDocument> findPage(CollectionRef collection, DocumentFilter filter, PageRequest page);

        CountEstimate count(CollectionRef collection, DocumentFilter filter);

        Optional<BsonDocument> findById(CollectionRef collection, BsonValue id);

        BsonValue insert(CollectionRef collection, BsonDocument document);

        void restoreExactly(StoreCollection collection, BsonDocument document);

        void replace(StoreCollection collection, BsonDocument expected, BsonDocument replacement);

        boolean delete(CollectionRef collection, BsonValue id);

        List<String> distinctTypes(StoreCollection collection, int limit);
    }

    /** The batch writes every store does natively; the others fall back to the contract's one-at-a-time defaults. */
    public interface Batches {
        UpsertResult upsertAll(StoreCollection collection, List<BsonDocument> documents, DocumentChecks checks);

        long deleteMatching(StoreCollection collection, DocumentFilter filter, int batchSize, BulkProgress progress);
    }

    /** The sessions of a user (or of all users), newest first. */
    @FunctionalInterface
    public interface Sessions {
        List<SessionSummary> listSessions(String userId, int limit);
    }
}
