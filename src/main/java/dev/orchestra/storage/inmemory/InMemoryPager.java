package dev.orchestra.storage.inmemory;

import dev.orchestra.storage.schema.Fields;
import dev.orchestra.storage.mapping.ListRows;
import dev.orchestra.storage.model.Page;
import dev.orchestra.storage.model.PageCursor;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.CollectionRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.BsonValue;

/** Keyset paging over documents held in memory, with the same order and cursor rules as the MongoDB store. */
final class InMemoryPager {
    private InMemoryPager() {
    }

    /** Newest first: dated documents by (time desc, _id desc), then the undated ones by _id desc. */
    static List<BsonDocument> sortNewestFirst(CollectionRef collection, List<BsonDocument> documents) {
        String time = collection.timeField();
        List<BsonDocument> dated = new ArrayList<>();
        List<BsonDocument> undated = new ArrayList<>();
        for (BsonDocument d : documents) {
            BsonValue t = d.get(time);
            (t != null && t.isDateTime() ? dated : undated).add(d);
        }
        dated.sort(BsonQueryEngine.newestFirst(time));
        undated.sort(BsonQueryEngine.idDescending());
        dated.addAll(undated);
        return dated;
    }

    static Page<BsonDocument> page(CollectionRef collection, List<BsonDocument> matching, PageRequest request) {
        String time = collection.timeField();
        List<BsonDocument> sorted = sortNewestFirst(collection, matching);
        int datedCount = (int) sorted.stream().filter(d -> isDated(d, time)).count();
        int start = start(collection, sorted, datedCount, request.after());
        int end = Math.min(sorted.size(), start + request.size());
        List<BsonDocument> rows = new ArrayList<>();
        for (int i = start; i < end; i++) {
            rows.add(ListRows.withoutEmbedding(sorted.get(i)));
        }
        boolean hasMore = end < sorted.size();
        if (!hasMore || rows.isEmpty()) {
            return new Page<>(rows, null, false);
        }
        BsonDocument last = sorted.get(end - 1);
        PageCursor next = end - 1 < datedCount
                ? new PageCursor(last.get(time), last.get(Fields.ID), -1)
                : new PageCursor(last.get(time, BsonNull.VALUE), last.get(Fields.ID), end - datedCount);
        return new Page<>(rows, next, true);
    }

    private static int start(CollectionRef collection, List<BsonDocument> sorted, int datedCount, PageCursor after) {
        if (after == null) {
            return 0;
        }
        if (after.inUndatedTail()) {
            return (int) Math.min(sorted.size(), datedCount + after.tailOffset());
        }
        BsonDocument cursorRow = new BsonDocument(collection.timeField(), after.lastTime())
                .append(Fields.ID, after.lastId());
        Comparator<BsonDocument> order = BsonQueryEngine.newestFirst(collection.timeField());
        int i = 0;
        while (i < datedCount && order.compare(sorted.get(i), cursorRow) <= 0) {
            i++;
        }
        return i;
    }

    private static boolean isDated(BsonDocument d, String time) {
        BsonValue t = d.get(time);
        return t != null && t.isDateTime();
    }
}
