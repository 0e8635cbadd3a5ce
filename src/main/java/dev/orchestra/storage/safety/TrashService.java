package dev.orchestra.storage.safety;

import dev.orchestra.storage.DocumentStore;
import dev.orchestra.storage.error.StorageConflictException;
import dev.orchestra.storage.error.StorageException;
import dev.orchestra.storage.error.StorageOperationException;
import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.Page;
import dev.orchestra.storage.model.PageCursor;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.CollectionRef;
import dev.orchestra.storage.model.InspectorCollection;
import dev.orchestra.storage.model.StoreCollection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code inspector_trash}: copies of deleted documents, listed newest first and restorable to their collection.
 * A restore puts back exactly the stored document (whatever shape its writer gave it, valid for our validator or
 * not: it was stored so before the delete) and never overwrites: when a document with the same {@code _id} exists
 * again it is refused and the entry stays in the trash. Entries expire after 30 days through the TTL index on
 * {@code deleted_at}.
 */
public final class TrashService {
    private static final Logger LOG = LoggerFactory.getLogger(TrashService.class);
    private static final int SCAN_PAGE = 500;

    private final DocumentStore manager;
    private final WriteLock lock;
    private final AuditLog audit;
    private final Actor actor;
    private final Clock clock;

    public TrashService(DocumentStore manager, WriteLock lock, AuditLog audit, Actor actor, Clock clock) {
        this.manager = manager;
        this.lock = lock;
        this.audit = audit;
        this.actor = actor;
        this.clock = clock;
    }

    /** Newest first. */
    public Page<TrashEntry> list(PageRequest page) {
        return list(DocumentFilter.none(), page);
    }

    /** Everything one delete operation removed, newest first. */
    public Page<TrashEntry> listBatch(String batchId, PageRequest page) {
        return list(DocumentFilter.none().withRawFilter(new BsonDocument(TrashEntry.BATCH_ID, new BsonString(batchId))),
                page);
    }

    public Optional<TrashEntry> find(BsonValue trashId) {
        return manager.findById(InspectorCollection.TRASH, trashId).map(TrashEntry::fromDocument);
    }

    /**
     * Puts one document back and removes its trash entry. Returns the restored document's {@code _id}.
     *
     * @throws StorageConflictException   when a document with that {@code _id} exists again (carries it)
     * @throws StorageValidationException when there is no such entry
     */
    public BsonValue restore(BsonValue trashId) {
        lock.checkWritable("restore from the trash");
        TrashEntry entry = find(trashId).orElseThrow(() -> new StorageValidationException("There is no trash entry "
                + trashId + " (already restored, or removed after 30 days)"));
        StoreCollection source = sourceOf(entry);
        refuseIfExists(entry, source);
        putBack(entry, source);
        audit.restored(source.collectionName(), entry.documentId(), entry.document(), entry.batchId());
        return entry.documentId();
    }

    /** Restores what can be restored of a batch (the undo of one delete); the rest stays, with reasons. */
    public RestoreReport restoreBatch(String batchId) {
        lock.checkWritable("restore from the trash");
        List<BsonValue> trashIds = trashIdsOf(batchId);
        long restored = 0;
        TrashEntry last = null;
        List<RestoreReport.Refusal> refused = new ArrayList<>();
        for (BsonValue trashId : trashIds) {
            Optional<TrashEntry> entry = find(trashId);
            if (entry.isEmpty()) {
                continue; // restored meanwhile
            }
            try {
                StoreCollection source = sourceOf(entry.get());
                refuseIfExists(entry.get(), source);
                putBack(entry.get(), source);
                restored++;
                last = entry.get();
            } catch (StorageValidationException | StorageOperationException e) {
                // A refusal of one document (exists again, unique session key) must not stop the
                // others; a connection failure does stop it, and running the undo again continues.
                refused.add(new RestoreReport.Refusal(trashId, entry.get().sourceCollection(),
                        entry.get().documentId(), e.getMessage()));
            }
        }
        if (restored == 1 && trashIds.size() == 1) {
            audit.restored(last.sourceCollection(), last.documentId(), last.document(), batchId);
        } else if (restored > 0) {
            audit.restoredBatch(batchId, restored);
        }
        LOG.info("Restored {} document(s) of trash batch {}; {} refused", restored, batchId, refused.size());
        return new RestoreReport(batchId, restored, refused);
    }

