package dev.orchestra.storage;

import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.mapping.InsertDefaults;
import dev.orchestra.storage.model.CollectionRef;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.validation.DocumentValidator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The batch reads and writes done one document at a time through a {@link StoreParts.Documents}: the defaults of
 * {@link DocumentStore}, and the batches of a store with no faster way (the in-memory one).
 *
 * @param documents what each document's read, insert or delete goes through
 */
public record DocumentByDocument(StoreParts.Documents documents) {

    public DocumentByDocument {
        Objects.requireNonNull(documents, "documents");
    }

    /** Lists a page and reads those ids. */
    public List<BsonDocument> findMatching(StoreCollection collection, DocumentFilter filter, int limit) {
        List<BsonValue> ids = idsOnFirstPage(documents, collection, filter, limit);
        return ids.isEmpty() ? List.of() : findByIds(collection, ids);
    }

    /** The ids of the first {@code limit} documents matching, newest first. */
    static List<BsonValue> idsOnFirstPage(StoreParts.Documents documents, StoreCollection collection,
                                          DocumentFilter filter, int limit) {
        return documents.findPage(collection, filter, PageRequest.first(limit)).items().stream()
                .map(d -> d.get("_id")).toList();
    }

    public List<BsonDocument> findByIds(CollectionRef collection, List<BsonValue> ids) {
        List<BsonDocument> found = new ArrayList<>();
        for (BsonValue id : ids) {
            documents.findById(collection, id).ifPresent(found::add);
        }
        return found;
    }

    /** Validates all first (nothing written when one is invalid), then inserts one by one. */
    public List<BsonValue> insertAll(CollectionRef collection, List<BsonDocument> batch) {
        List<BsonDocument> complete = completeAll(collection, batch);
        List<BsonValue> ids = new ArrayList<>(complete.size());
        for (BsonDocument document : complete) {
            ids.add(documents.insert(collection, document));
        }
        return ids;
    }

    /**
     * Every document of a batch to insert with its insert defaults filled (one "now" for all), each validated:
     * refuses the whole batch when one is missing or invalid, so that nothing is written.
     */
    public static List<BsonDocument> completeAll(CollectionRef collection, List<BsonDocument> batch) {
        Instant now = Instant.now();
        List<BsonDocument> complete = new ArrayList<>(batch.size());
        for (BsonDocument document : batch) {
            if (document == null) {
                throw new StorageValidationException("The document is missing");
            }
            BsonDocument filled = InsertDefaults.apply(collection, document, now);
            DocumentValidator.validate(collection, filled);
            complete.add(filled);
        }
        return complete;
    }

    public long deleteByIds(CollectionRef collection, List<BsonValue> ids) {
        long deleted = 0;
        for (BsonValue id : ids) {
            deleted += documents.delete(collection, id) ? 1 : 0;
        }
        return deleted;
    }
}
