package dev.orchestra.storage.transfer;

import dev.orchestra.storage.error.ReadOnlyViolationException;
import dev.orchestra.storage.error.StorageConflictException;
import dev.orchestra.storage.error.StorageConnectionException;
import dev.orchestra.storage.error.StorageException;
import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.DocumentChecks;
import dev.orchestra.storage.DocumentStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Upsert through the plain contract: {@code findById}, then {@code replace} (guarded against a concurrent change) or
 * {@code insert}, skipping documents identical to the stored one. Slower than a bulk write (two round trips per
 * document) but every write goes through the manager, so the tiered manager invalidates the cache, and through
 * {@link DocumentWrites#audited} the write lock and the audit log see every document.
 */
public final class PerDocumentUpsert implements BulkUpsert {
    private final DocumentStore manager;
    private final DocumentWrites writes;

    public PerDocumentUpsert(DocumentStore manager, DocumentWrites writes) {
        this.manager = manager;
        this.writes = writes;
    }

    public PerDocumentUpsert(DocumentStore manager) {
        this(manager, DocumentWrites.direct(manager));
    }

    /** Only {@link DocumentChecks#SCHEMA}: the manager's single writes validate the schema. */
    @Override
    public UpsertOutcome upsertAll(StoreCollection collection, List<BsonDocument> documents, DocumentChecks checks) {
        if (checks != DocumentChecks.SCHEMA) {
            throw new StorageValidationException("Restoring as it is needs the batch write");
        }
        long inserted = 0;
        long replaced = 0;
        long unchanged = 0;
        Map<Integer, String> failures = new HashMap<>();
        for (int i = 0; i < documents.size(); i++) {
            try {
                switch (upsert(collection, documents.get(i))) {
                    case INSERTED -> inserted++;
                    case REPLACED -> replaced++;
                    case UNCHANGED -> unchanged++;
                }
            } catch (StorageConnectionException | ReadOnlyViolationException e) {
                throw e; // stops the import: no later document would fare better
            } catch (StorageException e) {
                failures.put(i, e.getMessage());
            }
        }
        return new UpsertOutcome(inserted, replaced, unchanged, failures);
    }

    @Override
    public List<BsonDocument> findStored(StoreCollection collection, List<BsonValue> ids) {
        return manager.findByIds(collection, ids);
    }

    private enum Result { INSERTED, REPLACED, UNCHANGED }

    private Result upsert(StoreCollection collection, BsonDocument document) {
        BsonValue id = document.get("_id");
        if (id == null) {
            writes.insert(collection, document);
            return Result.INSERTED;
        }
        for (int attempt = 0; ; attempt++) {
            Optional<BsonDocument> stored = manager.findById(collection, id);
            try {
                if (stored.isEmpty()) {
                    writes.insert(collection, document);
                    return Result.INSERTED;
                }
                if (stored.get().equals(document)) {
                    return Result.UNCHANGED;
                }
                writes.replace(collection, stored.get(), document);
                return Result.REPLACED;
            } catch (StorageConflictException e) {
                // someone else wrote it between our read and write (or inserted the same _id): read again, once
                if (attempt > 0) {
                    throw e;
                }
            }
        }
    }
}
