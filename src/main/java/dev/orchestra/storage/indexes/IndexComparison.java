package dev.orchestra.storage.indexes;

import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.mongo.IndexBootstrap.IndexSpec;
import com.mongodb.client.model.IndexOptions;
import dev.orchestra.storage.mongo.ExistingIndexes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonValue;

/**
 * Compares a collection's existing indexes with the recommended ones. Only the options that change what an index
 * does count ({@code unique}, {@code sparse}, {@code expireAfterSeconds}, {@code partialFilterExpression}); key
 * directions compare by value, so {@code 1} and {@code 1.0} (as some servers list them) are the same.
 */
final class IndexComparison {
    private static final Set<String> NOT_OPTIONS = Set.of("v", "key", "name", "ns");
    private static final List<String> SIGNIFICANT = List.of("unique", "sparse", "expireAfterSeconds",
            "partialFilterExpression");

    private IndexComparison() {
    }

    static CollectionIndexes compare(StoreCollection collection, ExistingIndexes existing, List<IndexSpec> wanted) {
        List<IndexRow> rows = new ArrayList<>();
        Set<String> accounted = new HashSet<>();
        for (IndexSpec spec : wanted) {
            BsonDocument options = options(spec.model().getOptions());
            Optional<BsonDocument> sameName = existing.definitions().stream()
                    .filter(d -> spec.name().equals(name(d))).findFirst();
            Optional<BsonDocument> sameKeys = existing.definitions().stream()
                    .filter(d -> sameKeys(spec.keys(), keys(d))).findFirst();
            if (sameName.isPresent() && sameKeys(spec.keys(), keys(sameName.get()))
                    && significant(options).equals(significant(optionsOf(sameName.get())))) {
                accounted.add(spec.name());
                rows.add(row(collection, sameName.get(), existing.sizes(), IndexStatus.PRESENT, true, ""));
                continue;
            }
            BsonDocument clash = sameName.or(() -> sameKeys).orElse(null);
            if (clash == null) {
                rows.add(new IndexRow(collection, spec.name(), spec.keys(), options, OptionalLong.empty(),
                        IndexStatus.MISSING, true, ""));
                continue;
            }
            accounted.add(name(clash));
            String why = spec.name().equals(name(clash))
                    ? "an index named " + name(clash) + " exists with keys " + keys(clash).toJson()
                    + " and options " + significant(optionsOf(clash)).toJson()
                    : "index " + name(clash) + " has the same keys under another name"
                    + (significant(options).equals(significant(optionsOf(clash))) ? "" : " and other options");
            rows.add(new IndexRow(collection, spec.name(), spec.keys(), options, OptionalLong.empty(),
                    IndexStatus.CONFLICTING, true, why));
            rows.add(row(collection, clash, existing.sizes(), IndexStatus.CONFLICTING, false,
                    "in the way of the recommended " + spec.name()));
        }
        for (BsonDocument definition : existing.definitions()) {
            if (!accounted.contains(name(definition))) {
                rows.add(row(collection, definition, existing.sizes(), IndexStatus.EXTRA, false,
                        "_id_".equals(name(definition)) ? "MongoDB's own index on _id" : ""));
            }
        }
        return new CollectionIndexes(collection, existing.collectionExists(), existing.documentCount(), rows);
    }

    private static IndexRow row(StoreCollection collection, BsonDocument definition, Map<String, Long> sizes,
                                IndexStatus status, boolean recommended, String note) {
        Long size = sizes.get(name(definition));
        return new IndexRow(collection, name(definition), keys(definition), optionsOf(definition),
                size == null ? OptionalLong.empty() : OptionalLong.of(size), status, recommended, note);
    }

    static boolean sameKeys(BsonDocument a, BsonDocument b) {
        List<String> namesA = new ArrayList<>(a.keySet());
        List<String> namesB = new ArrayList<>(b.keySet());
        if (!namesA.equals(namesB)) {
            return false;
        }
        for (String field : namesA) {
            if (!sameDirection(a.get(field), b.get(field))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameDirection(BsonValue a, BsonValue b) {
        if (a.isNumber() && b.isNumber()) {
            return Double.compare(a.asNumber().doubleValue(), b.asNumber().doubleValue()) == 0;
        }
        return a.equals(b);
    }

    /** The options of a recommended index as {@code listIndexes} would show them. */
    static BsonDocument options(IndexOptions options) {
        BsonDocument doc = new BsonDocument();
        if (options.isUnique()) {
            doc.append("unique", BsonBoolean.TRUE);
        }
        if (options.isSparse()) {
            doc.append("sparse", BsonBoolean.TRUE);
        }
        Long expireAfter = options.getExpireAfter(TimeUnit.SECONDS);
        if (expireAfter != null) {
            doc.append("expireAfterSeconds", new BsonInt64(expireAfter));
        }
        if (options.getPartialFilterExpression() != null) {
            doc.append("partialFilterExpression", options.getPartialFilterExpression().toBsonDocument());
        }
        return doc;
    }

    private static BsonDocument optionsOf(BsonDocument definition) {
        BsonDocument doc = new BsonDocument();
        definition.forEach((field, value) -> {
            if (!NOT_OPTIONS.contains(field)) {
                doc.append(field, value);
            }
        });
        return doc;
    }

    /** The options that change behaviour, with defaults left out and numbers as Int64. */
    private static BsonDocument significant(BsonDocument options) {
        BsonDocument doc = new BsonDocument();
        for (String field : SIGNIFICANT) {
            BsonValue value = options.get(field);
            if (value == null || value.equals(BsonBoolean.FALSE)) {
                continue;
            }
            doc.append(field, value.isNumber() ? new BsonInt64(value.asNumber().longValue()) : value);
        }
        return doc;
    }

    private static String name(BsonDocument definition) {
        BsonValue name = definition.get("name");
        return name != null && name.isString() ? name.asString().getValue() : "";
    }

    private static BsonDocument keys(BsonDocument definition) {
        BsonValue key = definition.get("key");
        return key != null && key.isDocument() ? key.asDocument() : new BsonDocument();
    }
}