    /** Copies a document about to be deleted; returns the trash entry's id. Nothing is deleted here. */
    BsonValue copy(StoreCollection source, BsonDocument original, String batchId) {
        var entry = new TrashEntry(new BsonString(UUID.randomUUID().toString()), source.collectionName(), original,
                clock.instant(), actor.user(), actor.origin(), batchId);
        try {
            manager.insert(InspectorCollection.TRASH, entry.toDocument());
            return entry.id();
        } catch (StorageException e) {
            throw new TrashCopyException("Could not copy " + source.collectionName() + " " + original.get("_id")
                    + " to the trash, so it was not deleted: " + e.getMessage(), e);
        }
    }

    /**
     * Copies a batch of documents about to be deleted with one {@link DocumentStore#insertAll}; returns the trash
     * entries' ids in the order of {@code originals}. Nothing is deleted here. On failure the copies that did get in
     * are removed again (best effort: their originals are untouched) and {@link TrashCopyException} is thrown.
     */
    List<BsonValue> copyAll(StoreCollection source, List<BsonDocument> originals, String batchId) {
        List<BsonDocument> entries = new ArrayList<>(originals.size());
        for (BsonDocument original : originals) {
            entries.add(new TrashEntry(new BsonString(UUID.randomUUID().toString()), source.collectionName(), original,
                    clock.instant(), actor.user(), actor.origin(), batchId).toDocument());
        }
        List<BsonValue> trashIds = entries.stream().map(e -> e.get(TrashEntry.ID)).toList();
        try {
            manager.insertAll(InspectorCollection.TRASH, entries);
            return trashIds;
        } catch (StorageException e) {
            discardQuietly(trashIds);
            throw new TrashCopyException("Could not copy " + originals.size() + " document(s) of "
                    + source.collectionName() + " to the trash, so they were not deleted: " + e.getMessage(), e);
        }
    }

    private void discardQuietly(List<BsonValue> trashIds) {
        try {
            manager.deleteByIds(InspectorCollection.TRASH, trashIds);
        } catch (StorageException e) {
            LOG.warn("Could not remove the partial trash copies of a failed copy (their originals were not deleted): {}",
                    e.getMessage());
        }
    }

    /** Drops a copy whose original turned out not to be deleted by us (someone else deleted it first). */
    void discard(BsonValue trashId) {
        manager.delete(InspectorCollection.TRASH, trashId);
    }

    private Page<TrashEntry> list(DocumentFilter filter, PageRequest page) {
        Page<BsonDocument> raw = manager.findPage(InspectorCollection.TRASH, filter, page);
        return new Page<>(raw.items().stream().map(TrashEntry::fromDocument).toList(), raw.next(), raw.hasMore());
    }

    private List<BsonValue> trashIdsOf(String batchId) {
        List<BsonValue> ids = new ArrayList<>();
        PageCursor cursor = null;
        do {
            Page<TrashEntry> page = listBatch(batchId, new PageRequest(SCAN_PAGE, cursor));
            page.items().forEach(e -> ids.add(e.id()));
            cursor = page.hasMore() ? page.next() : null;
        } while (cursor != null);
        return ids;
    }

    private static StoreCollection sourceOf(TrashEntry entry) {
        CollectionRef named = CollectionRef.fromName(String.valueOf(entry.sourceCollection()));
        if (!(named instanceof StoreCollection source) || entry.documentId() == null) {
            throw new StorageValidationException("Trash entry " + entry.id() + " cannot be restored: it names no "
                    + "Orchestra collection or its document has no _id");
        }
        return source;
    }

    private void refuseIfExists(TrashEntry entry, StoreCollection source) {
        Optional<BsonDocument> existing = manager.findById(source, entry.documentId());
        if (existing.isPresent()) {
            throw idTaken(entry, source, existing.get());
        }
    }

    private static StorageConflictException idTaken(TrashEntry entry, StoreCollection source, BsonDocument existing) {
        return new StorageConflictException("Not restored: a document with _id " + entry.documentId()
                + " exists again in " + source.collectionName() + ". Delete or change that one first; the copy stays"
                + " in the trash.", existing);
    }

    private void putBack(TrashEntry entry, StoreCollection source) {
        try {
            manager.restoreExactly(source, entry.document());
        } catch (StorageConflictException taken) {
            // written again between our look and the insert
            throw idTaken(entry, source, taken.current().orElse(null));
        }
        try {
            manager.delete(InspectorCollection.TRASH, entry.id());
        } catch (StorageException e) {
            // The document is back; a stale entry is harmless because restoring it again is refused.
            LOG.warn("Restored {} {} but could not remove trash entry {}: {}", source.collectionName(),
                    entry.documentId(), entry.id(), e.getMessage());
        }
    }
}
