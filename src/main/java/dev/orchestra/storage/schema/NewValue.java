package dev.orchestra.storage.schema;

import java.time.Instant;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;

/** What the template for a new document puts in a field; {@link #ABSENT} leaves it out. */
@FunctionalInterface
public interface NewValue {
    NewValue ABSENT = now -> null;
    NewValue NULL = now -> BsonNull.VALUE;
    NewValue NOW = now -> new BsonDateTime(now.toEpochMilli());
    NewValue EMPTY_TEXT = text("");
    NewValue EMPTY_DOCUMENT = now -> new BsonDocument();

    /** The value for a document created at {@code now}, or null to leave the field out. */
    BsonValue at(Instant now);

    static NewValue text(String text) {
        return now -> new BsonString(text);
    }
}
