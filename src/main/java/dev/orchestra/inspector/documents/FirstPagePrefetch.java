package dev.orchestra.inspector.documents;

import dev.orchestra.inspector.common.BackgroundRunner;
import dev.orchestra.storage.DocumentStore;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.Page;
import dev.orchestra.storage.model.PageCursor;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.StoreCollection;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
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
    private volatile BackgroundRunner.Job reading = BackgroundRunner.Job.NONE;
    // written on the UI thread, read on the opening thread
    private volatile boolean wanted;
    private volatile int pageSize;

    private record Pending(DocumentStore store, int size, FutureTask<Page<BsonDocument>> page) {
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
        var page = new FutureTask<>(() -> store.findPage(collection, DocumentFilter.none(), PageRequest.first(size)));
        pending.set(new Pending(store, size, page));
        reading = runner.run("Reading the first page of " + collection.collectionName(), () -> {
            page.run();
            return null;
        }, done -> { }, failed -> { }); // the load that takes it reports the outcome
    }

    /** Esc: stops the read (a load waiting for it is cancelled by its own command). */
    void cancel() {
        Pending p = pending.getAndSet(null);
        if (p != null) {
            p.page().cancel(true);
        }
        reading.cancel();
    }

    /** The read started for exactly this request, or null (then the caller queries); nothing stays pending. */
    Future<Page<BsonDocument>> take(DocumentStore store, DocumentFilter filter, int size, PageCursor cursor) {
        Pending p = pending.getAndSet(null);
        if (p == null || p.store() != store || !filter.isEmpty() || p.size() != size || cursor != null) {
            return null;
        }
        return p.page();
    }

    /** The page, when {@code read} has finished without an error; otherwise null. */
    static Page<BsonDocument> readyPage(Future<Page<BsonDocument>> read) {
        if (!read.isDone() || read.isCancelled()) {
            return null;
        }
        try {
            return read.get(); // done: does not wait
        } catch (ExecutionException e) {
            return null; // the load that waits for it reports the failure
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Work that waits for {@code read}; its failure is thrown as the storage call's own exception. */
    static Callable<Page<BsonDocument>> waitingFor(Future<Page<BsonDocument>> read) {
        return () -> {
            try {
                return read.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        };
    }
}
