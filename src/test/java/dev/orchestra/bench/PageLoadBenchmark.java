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
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonNull;
import org.bson.BsonString;

/**
 * Page loads of {@code memory_items} (newest first) through {@link MemoryManager#findPage} and through the raw driver
 * running the same query (the same aggregation: filter, sort, limit, {@code embedding_dim} added and
 * {@code embedding} left out), interleaved so that all see the same server state; plus, for comparison, a raw
 * {@code find} that only leaves out {@code embedding} (what computing the dimension costs on the server) and
 * skip/limit paging.
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
                   Samples skipDeep, Samples findFirst, Samples findDeep) {
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
        Samples findFirst = new Samples();
        Samples findDeep = new Samples();
        for (int r = -WARM_UP_ROUNDS; r < rounds; r++) {
            if (r == 0) {
                libFirst = new Samples();
                rawFirst = new Samples();
                libDeep = new Samples();
                rawDeep = new Samples();
                skipFirst = new Samples();
                skipDeep = new Samples();
                findFirst = new Samples();
                findDeep = new Samples();
            }
            check(libFirst.time(() -> libraryPage(null).items().size()));
            check(rawFirst.time(() -> rawKeyset(null).size()));
            check(libDeep.time(() -> libraryPage(deep).items().size()));
            check(rawDeep.time(() -> rawKeyset(deep).size()));
            check(skipFirst.time(() -> rawSkip(0).size()));
            check(skipDeep.time(() -> rawSkip(DEEP).size()));
            check(findFirst.time(() -> rawFind(null).size()));
            check(findDeep.time(() -> rawFind(deep).size()));
        }
        return new Figures(libFirst, rawFirst, libDeep, rawDeep, skipFirst, skipDeep, findFirst, findDeep);
    }

    Page<BsonDocument> libraryPage(PageCursor after) {
        return library.findPage(StoreCollection.MEMORY_ITEMS, DocumentFilter.none(), new PageRequest(PAGE, after));
    }

    /** The same query written by hand: the library's filter and stages, one aggregate, no library code. */
    List<BsonDocument> rawKeyset(PageCursor after) {
        BsonString embedding = new BsonString("$embedding");
        BsonDocument dimension = new BsonDocument("$cond", new BsonArray(List.of(
                new BsonDocument("$isArray", embedding), new BsonDocument("$size", embedding), BsonNull.VALUE)));
        return raw.aggregate(List.of(
                new BsonDocument("$match", keysetFilter(after)),
                new BsonDocument("$sort", newestFirst()),
                new BsonDocument("$limit", new BsonInt32(PAGE + 1)),
                new BsonDocument("$addFields", new BsonDocument("embedding_dim", dimension)),
                new BsonDocument("$project", new BsonDocument("embedding", new BsonInt32(0)))))
                .into(new ArrayList<>());
    }

    /** A plain find that only leaves out {@code embedding} (no dimension): not the same query, for comparison. */
    List<BsonDocument> rawFind(PageCursor after) {
        return listed(raw.find(keysetFilter(after))).limit(PAGE + 1).into(new ArrayList<>());
    }

    private static BsonDocument keysetFilter(PageCursor after) {
        StoreCollection items = StoreCollection.MEMORY_ITEMS;
        return after == null ? StoreQueries.dated(items) : StoreQueries.datedAfter(items, after);
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
