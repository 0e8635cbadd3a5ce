package dev.orchestra.storage.mongo;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.schema.Fields;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.model.UpsertResult;
import dev.orchestra.storage.DocumentChecks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonValue;

/**
 * Upsert by {@code _id} of one batch: documents whose {@code _id} is not stored yet go in one unordered
 * {@code insertMany} (the servers' fastest write: an import into an empty database is all inserts), the others in
 * one unordered {@code bulkWrite} of {@code ReplaceOneModel(upsert=true)}; one query of {@code _id}s first tells
 * them apart. A document someone else inserts between that query and ours fails with a duplicate key and is then
 * replaced like the others, so the outcome is that of upserting every one. Invalid documents are never sent.
 */
final class MongoBatchUpsert {
    private static final int DUPLICATE_KEY = 11000;

    /** A valid document and its index in the caller's batch. */
    private record Candidate(int index, BsonDocument document) {
        BsonValue id() {
            return document.get(Fields.ID);
        }
    }

    private final MongoErrors errors;
    private final Duration timeout;
    private final MongoCollection<BsonDocument> target;
    private final StoreCollection collection;
    private final String action;
    private final DocumentChecks checks;
    private final Map<Integer, String> failures = new HashMap<>();
    private final Set<Integer> written = new HashSet<>();

    MongoBatchUpsert(MongoErrors errors, Duration timeout, MongoCollection<BsonDocument> target,
                     StoreCollection collection, DocumentChecks checks) {
        this.checks = checks;
        this.errors = errors;
        this.timeout = timeout;
        this.target = target;
        this.collection = collection;
        this.action = "import into " + collection.collectionName();
    }

    UpsertResult run(List<BsonDocument> documents) {
        List<Candidate> valid = validate(documents);
        if (valid.isEmpty()) {
            return new UpsertResult(0, 0, 0, failures, List.of());
        }
        Set<BsonValue> stored = storedIds(valid);
        List<Candidate> fresh = new ArrayList<>();
        List<Candidate> existing = new ArrayList<>();
        Set<BsonValue> seen = new HashSet<>();
        for (Candidate c : valid) {
            // A second document with the same new _id in this batch replaces the first: the last one wins.
            (stored.contains(c.id()) || !seen.add(c.id()) ? existing : fresh).add(c);
        }
        long inserted = insertNew(fresh, existing);
        existing.sort(Comparator.comparingInt(Candidate::index));
        long modified = 0;
        long matched = 0;
        long upserted = 0;
        for (List<Candidate> round : inRounds(existing)) {
            BulkWriteResult replaced = replaceExisting(round);
            modified += replaced.getModifiedCount();
            matched += replaced.getMatchedCount();
            upserted += replaced.getUpserts().size();
        }
        List<BsonValue> ids = valid.stream().filter(c -> written.contains(c.index())).map(Candidate::id).toList();
        return new UpsertResult(inserted + upserted, modified, Math.max(0, matched - modified), failures, ids);
    }

    private List<Candidate> validate(List<BsonDocument> documents) {
        List<Candidate> valid = new ArrayList<>(documents.size());
        Instant now = Instant.now();
        for (int i = 0; i < documents.size(); i++) {
            BsonDocument document = documents.get(i);
            try {
                if (document == null) {
                    throw new StorageValidationException("The document is missing");
                }
                // Only a new document gets the insert defaults; one with an _id replaces the stored one as it is.
                BsonDocument complete = checks.complete(collection, document, now);
                checks.validate(collection, complete);
                valid.add(new Candidate(i, complete));
            } catch (StorageValidationException e) {
                failures.put(i, e.getMessage());
            }
        }
        return valid;
    }

    private Set<BsonValue> storedIds(List<Candidate> valid) {
        BsonArray ids = new BsonArray(valid.stream().map(Candidate::id).toList());
        return errors.call(action, () -> {
            Set<BsonValue> found = new HashSet<>();
            target.find(new BsonDocument(Fields.ID, new BsonDocument("$in", ids)))
                    .projection(new BsonDocument(Fields.ID, new BsonInt32(1)))
                    .maxTime(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .forEach(d -> found.add(d.get(Fields.ID)));
            return found;
        });
    }

    /** Inserts {@code fresh}; one that exists by now moves to {@code existing}. Returns how many were inserted. */
    private long insertNew(List<Candidate> fresh, List<Candidate> existing) {
        if (fresh.isEmpty()) {
            return 0;
        }
        List<BsonDocument> documents = fresh.stream().map(Candidate::document).toList();
        Set<Integer> refused = errors.call(action, () -> {
            try {
                target.insertMany(documents, new InsertManyOptions().ordered(false));
                return Set.<Integer>of();
            } catch (MongoBulkWriteException e) {
                if (e.getWriteConcernError() != null) {
                    throw e; // the outcome of the whole batch is unknown
                }
                Set<Integer> notInserted = new HashSet<>();
                for (BulkWriteError error : e.getWriteErrors()) {
                    Candidate c = fresh.get(error.getIndex());
                    notInserted.add(error.getIndex());
                    if (error.getCode() == DUPLICATE_KEY) {
                        existing.add(c); // stored meanwhile: replace it like the others
                    } else {
                        failures.put(c.index(), error.getMessage());
                    }
                }
                return notInserted;
            }
        });
        for (int i = 0; i < fresh.size(); i++) {
            if (!refused.contains(i)) {
                written.add(fresh.get(i).index());
            }
        }
        return fresh.size() - refused.size();
    }

    /**
     * The replacements in batch order, split so that no round holds one {@code _id} twice: an unordered bulk write
     * may apply its operations in any order, and the last document of an {@code _id} must win. Usually one round.
     */
    private static List<List<Candidate>> inRounds(List<Candidate> existing) {
        List<List<Candidate>> rounds = new ArrayList<>();
        Map<BsonValue, Integer> seen = new HashMap<>();
        for (Candidate c : existing) {
            int round = seen.merge(c.id(), 1, Integer::sum) - 1;
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(c);
        }
        return rounds;
    }

    private BulkWriteResult replaceExisting(List<Candidate> existing) {
        List<WriteModel<BsonDocument>> writes = existing.stream().<WriteModel<BsonDocument>>map(c ->
                new ReplaceOneModel<>(new BsonDocument(Fields.ID, c.id()), c.document(),
                        new ReplaceOptions().upsert(true))).toList();
        return errors.call(action, () -> {
            try {
                BulkWriteResult result = target.bulkWrite(writes, new BulkWriteOptions().ordered(false));
                existing.forEach(c -> written.add(c.index()));
                return result;
            } catch (MongoBulkWriteException e) {
                if (e.getWriteConcernError() != null) {
                    throw e;
                }
                Set<Integer> refused = new HashSet<>();
                for (BulkWriteError error : e.getWriteErrors()) {
                    failures.put(existing.get(error.getIndex()).index(), error.getMessage());
                    refused.add(error.getIndex());
                }
                for (int i = 0; i < existing.size(); i++) {
                    if (!refused.contains(i)) {
                        written.add(existing.get(i).index());
                    }
                }
                return e.getWriteResult();
            }
        });
    }
}
