package dev.orchestra.storage.safety;

import java.time.Instant;
import java.util.Optional;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * One entry of {@code inspector_audit}. Single-document actions carry {@code documentId} and the documents before
 * and after; bulk actions carry a description of what matched ({@code filter}) and {@code count} instead.
 *
 * @param action     an {@link AuditAction} wire name (kept as text so unknown entries still list)
 * @param documentId null for bulk actions
 * @param filter     null for single-document actions; never an executable query (raw filters are kept as JSON text)
 * @param count      null for single-document actions
 * @param before     null for insert/restore and bulk actions (or when omitted for size)
 * @param after      null for delete and bulk actions (or when omitted for size)
 * @param batchId    the trash batch of a delete or restore, null otherwise
 */
public record AuditEntry(
        BsonValue id,
        Instant time,
        String user,
        String origin,
        String action,
        String collection,
        BsonValue documentId,
        BsonDocument filter,
        Long count,
        BsonDocument before,
        BsonDocument after,
        String batchId) {

    static final String TIME = "time";
    static final String USER = "user";
    static final String ORIGIN = "origin";
    static final String ACTION = "action";
    static final String COLLECTION = "collection";
    static final String DOCUMENT_ID = "document_id";
    static final String FILTER = "filter";
    static final String COUNT = "count";
    static final String BEFORE = "before";
    static final String AFTER = "after";
    static final String BATCH_ID = "batch_id";
    static final String OMITTED = "documents_omitted";

    public AuditEntry {
        filter = copy(filter);
        before = copy(before);
        after = copy(after);
    }

    public Optional<AuditAction> knownAction() {
        return AuditAction.fromWireName(action);
    }

    BsonDocument toDocument() {
        var doc = new BsonDocument();
        if (id != null) {
            doc.append("_id", id);
        }
        doc.append(TIME, new BsonDateTime(time.toEpochMilli()))
                .append(USER, new BsonString(user))
                .append(ORIGIN, new BsonString(origin))
                .append(ACTION, new BsonString(action))
                .append(COLLECTION, new BsonString(collection));
        putIfPresent(doc, DOCUMENT_ID, documentId);
        putIfPresent(doc, FILTER, filter);
        putIfPresent(doc, COUNT, count == null ? null : new BsonInt64(count));
        putIfPresent(doc, BEFORE, before);
        putIfPresent(doc, AFTER, after);
        putIfPresent(doc, BATCH_ID, batchId == null ? null : new BsonString(batchId));
        return doc;
    }

    static AuditEntry fromDocument(BsonDocument stored) {
        BsonValue time = stored.get(TIME);
        BsonValue count = stored.get(COUNT);
        return new AuditEntry(
                stored.get("_id"),
                time != null && time.isDateTime() ? Instant.ofEpochMilli(time.asDateTime().getValue()) : null,
                string(stored, USER),
                string(stored, ORIGIN),
                string(stored, ACTION),
                string(stored, COLLECTION),
                stored.get(DOCUMENT_ID),
                document(stored, FILTER),
                count != null && count.isNumber() ? count.asNumber().longValue() : null,
                document(stored, BEFORE),
                document(stored, AFTER),
                string(stored, BATCH_ID));
    }

    private static void putIfPresent(BsonDocument doc, String field, BsonValue value) {
        if (value != null) {
            doc.append(field, value);
        }
    }

    private static BsonDocument copy(BsonDocument d) {
        return d == null ? null : d.clone();
    }

    private static String string(BsonDocument d, String field) {
        BsonValue v = d.get(field);
        return v != null && v.isString() ? v.asString().getValue() : null;
    }

    private static BsonDocument document(BsonDocument d, String field) {
        BsonValue v = d.get(field);
        return v != null && v.isDocument() ? v.asDocument() : null;
    }
}
