package dev.orchestra.storage.inmemory;

import static dev.orchestra.storage.validation.Arguments.requireArgument;
import static dev.orchestra.storage.validation.Arguments.requireRestorableId;

import dev.orchestra.storage.StoreParts;
import dev.orchestra.storage.error.StorageConflictException;
import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.mapping.InsertDefaults;
import dev.orchestra.storage.mapping.StoreQueries;
import dev.orchestra.storage.model.CollectionRef;
import dev.orchestra.storage.model.CountEstimate;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.Page;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.schema.Fields;
import dev.orchestra.storage.validation.DocumentValidator;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The document operations of the inspector and the CLI in memory, one document or one query at a time: pages,
 * counts, reads, inserts, the guarded replace, deletes and the types a collection holds.
 */
final class InMemoryDocuments implements StoreParts.Documents {
    private final InMemoryCollections collections;
    private final Clock clock;

    InMemoryDocuments(InMemoryCollections collections, Clock clock) {
        this.collections = collections;
        this.clock = clock;
    }

    @Override
    public Page<BsonDocument> findPage(CollectionRef collection, DocumentFilter filter, PageRequest page) {
        requireArgument(page, "page request");
        BsonDocument query = StoreQueries.filter(collection, filter);
        return collections.read(() -> InMemoryPager.page(collection, collections.get(collection).find(query), page));
    }

    @Override
    public CountEstimate count(CollectionRef collection, DocumentFilter filter) {
        BsonDocument query = StoreQueries.filter(collection, filter);
        return collections.read(() -> new CountEstimate(collections.get(collection).find(query).size(), true));
    }

    @Override
    public Optional<BsonDocument> findById(CollectionRef collection, BsonValue id) {
        requireArgument(id, "_id");
        return collections.read(() -> collections.get(collection).get(id));
    }

    @Override
    public BsonValue insert(CollectionRef collection, BsonDocument document) {
        requireArgument(document, "document");
        BsonDocument complete = InsertDefaults.apply(collection, document, clock.instant());
        DocumentValidator.validate(collection, complete);
        return collections.write(() -> {
            collections.get(collection).insert(complete);
            return complete.get(Fields.ID);
        });
    }

    @Override
    public void restoreExactly(StoreCollection collection, BsonDocument document) {
        BsonValue id = requireRestorableId(document);
        collections.write(() -> {
            InMemoryCollection docs = collections.get(collection);
            Optional<BsonDocument> taken = docs.get(id);
            if (taken.isPresent()) {
                throw new StorageConflictException("A document with _id " + id + " already exists in "
                        + collection.collectionName(), taken.get());
            }
            docs.insert(document);
            return null;
        });
    }

    void insertUnchecked(StoreCollection collection, BsonDocument document) {
        requireArgument(document, "document");
        if (!document.containsKey(Fields.ID)) {
            throw new StorageValidationException("An unchecked insert needs an _id");
        }
        collections.write(() -> {
            collections.get(collection).insert(document);
            return null;
        });
    }

    @Override
    public void replace(StoreCollection collection, BsonDocument expected, BsonDocument replacement) {
        BsonValue id = DocumentValidator.validateReplacement(collection, expected, replacement);
        collections.write(() -> {
            InMemoryCollection docs = collections.get(collection);
            if (!docs.replaceIfUnchanged(expected, replacement)) {
                BsonDocument current = docs.get(id).orElse(null);
                throw new StorageConflictException(current == null
                        ? "The document " + id + " was deleted since it was read"
                        : "The document " + id + " was changed since it was read", current);
            }
            return null;
        });
    }

    @Override
    public boolean delete(CollectionRef collection, BsonValue id) {
        requireArgument(id, "_id");
        return collections.write(() -> collections.get(collection).delete(id));
    }

    @Override
    public List<String> distinctTypes(StoreCollection collection, int limit) {
        String field = Fields.typeField(collection);
        StoreQueries.requireDistinctLimit(limit);
        return collections.read(() -> InMemoryPager.sortNewestFirst(collection,
                        collections.get(collection).find(new BsonDocument())).stream()
                .limit(StoreQueries.DISTINCT_TYPES_WINDOW)
                .map(d -> d.get(field)).filter(v -> v != null && v.isString()).map(v -> v.asString().getValue())
                .distinct().sorted().limit(limit).toList());
    }
}
