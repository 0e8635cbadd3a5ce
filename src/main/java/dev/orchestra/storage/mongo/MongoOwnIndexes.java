package dev.orchestra.storage.mongo;

import com.mongodb.client.MongoDatabase;
import dev.orchestra.storage.model.CollectionRef;
import dev.orchestra.storage.model.InspectorCollection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The indexes of the inspector's own collections come with the collection: made sure of before the first write
 * into it, once per client, since opening a store must create nothing.
 */
final class MongoOwnIndexes {
    private final MongoDatabase database;
    private final MongoErrors errors;
    private final Set<InspectorCollection> ensured = ConcurrentHashMap.newKeySet();

    MongoOwnIndexes(MongoDatabase database, MongoErrors errors) {
        this.database = database;
        this.errors = errors;
    }

    /** Before a write into {@code collection}: nothing for Orchestra's, the indexes of the inspector's own. */
    void ensureBeforeWriting(CollectionRef collection) {
        if (!(collection instanceof InspectorCollection own) || ensured.contains(own)) {
            return;
        }
        errors.call("create indexes of " + own.collectionName(), () -> IndexBootstrap.createOwn(database, own));
        ensured.add(own);
    }
}
