package dev.orchestra.storage.inmemory;

import static dev.orchestra.storage.validation.Arguments.requireArgument;

import dev.orchestra.storage.DocumentByDocument;
import dev.orchestra.storage.DocumentStore;
import dev.orchestra.storage.StoreParts;
import dev.orchestra.storage.DocumentChecks;
import dev.orchestra.storage.error.StorageException;
import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.mapping.ListRows;
import dev.orchestra.storage.mapping.SessionBatches;
import dev.orchestra.storage.mapping.StoreQueries;
import dev.orchestra.storage.model.SessionRef;
import dev.orchestra.storage.model.BulkProgress;
import dev.orchestra.storage.model.CollectionRef;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.model.UpsertResult;
import dev.orchestra.storage.schema.Fields;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The batches of the in-memory store: the bulk upsert of an import and the bulk delete by filter under one lock;
 * the others document by document, as nothing would be faster in memory.
 */
final class InMemoryBatches implements StoreParts.Batches {
    private final InMemoryCollections collections;
    private final InMemoryDocuments documents;
    private final Clock clock;
    private final DocumentByDocument oneByOne;

    InMemoryBatches(InMemoryCollections collections, InMemoryDocuments documents, Clock clock) {
        this.collections = collections;
        this.documents = documents;
        this.clock = clock;
        this.oneByOne = new DocumentByDocument(documents);
    }

    @Override
    public List<BsonDocument> findMatching(StoreCollection collection, DocumentFilter filter, int limit) {
        return oneByOne.findMatching(collection, filter, limit);
    }

    /** The same batches as MongoDB's ({@link SessionBatches}): records as list rows, unsorted, limited in total. */
    @Override
    public Map<SessionRef, List<BsonDocument>> findSessionRecords(List<SessionRef> sessions) {
        return SessionBatches.records(sessions, (query, total) -> collections.read(() ->
                        collections.get(StoreCollection.USER_SESSIONS).find(query).stream().limit(total)
                                .map(ListRows::withoutEmbedding).toList()),
                s -> DocumentStore.sessionRecordsOf(documents, s));
    }

    @Override
    public List<BsonDocument> findByIds(CollectionRef collection, List<BsonValue> ids) {
        return oneByOne.findByIds(collection, ids);
    }

    @Override
    public List<BsonValue> insertAll(CollectionRef collection, List<BsonDocument> batch) {
        return oneByOne.insertAll(collection, batch);
    }

    @Override
    public long deleteByIds(CollectionRef collection, List<BsonValue> ids) {
        return oneByOne.deleteByIds(collection, ids);
    }

    /** Same rules as MongoDB's bulk upsert (validated first; one with an {@code _id} is written as it is), atomically. */
    @Override
    public UpsertResult upsertAll(StoreCollection collection, List<BsonDocument> batch, DocumentChecks checks) {
        requireArgument(batch, "documents");
        Map<Integer, String> failures = new HashMap<>();
        Map<Integer, BsonDocument> valid = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            BsonDocument document = batch.get(i);
            try {
                requireArgument(document, "document");
                BsonDocument complete = checks.complete(collection, document.clone(), clock.instant());
                checks.validate(collection, complete);
                valid.put(i, complete);
            } catch (StorageValidationException e) {
                failures.put(i, e.getMessage());
            }
        }
        long[] counts = new long[3]; // inserted, replaced, unchanged
        List<BsonValue> written = new ArrayList<>();
        collections.write(() -> {
            InMemoryCollection docs = collections.get(collection);
            valid.forEach((index, document) -> {
                BsonValue id = document.get(Fields.ID);
                Optional<BsonDocument> stored = docs.get(id);
                try {
                    if (stored.isEmpty()) {
                        docs.insert(document);
                        counts[0]++;
                    } else if (stored.get().equals(document)) {
                        counts[2]++;
                    } else {
                        docs.replaceIfUnchanged(stored.get(), document);
                        counts[1]++;
                    }
                    written.add(id);
                } catch (StorageException e) {
                    failures.put(index, e.getMessage());
                }
            });
            return null;
        });
        return new UpsertResult(counts[0], counts[1], counts[2], failures, written);
    }

    /** Deletes in batches of {@code batchSize}, each under the write lock, telling {@code progress} after each. */
    @Override
    public long deleteMatching(StoreCollection collection, DocumentFilter filter, int batchSize, BulkProgress progress) {
        if (batchSize < 1) {
            throw new StorageValidationException("The batch size must be at least 1, was " + batchSize);
        }
        BsonDocument query = StoreQueries.filter(collection, filter);
        BulkProgress listener = progress == null ? BulkProgress.IGNORE : progress;
        long total = documents.count(collection, filter).value();
        long deleted = 0;
        while (true) {
            long deletedNow = collections.write(() -> {
                long n = 0;
                InMemoryCollection docs = collections.get(collection);
                for (BsonDocument d : docs.find(query).stream().limit(batchSize).toList()) {
                    n += docs.delete(d.get(Fields.ID)) ? 1 : 0;
                }
                return n;
            });
            if (deletedNow == 0) {
                return deleted;
            }
            deleted += deletedNow;
            if (!listener.onBatch(deleted, total)) {
                return deleted;
            }
        }
    }
}
