package dev.orchestra.inspector.documents;

import dev.orchestra.inspector.common.BackgroundRunner;
import dev.orchestra.inspector.common.EarlyRead;
import dev.orchestra.storage.DocumentStore;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.Page;
import dev.orchestra.storage.model.PageCursor;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.StoreCollection;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.BsonDocument;

/**
 * A view's first page, read as soon as the store opens instead of when the window hears of it: at launch the window
 * is still being built when the store opens (the FX thread only learns of it afterwards), so the page is ready, or
 * on its way, when the view asks for it. Taken at most once per opening, and only for exactly the page it read
 * (the same store, no filter, the same page size, the first page); any other load queries as usual.
 */
final class FirstPagePrefetch {
    private final BackgroundRunner runner;
    private final StoreCollection collection;
    private final AtomicReference<Pending> pending = new AtomicReference<>();
    private volatile EarlyRead<Page<BsonDocument>> latest;
    // written on the UI thread, read on the opening thread
    private volatile boolean wanted;
    private volatile int pageSize;

    private record Pending(DocumentStore store, int size, EarlyRead<Page<BsonDocument>> page) {
    }

    FirstPagePrefetch(BackgroundRunner runner, StoreCollection collection) {
        this.runner = runner;
        this.collection = collection;
    }

    /** What the view will ask for when the store opens: nothing while it is hidden. Called on the UI thread. */
    void expect(boolean showing, int size) {
        this.wanted = showing;
        this.pageSize = size;
    }

    /** Starts reading the first page from the store that just opened. Called on the opening thread. */
    void start(DocumentStore store) {
        if (!wanted) {
            return;
        }
        int size = pageSize;
        EarlyRead<Page<BsonDocument>> page = EarlyRead.start(runner, "Reading the first page of "
                + collection.collectionName(), () -> store.findPage(collection, DocumentFilter.none(),
                PageRequest.first(size)));
        latest = page;
        pending.set(new Pending(store, size, page));
    }

    /** The read started for exactly this request, or null (then the caller queries); nothing stays pending. */
    EarlyRead<Page<BsonDocument>> take(DocumentStore store, DocumentFilter filter, int size, PageCursor cursor) {
        Pending p = pending.getAndSet(null);
        if (p == null || p.store() != store || !filter.isEmpty() || p.size() != size || cursor != null) {
            return null;
        }
        return p.page();
    }

    /** Esc: stops the read, taken or not (a load waiting for it is cancelled by its own command). */
    void cancel() {
        pending.set(null);
        EarlyRead<Page<BsonDocument>> read = latest;
        if (read != null) {
            read.cancel();
        }
    }
}
