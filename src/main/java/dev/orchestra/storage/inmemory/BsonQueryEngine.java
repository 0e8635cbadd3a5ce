package dev.orchestra.storage.inmemory;

import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.schema.Fields;
import java.util.Comparator;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * MongoDB query semantics in process, borrowed from mongo-java-server (the same code the embedded store runs):
 * filters are evaluated by its query matcher and values ordered by its comparator, so the in-memory store selects
 * and sorts exactly like the embedded MongoDB-wire server.
 */
final class BsonQueryEngine {
    private BsonQueryEngine() {
    }

    static Document toMatchable(BsonDocument document) {
        return MatchableValues.document(document);
    }

    static Object toMatchable(BsonValue value) {
        return MatchableValues.value(value);
    }

    static boolean matches(Document document, Document query) {
        try {
            return new DefaultQueryMatcher().matches(document, query);
        } catch (RuntimeException e) {
            throw new StorageValidationException("The filter cannot be evaluated: " + e.getMessage());
        }
    }

    /** Newest first by the time field, then by {@code _id} descending, both in MongoDB's cross-type order. */
    static Comparator<BsonDocument> newestFirst(String timeField) {
        Comparator<Object> desc = ValueComparator.desc();
        Comparator<BsonDocument> byTime = (a, b) -> desc.compare(timeOf(a, timeField), timeOf(b, timeField));
        return byTime.thenComparing(BsonQueryEngine::idOf, desc);
    }

    /** {@code _id} descending, for the undated tail. */
    static Comparator<BsonDocument> idDescending() {
        return Comparator.comparing(BsonQueryEngine::idOf, ValueComparator.desc());
    }

    static int compareIds(BsonValue a, BsonValue b) {
        return ValueComparator.asc().compare(toMatchable(a), toMatchable(b));
    }

    private static Object timeOf(BsonDocument document, String timeField) {
        BsonValue value = document.get(timeField);
        return value == null ? null : toMatchable(value);
    }

    private static Object idOf(BsonDocument document) {
        return toMatchable(document.get(Fields.ID));
    }
}
