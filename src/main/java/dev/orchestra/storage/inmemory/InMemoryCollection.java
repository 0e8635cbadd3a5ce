package dev.orchestra.storage.inmemory;

import de.bwaldvogel.mongo.bson.Document;
import dev.orchestra.storage.error.StorageOperationException;
import dev.orchestra.storage.schema.Fields;
import dev.orchestra.storage.model.CollectionRef;
import dev.orchestra.storage.model.StoreCollection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/** One collection's documents in insertion order. Not thread-safe: the manager guards it with its lock. */
final class InMemoryCollection {
    private record Stored(BsonDocument document, Document matchable) {
    }

    private final CollectionRef kind;
    private final Map<BsonValue, Stored> documents = new LinkedHashMap<>();

    InMemoryCollection(CollectionRef kind) {
        this.kind = kind;
    }

    int size() {
        return documents.size();
    }

    /** Copies of the matching documents. */
    List<BsonDocument> find(BsonDocument filter) {
        Document query = BsonQueryEngine.toMatchable(filter);
        List<BsonDocument> result = new ArrayList<>();
        for (Stored stored : documents.values()) {
            if (query.isEmpty() || BsonQueryEngine.matches(stored.matchable(), query)) {
                result.add(stored.document().clone());
            }
        }
        return result;
    }

    Optional<BsonDocument> get(BsonValue id) {
        return Optional.ofNullable(documents.get(id)).map(s -> s.document().clone());
    }

    void insert(BsonDocument document) {
        BsonValue id = document.get(Fields.ID);
        if (documents.containsKey(id)) {
            throw new StorageOperationException("A document with _id " + id + " already exists in "
                    + kind.collectionName());
        }
        checkUniqueSession(document, id);
        documents.put(id, stored(document));
    }

    /** Replaces only while the stored document equals {@code expected}; false otherwise. */
    boolean replaceIfUnchanged(BsonDocument expected, BsonDocument replacement) {
        BsonValue id = replacement.get(Fields.ID);
        Stored current = documents.get(id);
        if (current == null || !current.document().equals(expected)) {
            return false;
        }
        checkUniqueSession(replacement, id);
        documents.put(id, stored(replacement));
        return true;
    }

    boolean delete(BsonValue id) {
        return documents.remove(id) != null;
    }

    private Stored stored(BsonDocument document) {
        BsonDocument copy = document.clone();
        return new Stored(copy, BsonQueryEngine.toMatchable(copy));
    }

    /** The unique index {user_id, session_id} of user_sessions. */
    private void checkUniqueSession(BsonDocument document, BsonValue id) {
        if (kind != StoreCollection.USER_SESSIONS) {
            return;
        }
        BsonValue user = document.get(Fields.USER_ID);
        BsonValue session = document.get(Fields.SESSION_ID);
        for (Stored other : documents.values()) {
            BsonDocument o = other.document();
            if (!o.get(Fields.ID).equals(id) && Objects.equals(o.get(Fields.USER_ID), user)
                    && Objects.equals(o.get(Fields.SESSION_ID), session)) {
                throw new StorageOperationException("A session record for user '" + user.asString().getValue()
                        + "' and session " + session + " already exists (user_id, session_id are unique)");
            }
        }
    }
}
