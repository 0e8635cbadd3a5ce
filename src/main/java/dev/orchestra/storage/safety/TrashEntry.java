package dev.orchestra.storage.safety;

import java.time.Instant;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * One deleted document kept in {@code inspector_trash}.
 *
 * @param id               the trash entry's own {@code _id} (what {@link TrashService#restore} takes)
 * @param sourceCollection the collection it was deleted from
 * @param document         the full original, every BSON type as stored
 * @param batchId          shared by everything one delete operation removed: the undo token
 */
public record TrashEntry(
        BsonValue id,
        String sourceCollection,
        BsonDocument document,
        Instant deletedAt,
        String deletedBy,
        String origin,
        String batchId) {

    static final String ID = "_id";
    static final String SOURCE_COLLECTION = "source_collection";
    static final String DOCUMENT = "document";
    static final String DELETED_AT = "deleted_at";
    static final String DELETED_BY = "deleted_by";
    static final String ORIGIN = "origin";
    static final String BATCH_ID = "batch_id";

    public TrashEntry {
        document = document == null ? new BsonDocument() : document.clone();
    }

    /** The {@code _id} the document had (and gets back on restore). */
    public BsonValue documentId() {
        return document.get(ID);
    }

    BsonDocument toDocument() {
        return new BsonDocument(ID, id)
                .append(SOURCE_COLLECTION, new BsonString(sourceCollection))
                .append(DOCUMENT, document.clone())
                .append(DELETED_AT, new BsonDateTime(deletedAt.toEpochMilli()))
                .append(DELETED_BY, new BsonString(deletedBy))
                .append(ORIGIN, new BsonString(origin))
                .append(BATCH_ID, new BsonString(batchId));
    }

    /** Lenient: a field of another type reads as null rather than failing the whole trash view. */
    static TrashEntry fromDocument(BsonDocument stored) {
        BsonValue deletedAt = stored.get(DELETED_AT);
        BsonValue original = stored.get(DOCUMENT);
        return new TrashEntry(
                stored.get(ID),
                string(stored, SOURCE_COLLECTION),
                original != null && original.isDocument() ? original.asDocument() : null,
                deletedAt != null && deletedAt.isDateTime() ? Instant.ofEpochMilli(deletedAt.asDateTime().getValue()) : null,
                string(stored, DELETED_BY),
                string(stored, ORIGIN),
                string(stored, BATCH_ID));
    }

    private static String string(BsonDocument document, String field) {
        BsonValue value = document.get(field);
        return value != null && value.isString() ? value.asString().getValue() : null;
    }
}
