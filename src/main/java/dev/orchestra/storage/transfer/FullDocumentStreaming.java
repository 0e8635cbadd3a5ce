package dev.orchestra.storage.transfer;

import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.StoreCollection;

/**
 * Extension point for stores that can stream the <em>full</em> documents matching a filter (embedding and every
 * other field included) through one server cursor, e.g. MongoDB's {@code find(filter).batchSize(n)} without a
 * projection. Exports use it when the {@link dev.orchestra.storage.MemoryManager} implements it (decorators such as
 * the tiered or read-only managers should delegate to the store they wrap); otherwise they fall back to
 * {@link PagedFullDocumentStream}, which needs an extra {@code findById} for every row that has an embedding.
 * Documents come in no particular order; memory use must not grow with the number of documents.
 */
public interface FullDocumentStreaming {
    /**
     * @throws dev.orchestra.storage.StorageValidationException when the filter does not apply to the collection
     */
    DocumentCursor streamFullDocuments(StoreCollection collection, DocumentFilter filter);
}
