package dev.orchestra.storage;

import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.CollectionRef;

/**
 * What a store offers when it can stream the <em>full</em> documents matching a filter (embedding and every other
 * field included) through one server cursor, e.g. MongoDB's {@code find(filter).batchSize(n)} without a projection:
 * a capability ({@link StoreLifecycle#capability}; decorators such as the tiered and read-only managers return
 * their store's). Exports use it; without it they fall back to reading page by page
 * ({@code transfer.PagedFullDocumentStream}), which needs an extra {@code findById} for every row that has an
 * embedding.
 * Documents come in no particular order; memory use must not grow with the number of documents.
 */
public interface FullDocumentStreaming {
    /**
     * @throws dev.orchestra.storage.error.StorageValidationException when the filter does not apply to the collection
     */
    DocumentCursor streamFullDocuments(CollectionRef collection, DocumentFilter filter);
}
