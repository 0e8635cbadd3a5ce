package dev.orchestra.storage.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.EstimatedDocumentCountOptions;
import com.mongodb.client.model.Filters;
import dev.orchestra.storage.schema.Fields;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.mongo.IndexBootstrap.IndexSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * {@link IndexCatalog} for MongoDB. A collection is looked up with {@code listCollections} first and left alone when
 * it does not exist, so listing never creates it (some servers create a collection on {@code collStats}).
 */
final class MongoIndexCatalog implements IndexCatalog {
    private final MongoDatabase database;
    private final MongoErrors errors;
    private final Duration timeout;

    MongoIndexCatalog(MongoDatabase database, MongoErrors errors, Duration timeout) {
        this.database = database;
        this.errors = errors;
        this.timeout = timeout;
    }

    @Override
    public ExistingIndexes existing(StoreCollection collection) {
        String name = collection.collectionName();
        return errors.call("list the indexes of " + name, () -> {
            if (!exists(name)) {
                return ExistingIndexes.absent();
            }
            MongoCollection<BsonDocument> c = database.getCollection(name, BsonDocument.class);
            List<BsonDocument> definitions = c.listIndexes(BsonDocument.class)
                    .maxTime(timeout.toMillis(), TimeUnit.MILLISECONDS).into(new ArrayList<>());
            long count = c.estimatedDocumentCount(new EstimatedDocumentCountOptions()
                    .maxTime(timeout.toMillis(), TimeUnit.MILLISECONDS));
            return new ExistingIndexes(true, count, definitions, sizes(name));
        });
    }

    private boolean exists(String name) {
        return database.listCollectionNames().filter(new BsonDocument("name", new BsonString(name)))
                .first() != null;
    }

    /** {@code collStats.indexSizes}, where the server reports it. */
    private Map<String, Long> sizes(String name) {
        BsonDocument stats = database.runCommand(new BsonDocument("collStats", new BsonString(name)),
                BsonDocument.class);
        Map<String, Long> sizes = new HashMap<>();
        BsonValue indexSizes = stats.get("indexSizes");
        if (indexSizes != null && indexSizes.isDocument()) {
            indexSizes.asDocument().forEach((index, size) -> {
                if (size.isNumber()) {
                    sizes.put(index, size.asNumber().longValue());
                }
            });
        }
        return sizes;
    }

    @Override
    public List<String> create(List<IndexSpec> specs) {
        return errors.call("create indexes", () -> IndexBootstrap.create(database, specs));
    }

    @Override
    public long countExpired(StoreCollection collection, Instant now) {
        String name = collection.collectionName();
        return errors.call("count the expired documents of " + name, () -> !exists(name) ? 0L
                : database.getCollection(name, BsonDocument.class).countDocuments(
                        Filters.lt(Fields.EXPIRATION, Date.from(now)),
                        new CountOptions().maxTime(timeout.toMillis(), TimeUnit.MILLISECONDS)));
    }
}
