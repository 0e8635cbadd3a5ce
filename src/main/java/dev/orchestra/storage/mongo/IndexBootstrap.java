package dev.orchestra.storage.mongo;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import dev.orchestra.storage.mapping.Fields;
import dev.orchestra.storage.model.StoreCollection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the indexes of ARCHITECTURE.md, idempotently (same name and keys: creating again is a no-op). An index
 * the data does not allow (e.g. a unique index over duplicates written by another system) or one that already
 * exists under other options is reported as a problem and skipped, so start-up still succeeds.
 */
public final class IndexBootstrap {
    private static final Logger LOG = LoggerFactory.getLogger(IndexBootstrap.class);
    static final long TRASH_RETENTION_SECONDS = TimeUnit.DAYS.toSeconds(30);

    private record Spec(StoreCollection collection, IndexModel model) {
    }

    private IndexBootstrap() {
    }

    /** Creates the indexes; returns what could not be created (empty when all are in place). */
    public static List<String> ensureIndexes(MongoDatabase database) {
        List<String> problems = new ArrayList<>();
        for (Spec spec : specs()) {
            String name = spec.model().getOptions().getName();
            try {
                database.getCollection(spec.collection().collectionName(), BsonDocument.class)
                        .createIndexes(List.of(spec.model()));
            } catch (MongoTimeoutException | MongoSocketException e) {
                throw e; // the caller maps connection failures
            } catch (MongoCommandException | MongoWriteException e) {
                String problem = spec.collection().collectionName() + "." + name + ": " + e.getMessage();
                LOG.warn("Index not created: {}", problem);
                problems.add(problem);
            }
        }
        return problems;
    }

    private static List<Spec> specs() {
        return List.of(
                spec(StoreCollection.MEMORY_ITEMS, "user_item_type_time", Indexes.compoundIndex(
                        Indexes.ascending(Fields.USER_ID, Fields.ITEM_TYPE), Indexes.descending(Fields.TIMESTAMP)),
                        new IndexOptions()),
                spec(StoreCollection.MEMORY_ITEMS, "user_session_time", Indexes.compoundIndex(
                        Indexes.ascending(Fields.USER_ID, Fields.SESSION_ID), Indexes.descending(Fields.TIMESTAMP)),
                        new IndexOptions()),
                spec(StoreCollection.MEMORY_ITEMS, "expiration_ttl", Indexes.ascending(Fields.EXPIRATION),
                        new IndexOptions().expireAfter(0L, TimeUnit.SECONDS)),
                spec(StoreCollection.AGENT_DATA, "agent_data_type_time", Indexes.compoundIndex(
                        Indexes.ascending(Fields.AGENT_ID, Fields.DATA_TYPE), Indexes.descending(Fields.TIMESTAMP)),
                        new IndexOptions()),
                spec(StoreCollection.AGENT_DATA, "expiration_ttl", Indexes.ascending(Fields.EXPIRATION),
                        new IndexOptions().expireAfter(0L, TimeUnit.SECONDS)),
                spec(StoreCollection.USER_SESSIONS, "user_session_unique",
                        Indexes.ascending(Fields.USER_ID, Fields.SESSION_ID), new IndexOptions().unique(true)),
                spec(StoreCollection.INSPECTOR_TRASH, "deleted_at_ttl",
                        Indexes.ascending(StoreCollection.INSPECTOR_TRASH.timeField()),
                        new IndexOptions().expireAfter(TRASH_RETENTION_SECONDS, TimeUnit.SECONDS)),
                spec(StoreCollection.INSPECTOR_AUDIT, "time",
                        Indexes.descending(StoreCollection.INSPECTOR_AUDIT.timeField()), new IndexOptions()));
    }

    private static Spec spec(StoreCollection collection, String name, org.bson.conversions.Bson keys,
                             IndexOptions options) {
        return new Spec(collection, new IndexModel(keys, options.name(name)));
    }
}
