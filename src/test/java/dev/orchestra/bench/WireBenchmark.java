package dev.orchestra.bench;

import com.mongodb.client.MongoCollection;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.Page;
import dev.orchestra.storage.model.PageCursor;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.StoreCollection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Round trips and reply bytes per page, counted on the wire by a {@link MongoWireTap} in a proxy that both the
 * library and a raw client go through, compared with the size of the fields a list shows (the stored documents
 * without their embedding).
 */
final class WireBenchmark {
    private final MemoryManager library;
    private final MongoCollection<BsonDocument> rawViaProxy;
    private final MongoCollection<BsonDocument> direct;
    private final MongoWireTap tap;

    WireBenchmark(MemoryManager library, MongoCollection<BsonDocument> rawViaProxy,
                  MongoCollection<BsonDocument> direct, MongoWireTap tap) {
        this.library = library;
        this.rawViaProxy = rawViaProxy;
        this.direct = direct;
        this.tap = tap;
    }

    record Traffic(long roundTrips, long replyBytes) {
    }

    record Figures(Traffic firstPage, Traffic deepPage, Traffic count, Traffic fullDocuments, long listedBytes,
                   long embeddingsOnPage) {
        double bytesPerListedByte() {
            return (double) firstPage.replyBytes / listedBytes;
        }
    }

    Figures run() {
        Page<BsonDocument> page = library.findPage(StoreCollection.MEMORY_ITEMS, DocumentFilter.none(),
                PageRequest.first(PageLoadBenchmark.PAGE));
        Traffic first = measure(() -> library.findPage(StoreCollection.MEMORY_ITEMS, DocumentFilter.none(),
                PageRequest.first(PageLoadBenchmark.PAGE)));
        PageCursor deepCursor = PageLoadBenchmark.cursorAt(direct, PageLoadBenchmark.DEEP);
        Traffic deep = measure(() -> library.findPage(StoreCollection.MEMORY_ITEMS, DocumentFilter.none(),
                new PageRequest(PageLoadBenchmark.PAGE, deepCursor)));
        Traffic count = measure(() -> library.count(StoreCollection.MEMORY_ITEMS, DocumentFilter.none()));
        Traffic full = measure(() -> rawViaProxy.find().sort(PageLoadBenchmark.newestFirst())
                .limit(PageLoadBenchmark.PAGE + 1).into(new ArrayList<>()));
        List<BsonDocument> stored = storedDocuments(page.items());
        long listed = 0;
        long embeddings = 0;
        for (BsonDocument document : stored) {
            embeddings += document.isArray("embedding") ? 1 : 0;
            BsonDocument shown = document.clone();
            shown.remove("embedding");
            listed += WireMeter.bsonSize(shown);
        }
        return new Figures(first, deep, count, full, listed, embeddings);
    }

    private List<BsonDocument> storedDocuments(List<BsonDocument> rows) {
        BsonArray ids = new BsonArray();
        rows.forEach(row -> ids.add(row.get("_id")));
        List<BsonDocument> stored = direct.find(new BsonDocument("_id", new BsonDocument("$in", ids)))
                .into(new ArrayList<>());
        if (stored.size() != rows.size()) {
            throw new IllegalStateException("Expected " + rows.size() + " stored documents, found " + stored.size());
        }
        return stored;
    }

    private Traffic measure(Supplier<?> call) {
        tap.start();
        Object result = call.get();
        tap.stop();
        if (result == null) {
            throw new IllegalStateException("no result");
        }
        return new Traffic(tap.commands(), tap.replyBytes());
    }

    static BsonValue idOf(BsonDocument row) {
        return row.get("_id");
    }
}
