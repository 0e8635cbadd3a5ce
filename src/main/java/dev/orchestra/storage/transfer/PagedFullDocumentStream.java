package dev.orchestra.storage.transfer;

import dev.orchestra.storage.DocumentCursor;
import dev.orchestra.storage.DocumentStore;
import dev.orchestra.storage.FullDocumentStreaming;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.Page;
import dev.orchestra.storage.model.PageCursor;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.CollectionRef;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.NoSuchElementException;
import org.bson.BsonDocument;

/**
 * Full documents through the plain {@link DocumentStore} contract: keyset pages from {@code findPage} for the order
 * and the ids, then each stored document from {@code findById}. A list row cannot stand in for the document: it
 * lacks the embedding, and when the embedding was not an array (null, say) nothing even marks that it was there.
 * Exact for any implementation and fast in-process, but one round trip per document against a server: stores
 * offer {@link FullDocumentStreaming} (a capability, see {@link dev.orchestra.storage.StoreLifecycle#capability}).
 */
public final class PagedFullDocumentStream implements FullDocumentStreaming {
    private final DocumentStore manager;
    private final int pageSize;

    public PagedFullDocumentStream(DocumentStore manager, int pageSize) {
        this.manager = manager;
        this.pageSize = Math.min(pageSize, PageRequest.MAX_SIZE);
    }

    public PagedFullDocumentStream(DocumentStore manager) {
        this(manager, 500);
    }

    @Override
    public DocumentCursor streamFullDocuments(CollectionRef collection, DocumentFilter filter) {
        return new PagingCursor(collection, filter);
    }

    private final class PagingCursor implements DocumentCursor {
        private final CollectionRef collection;
        private final DocumentFilter filter;
        private final Deque<BsonDocument> buffered = new ArrayDeque<>();
        private PageCursor nextPage;
        private boolean exhausted;
        private BsonDocument next;

        PagingCursor(CollectionRef collection, DocumentFilter filter) {
            this.collection = collection;
            this.filter = filter;
        }

        @Override
        public boolean hasNext() {
            while (next == null) {
                if (buffered.isEmpty() && !fetchPage()) {
                    return false;
                }
                BsonDocument row = buffered.poll();
                if (row != null) {
                    // empty when deleted since the page was read: skipped, as a cursor would not see it either
                    next = manager.findById(collection, row.get("_id")).orElse(null);
                }
            }
            return true;
        }

        @Override
        public BsonDocument next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            BsonDocument result = next;
            next = null;
            return result;
        }

        private boolean fetchPage() {
            if (exhausted) {
                return false;
            }
            Page<BsonDocument> page = manager.findPage(collection, filter, new PageRequest(pageSize, nextPage));
            buffered.addAll(page.items());
            nextPage = page.next();
            exhausted = !page.hasMore() || nextPage == null;
            return !buffered.isEmpty();
        }

        @Override
        public void close() {
            buffered.clear();
            exhausted = true;
        }
    }
}
