package dev.orchestra.storage.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import dev.orchestra.storage.error.StorageConflictException;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.testsupport.ForeignDocuments;
import dev.orchestra.storage.testsupport.ForeignDocuments.Shape;
import dev.orchestra.storage.testsupport.FollowsTarget;
import dev.orchestra.storage.testsupport.FollowsTarget.Server;
import dev.orchestra.storage.testsupport.MongoTestTarget;
import dev.orchestra.storage.testsupport.RedisTestServer;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Documents written by another client of the database (the raw driver, in shapes our validator refuses), deleted and
 * restored through the real stack (driver → the configured MongoDB, Redis cache, write gate): the server holds the same
 * bytes afterwards.
 */
@FollowsTarget({Server.MONGODB, Server.REDIS})
class ForeignRestoreIT {
    private static MongoTestTarget mongoServer;
    private static RedisTestServer redisServer;
    private RealStack stack;
    private MongoClient otherService;

    @BeforeAll
    static void startServers() {
        mongoServer = MongoTestTarget.open();
        redisServer = RedisTestServer.open();
    }

    @AfterAll
    static void stopServers() {
        redisServer.close();
        mongoServer.close();
    }

    @BeforeEach
    void open() {
        stack = new RealStack(mongoServer, redisServer);
        otherService = MongoClients.create(mongoServer.connectionString());
    }

    @AfterEach
    void close() {
        otherService.close();
        stack.close();
    }

    static List<Shape> shapes() {
        return ForeignDocuments.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void undoOfADeletedForeignDocumentPutsBackTheServersBytes(Shape shape) {
        raw(shape.collection()).insertOne(rawOf(shape.document()));
        BsonValue id = shape.document().get("_id");
        RawBsonDocument before = readRaw(shape.collection(), id);

        DeleteResult deleted = stack.operations().delete(shape.collection(), id);
        assertThat(readRaw(shape.collection(), id)).isNull();
        RestoreReport report = stack.operations().undo(deleted.batchId());

        assertThat(report.refused()).isEmpty();
        assertThat(report.restored()).isEqualTo(1);
        RawBsonDocument after = readRaw(shape.collection(), id);
        assertThat(after.toJson()).isEqualTo(before.toJson());
        assertThat(ForeignDocuments.bytes(after)).isEqualTo(ForeignDocuments.bytes(before));
        assertThat(stack.operations().trash().listBatch(deleted.batchId(), PageRequest.first(5)).items()).isEmpty();
    }

    @Test
    void restoringOneForeignEntryFromTheTrashPutsBackTheServersBytes() {
        Shape shape = ForeignDocuments.all().get(0); // Int64 timestamp, ObjectId _id
        raw(shape.collection()).insertOne(rawOf(shape.document()));
        BsonValue id = shape.document().get("_id");
        RawBsonDocument before = readRaw(shape.collection(), id);
        stack.operations().delete(shape.collection(), id);
        TrashEntry entry = stack.operations().trash().list(PageRequest.first(5)).items().get(0);

        assertThat(stack.operations().trash().restore(entry.id())).isEqualTo(id);

        assertThat(ForeignDocuments.bytes(readRaw(shape.collection(), id))).isEqualTo(ForeignDocuments.bytes(before));
    }

    @Test
    void aRestoreOntoAnIdWrittenAgainIsRefusedNamingItAndTheOtherDocumentStays() {
        Shape shape = ForeignDocuments.all().get(1); // string timestamp, _id "string-time"
        raw(shape.collection()).insertOne(rawOf(shape.document()));
        DeleteResult deleted = stack.operations().delete(shape.collection(), new BsonString("string-time"));
        BsonDocument meanwhile = new BsonDocument("_id", new BsonString("string-time"))
                .append("written_by", new BsonString("the other service"));
        raw(shape.collection()).insertOne(rawOf(meanwhile));

        RestoreReport report = stack.operations().undo(deleted.batchId());

        assertThat(report.restored()).isZero();
        assertThat(report.refused()).singleElement().satisfies(r ->
                assertThat(r.reason()).contains("string-time").contains("exists again"));
        assertThat(ForeignDocuments.bytes(readRaw(shape.collection(), new BsonString("string-time"))))
                .isEqualTo(ForeignDocuments.bytes(meanwhile));
        assertThat(stack.operations().trash().listBatch(deleted.batchId(), PageRequest.first(5)).items()).hasSize(1);
    }

    @Test
    void theServersIdIndexRefusesAnExactRestoreOntoATakenId() {
        BsonDocument there = new BsonDocument("_id", new BsonString("taken")).append("v", new BsonString("there"));
        raw(StoreCollection.MEMORY_ITEMS).insertOne(rawOf(there));

        assertThatThrownBy(() -> stack.storage.manager().restoreExactly(StoreCollection.MEMORY_ITEMS,
                new BsonDocument("_id", new BsonString("taken")).append("v", new BsonString("mine"))))
                .isInstanceOfSatisfying(StorageConflictException.class, e -> {
                    assertThat(e.getMessage()).contains("taken").contains("memory_items");
                    assertThat(e.current()).contains(there);
                });
        assertThat(ForeignDocuments.bytes(readRaw(StoreCollection.MEMORY_ITEMS, new BsonString("taken"))))
                .isEqualTo(ForeignDocuments.bytes(there));
    }

    private MongoCollection<RawBsonDocument> raw(StoreCollection collection) {
        return otherService.getDatabase(stack.databaseName).getCollection(collection.collectionName(),
                RawBsonDocument.class);
    }

    private RawBsonDocument readRaw(StoreCollection collection, BsonValue id) {
        return raw(collection).find(new BsonDocument("_id", id)).first();
    }

    private static RawBsonDocument rawOf(BsonDocument document) {
        return new RawBsonDocument(document, new BsonDocumentCodec());
    }
}
