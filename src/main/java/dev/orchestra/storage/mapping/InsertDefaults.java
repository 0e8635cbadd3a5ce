package dev.orchestra.storage.mapping;

import dev.orchestra.storage.schema.Fields;

import dev.orchestra.storage.model.CollectionRef;
import dev.orchestra.storage.model.StoreCollection;
import java.time.Instant;
import java.util.UUID;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

/** What a store fills in when a document is inserted without it: {@code _id} first, the time field(s), metadata. */
public final class InsertDefaults {
    private InsertDefaults() {
    }

    /** A copy of {@code document} with {@code _id} (a new UUID string) first and missing defaults added. */
    public static BsonDocument apply(CollectionRef collection, BsonDocument document, Instant now) {
        BsonDocument result = new BsonDocument();
        BsonValue id = document.get(Fields.ID);
        result.put(Fields.ID, id == null ? new BsonString(UUID.randomUUID().toString()) : id);
        document.forEach((key, value) -> {
            if (!Fields.ID.equals(key)) {
                result.put(key, value);
            }
        });
        BsonDateTime nowValue = new BsonDateTime(now.toEpochMilli());
        String time = collection.timeField();
        if (!result.containsKey(time) || result.get(time).isNull()) {
            result.put(time, nowValue);
        }
        if (collection == StoreCollection.USER_SESSIONS && !result.containsKey(Fields.CREATED_AT)) {
            result.put(Fields.CREATED_AT, nowValue);
        }
        if (collection instanceof StoreCollection && !result.containsKey(Fields.METADATA)) {
            result.put(Fields.METADATA, new BsonDocument());
        }
        return result;
    }
}
