package dev.orchestra.bench;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.mapping.StoreQueries;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.Page;
import dev.orchestra.storage.model.PageCursor;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.StoreCollection;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonInt32;

/**
 * Page loads of {@code memory_items} (newest first) through {@link MemoryManager#findPage} and through the raw driver
 * running the same query (same filter, sort, limit, and the embedding left out), interleaved so that both see the
 * same server state; plus skip/limit paging for comparison.
 */
final class PageLoadBenchmark {
    static final int PAGE = 100;
    static final int DEEP = 10_000;
    /** Rounds of every variant run first and thrown away: both JVMs (client and server) must be warm. */
    static final int WARM_UP_ROUNDS = 6;

    private final MemoryManager library;
    private final MongoCollection<BsonDocument> raw;
    private final int rounds;

    PageLoadBenchmark(MemoryManager library, MongoCollection<BsonDocument> raw, int rounds) {
        this.library = library;
        this.raw = raw;
        this.rounds = rounds;
    }

    record Figures(Samples libraryFirst, Samples rawFirst, Samples libraryDeep, Samples rawDeep, Samples skipFirst,
                   Samples skipDeep) {
        double overheadFirst() {
            return libraryFirst.medianMs() / rawFirst.medianMs() - 1;
        }

        double overheadDeep() {
            return libraryDeep.medianMs() / rawDeep.medianMs() - 1;
        }
    }

    /** The cursor the library would hand out after {@code position} rows (the keyset of row position-1). */
    static PageCursor cursorAt(MongoCollection<BsonDocument> raw, int position) {
        BsonDocument row = raw.find(StoreQueries.dated(StoreCollection.MEMORY_ITEMS)).sort(newestFirst())
                .skip(position - 1).limit(1).projection(new BsonDocument("timestamp", new BsonInt32(1))).first();
        if (row == null) {
            throw new IllegalStateException("Fewer than " + position + " items: generate more data");
        }
        return new PageCursor(row.get("timestamp"), row.get("_id"), -1);
    }

    Figures run() {
        PageCursor deep = cursorAt(raw, DEEP);
        Samples libFirst = new Samples();
        Samples rawFirst = new Samples();
        Samples libDeep = new Samples();
        Samples rawDeep = new Samples();
        Samples skipFirst = new Samples();
        Samples skipDeep = new Samples();
        for (int r = -WARM_UP_ROUNDS; r < rounds; r++) {
            if (r == 0) {
                libFirst = new Samples();
                rawFirst = new Samples();
                libDeep = new Samples();
                rawDeep = new Samples();
                skipFirst = new Samples();
                skipDeep = new Samples();
            }
            check(libFirst.time(() -> libraryPage(null).items().size()));
            check(rawFirst.time(() -> rawKeyset(null).size()));
            check(libDeep.time(() -> libraryPage(deep).items().size()));
            check(rawDeep.time(() -> rawKeyset(deep).size()));
            check(skipFirst.time(() -> rawSkip(0).size()));
            check(skipDeep.time(() -> rawSkip(DEEP).size()));
        }
        return new Figures(libFirst, rawFirst, libDeep, rawDeep, skipFirst, skipDeep);
    }

    Page<BsonDocument> libraryPage(PageCursor after) {
        return library.findPage(StoreCollection.MEMORY_ITEMS, DocumentFilter.none(), new PageRequest(PAGE, after));
    }

    /** What a hand-written keyset query looks like: the library's filter, find + sort + limit + projection. */
    List<BsonDocument> rawKeyset(PageCursor after) {
        StoreCollection items = StoreCollection.MEMORY_ITEMS;
        BsonDocument filter = after == null ? StoreQueries.dated(items)
                : StoreQueries.and(StoreQueries.dated(items), StoreQueries.datedAfter(items, after));
        return listed(raw.find(filter)).limit(PAGE + 1).into(new ArrayList<>());
    }

    List<BsonDocument> rawSkip(int skip) {
        return listed(raw.find(StoreQueries.dated(StoreCollection.MEMORY_ITEMS))).skip(skip).limit(PAGE)
                .into(new ArrayList<>());
    }

    private static FindIterable<BsonDocument> listed(FindIterable<BsonDocument> find) {
        return find.sort(newestFirst()).projection(new BsonDocument("embedding", new BsonInt32(0)));
    }

    static BsonDocument newestFirst() {
        return new BsonDocument("timestamp", new BsonInt32(-1)).append("_id", new BsonInt32(-1));
    }

    private static void check(int rows) {
        if (rows < PAGE) {
            throw new IllegalStateException("A page came back with " + rows + " rows, expected " + PAGE);
        }
    }
}
