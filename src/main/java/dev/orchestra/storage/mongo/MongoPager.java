package dev.orchestra.storage.mongo;

import com.mongodb.client.MongoCollection;
import dev.orchestra.storage.schema.Fields;
import dev.orchestra.storage.mapping.StoreQueries;
import dev.orchestra.storage.model.Page;
import dev.orchestra.storage.model.PageCursor;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.CollectionRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;

/**
 * Keyset paging as {@link PageCursor} describes it: the dated part by (time desc, _id desc) starting after the
 * cursor, then the undated tail by _id desc and offset. Rows never carry {@code embedding}: the server drops it
 * and adds {@code embedding_dim} ({@code $isArray}/{@code $size}), so list pages stay small on the wire.
 */
final class MongoPager {
    private final Duration maxTime;

    MongoPager(Duration maxTime) {
        this.maxTime = maxTime;
    }

    Page<BsonDocument> page(MongoCollection<BsonDocument> collection, CollectionRef kind, BsonDocument filter,
                            PageRequest request) {
        String time = kind.timeField();
        int size = request.size();
        PageCursor after = request.after();
        List<BsonDocument> rows = new ArrayList<>();
        long tailOffset = 0;
        if (after == null || !after.inUndatedTail()) {
            BsonDocument position = after == null ? StoreQueries.dated(kind) : StoreQueries.datedAfter(kind, after);
            List<BsonDocument> dated = rows(collection, StoreQueries.and(filter, position),
                    new BsonDocument(time, new BsonInt32(-1)).append(Fields.ID, new BsonInt32(-1)), 0, size + 1);
            if (dated.size() > size) {
                BsonDocument last = dated.get(size - 1);
                return new Page<>(dated.subList(0, size), new PageCursor(last.get(time), last.get(Fields.ID), -1),
                        true);
            }
            rows.addAll(dated);
        } else {
            tailOffset = after.tailOffset();
        }
        int needed = size - rows.size();
        List<BsonDocument> tail = rows(collection, StoreQueries.and(filter, StoreQueries.undated(kind)),
                new BsonDocument(Fields.ID, new BsonInt32(-1)), tailOffset, needed + 1);
        boolean hasMore = tail.size() > needed;
        List<BsonDocument> tailShown = tail.subList(0, Math.min(needed, tail.size()));
        rows.addAll(tailShown);
        if (!hasMore || rows.isEmpty()) {
            return new Page<>(rows, null, false);
        }
        BsonDocument last = rows.get(rows.size() - 1);
        PageCursor next = tailShown.isEmpty()
                ? new PageCursor(last.get(time), last.get(Fields.ID), -1)
                : new PageCursor(last.get(time, BsonNull.VALUE), last.get(Fields.ID), tailOffset + tailShown.size());
        return new Page<>(rows, next, true);
    }

    private List<BsonDocument> rows(MongoCollection<BsonDocument> collection, BsonDocument match, BsonDocument sort,
                                    long skip, int limit) {
        List<BsonDocument> pipeline = new ArrayList<>();
        pipeline.add(new BsonDocument("$match", match));
        pipeline.add(new BsonDocument("$sort", sort));
        if (skip > 0) {
            pipeline.add(new BsonDocument("$skip", new BsonInt64(skip)));
        }
        pipeline.add(new BsonDocument("$limit", new BsonInt32(limit)));
        pipeline.addAll(listRowStages());
        List<BsonDocument> result = collection.aggregate(pipeline).maxTime(maxTime.toMillis(), TimeUnit.MILLISECONDS)
                .into(new ArrayList<>());
        result.forEach(MongoPager::dropNullDimension);
        return result;
    }

    /**
     * {@code embedding_dim} where {@code embedding} is an array, then {@code embedding} removed. ($$REMOVE would
     * leave the field out server-side, but mongo-java-server lacks it: a null dimension is dropped here instead.)
     */
    static List<BsonDocument> listRowStages() {
        BsonString embedding = new BsonString("$" + Fields.EMBEDDING);
        BsonDocument dimension = new BsonDocument("$cond", new BsonArray(List.of(
                new BsonDocument("$isArray", embedding),
                new BsonDocument("$size", embedding),
                BsonNull.VALUE)));
        return List.of(
                new BsonDocument("$addFields", new BsonDocument(Fields.EMBEDDING_DIM, dimension)),
                new BsonDocument("$project", new BsonDocument(Fields.EMBEDDING, new BsonInt32(0))));
    }

    static void dropNullDimension(BsonDocument row) {
        if (row.containsKey(Fields.EMBEDDING_DIM) && row.get(Fields.EMBEDDING_DIM).isNull()) {
            row.remove(Fields.EMBEDDING_DIM);
        }
    }
}
