package dev.orchestra.storage.safety;

import static dev.orchestra.storage.validation.Arguments.requireArgument;

import dev.orchestra.storage.DocumentStore;
import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.validation.DocumentValidator;
import java.time.Clock;
import java.util.UUID;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

/** Insert, guarded update and duplicate: validated first, written through the manager, then audited. */
final class DocumentEdits {
    private final DocumentStore manager;
    private final WriteLock lock;
    private final AuditLog audit;
    private final Clock clock;

    DocumentEdits(DocumentStore manager, WriteLock lock, AuditLog audit, Clock clock) {
        this.manager = manager;
        this.lock = lock;
        this.audit = audit;
        this.clock = clock;
    }

    BsonDocument update(StoreCollection collection, BsonDocument expected, BsonDocument replacement) {
        requireArgument(collection, "collection");
        lock.checkWritable("update in " + collection.collectionName());
        BsonValue id = requireSameId(expected, replacement);
        DocumentValidator.validateChange(collection, expected, replacement);
        manager.replace(collection, expected, replacement);
        audit.updated(collection, id, expected, replacement);
        return replacement.clone();
    }

    BsonValue insert(StoreCollection collection, BsonDocument document) {
        requireArgument(collection, "collection");
        lock.checkWritable("insert into " + collection.collectionName());
        if (document == null) {
            throw new StorageValidationException("No document given");
        }
        BsonDocument complete = withDefaults(collection, document);
        DocumentValidator.validate(collection, complete);
        BsonValue id = manager.insert(collection, complete);
        // The store may add further defaults (metadata, created_at): audit what was stored.
        audit.inserted(collection, id, manager.findById(collection, id).orElse(complete));
        return id;
    }

    /** A copy of a stored document to edit before inserting: no {@code _id}, the time field set to now. */
    BsonDocument duplicateDraft(StoreCollection collection, BsonValue id) {
        requireArgument(collection, "collection");
        BsonDocument original = manager.findById(collection, id).orElseThrow(() -> new StorageValidationException(
                "No document with _id " + id + " in " + collection.collectionName() + " to duplicate"));
        BsonDocument draft = original.clone();
        draft.remove("_id");
        draft.put(collection.timeField(), now());
        return draft;
    }

    /** Fills {@code _id} (a UUID string, first field) and the time field (now) when absent. */
    private BsonDocument withDefaults(StoreCollection collection, BsonDocument document) {
        BsonDocument copy = document.clone();
        var complete = new BsonDocument();
        complete.put("_id", copy.containsKey("_id") ? copy.get("_id") : new BsonString(UUID.randomUUID().toString()));
        complete.putAll(copy);
        if (!complete.containsKey(collection.timeField())) {
            complete.put(collection.timeField(), now());
        }
        return complete;
    }

    private BsonDateTime now() {
        return new BsonDateTime(clock.millis());
    }

    private static BsonValue requireSameId(BsonDocument expected, BsonDocument replacement) {
        if (expected == null || replacement == null) {
            throw new StorageValidationException("Both the loaded document and its replacement are needed");
        }
        BsonValue id = expected.get("_id");
        if (id == null) {
            throw new StorageValidationException("The loaded document has no _id");
        }
        BsonValue newId = replacement.get("_id");
        if (newId == null) {
            throw new StorageValidationException("The _id was removed; it must stay " + id);
        }
        if (!id.equals(newId)) {
            throw new StorageValidationException("The _id cannot change (was " + id + ", now " + newId
                    + "); duplicate the document to create one with another _id");
        }
        return id;
    }
}
