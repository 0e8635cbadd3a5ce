package dev.orchestra.storage.mongo;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import dev.orchestra.storage.schema.Fields;
import dev.orchestra.storage.model.CollectionRef;
import dev.orchestra.storage.model.InspectorCollection;
import dev.orchestra.storage.model.StoreCollection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The indexes this project knows, in three groups that are created at different moments:
 * <ul>
 *   <li>{@link #recommended()}: Orchestra's query indexes. Only created when someone asks: a service at its own
 *       start-up, or a user through the inspector's Indexes panel or the {@code indexes} CLI command. Opening a
 *       store never creates them (a build on a large production collection is a real load, and a unique index can
 *       fail on data another system wrote).</li>
 *   <li>{@link #inspectorOwn(InspectorCollection)}: the indexes of the inspector's own collections, created together
 *       with the collection by the first write that needs it (a delete's trash copy, an audit entry).</li>
 *   <li>{@link #expirationTtl(CollectionRef)}: a TTL index on {@code expiration}. Never recommended and never
 *       implicit: with it MongoDB deletes expired documents by itself, without trash or audit.</li>
 * </ul>
 * Creating is idempotent (same name and keys: a no-op). An index the data does not allow, or one that exists under
 * other options, is reported as a problem and skipped.
 */
public final class IndexBootstrap {
    private static final Logger LOG = LoggerFactory.getLogger(IndexBootstrap.class);
    static final long TRASH_RETENTION_SECONDS = TimeUnit.DAYS.toSeconds(30);
    public static final String EXPIRATION_TTL_NAME = "expiration_ttl";

    /** One index of one collection. */
    public record IndexSpec(StoreCollection collection, IndexModel model) {
        public String name() {
            return model.getOptions().getName();
        }

        public BsonDocument keys() {
            return model.getKeys().toBsonDocument();
        }
    }

    private IndexBootstrap() {
    }

    /**
     * Creates Orchestra's recommended indexes: the explicit call a service makes at its start-up. Returns what could
     * not be created (empty when all are in place). The inspector and the CLI call it only on a user's request.
     */
    public static List<String> ensureIndexes(MongoDatabase database) {
        return create(database, recommended());
    }

    /** Creates the given indexes; returns a line per index that could not be created. */
    public static List<String> create(MongoDatabase database, List<IndexSpec> specs) {
        List<String> problems = new ArrayList<>();
        for (IndexSpec spec : specs) {
            create(database, spec.collection().collectionName(), spec.model()).ifPresent(problems::add);
        }
        return problems;
    }

    /** Creates the indexes of one of the inspector's own collections; returns a line per one not created. */
    public static List<String> createOwn(MongoDatabase database, InspectorCollection collection) {
        List<String> problems = new ArrayList<>();
        for (IndexModel model : inspectorOwn(collection)) {
            create(database, collection.collectionName(), model).ifPresent(problems::add);
        }
        return problems;
    }

    private static Optional<String> create(MongoDatabase database, String collectionName, IndexModel model) {
        try {
            database.getCollection(collectionName, BsonDocument.class).createIndexes(List.of(model));
            return Optional.empty();
        } catch (MongoTimeoutException | MongoSocketException e) {
            throw e; // the caller maps connection failures
        } catch (MongoCommandException | MongoWriteException e) {
            String problem = collectionName + "." + model.getOptions().getName() + ": " + e.getMessage();
            LOG.warn("Index not created: {}", problem);
            return Optional.of(problem);
        }
    }

    /** Orchestra's query indexes plus the listing indexes the inspector's unfiltered views page on. */
    public static List<IndexSpec> recommended() {
        return List.of(
                spec(StoreCollection.MEMORY_ITEMS, "user_item_type_time", Indexes.compoundIndex(
                        Indexes.ascending(Fields.USER_ID, Fields.ITEM_TYPE), Indexes.descending(Fields.TIMESTAMP)),
                        new IndexOptions()),
                spec(StoreCollection.MEMORY_ITEMS, "user_session_time", Indexes.compoundIndex(
                        Indexes.ascending(Fields.USER_ID, Fields.SESSION_ID), Indexes.descending(Fields.TIMESTAMP)),
                        new IndexOptions()),
                spec(StoreCollection.AGENT_DATA, "agent_data_type_time", Indexes.compoundIndex(
                        Indexes.ascending(Fields.AGENT_ID, Fields.DATA_TYPE), Indexes.descending(Fields.TIMESTAMP)),
                        new IndexOptions()),
                spec(StoreCollection.USER_SESSIONS, "user_session_unique",
                        Indexes.ascending(Fields.USER_ID, Fields.SESSION_ID), new IndexOptions().unique(true)),
                // without these a large MongoDB would sort the unfiltered list views in memory
                listingIndex(StoreCollection.MEMORY_ITEMS),
                listingIndex(StoreCollection.AGENT_DATA),
                listingIndex(StoreCollection.USER_SESSIONS));
    }

    /** The indexes of one of the inspector's own collections. */
    public static List<IndexModel> inspectorOwn(InspectorCollection collection) {
        return switch (collection) {
            case TRASH -> List.of(
                    new IndexModel(Indexes.ascending(collection.timeField()), new IndexOptions().name("deleted_at_ttl")
                            .expireAfter(TRASH_RETENTION_SECONDS, TimeUnit.SECONDS)),
                    new IndexModel(Indexes.ascending("batch_id"), new IndexOptions().name("batch_id")));
            case AUDIT -> List.of(
                    new IndexModel(Indexes.descending(collection.timeField()), new IndexOptions().name("time")));
        };
    }

    /** The opt-in TTL index on {@code expiration}: MongoDB then deletes expired documents itself. */
    public static IndexSpec expirationTtl(CollectionRef collection) {
        if (collection != StoreCollection.MEMORY_ITEMS && collection != StoreCollection.AGENT_DATA) {
            throw new IllegalArgumentException(collection.collectionName() + " has no expiration field");
        }
        return spec((StoreCollection) collection, EXPIRATION_TTL_NAME, Indexes.ascending(Fields.EXPIRATION),
                new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }

    private static IndexSpec listingIndex(StoreCollection collection) {
        return spec(collection, "time_id_listing", Indexes.descending(collection.timeField(), "_id"),
                new IndexOptions());
    }

    private static IndexSpec spec(StoreCollection collection, String name, Bson keys, IndexOptions options) {
        return new IndexSpec(collection, new IndexModel(keys, options.name(name)));
    }
}
