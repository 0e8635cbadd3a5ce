package dev.orchestra.storage.indexes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import dev.orchestra.storage.mongo.IndexCatalog;
import dev.orchestra.storage.error.ReadOnlyViolationException;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.mongo.IndexBootstrap;
import dev.orchestra.storage.mongo.MongoMemoryManager;
import dev.orchestra.storage.safety.Actor;
import dev.orchestra.storage.safety.AuditAction;
import dev.orchestra.storage.safety.AuditEntry;
import dev.orchestra.storage.safety.SafeStorage;
import dev.orchestra.storage.safety.WriteLock;
import dev.orchestra.storage.testsupport.DatabaseSnapshot;
import dev.orchestra.storage.testsupport.ForeignDatabase;
import dev.orchestra.storage.testsupport.FollowsTarget;
import dev.orchestra.storage.testsupport.FollowsTarget.Server;
import dev.orchestra.storage.testsupport.MongoTestTarget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Index listing, marking and creation through the real driver against mongo-java-server. */
@FollowsTarget(Server.MONGODB)
class IndexServiceIT {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
    private static MongoTestTarget server;
    private String database;
    private MongoMemoryManager mongo;

    @BeforeAll
    static void start() {
        server = MongoTestTarget.open();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void close() {
        if (mongo != null) {
            mongo.close();
        }
    }

    private SafeStorage open(WriteLock lock) {
        mongo = new MongoMemoryManager(server.connectionString(), database, Duration.ofSeconds(5));
        mongo.initialize();
        return SafeStorage.wrap(mongo, lock, new Actor("it-user", Actor.CLI), CLOCK);
    }

    private IndexService service(SafeStorage storage) {
        return IndexService.of(storage, CLOCK);
    }

    @Test
    void listingAForeignDatabaseMarksEachIndexAndWritesNothing() {
        database = server.newDatabaseName();
        ForeignDatabase.fill(server.connectionString(), database);
        DatabaseSnapshot before = DatabaseSnapshot.of(server.connectionString(), database);

        IndexReport report = service(open(WriteLock.locked("APP_ENV=production"))).report();

        assertThat(report.applicable()).isTrue();
        assertThat(report.allRecommendedPresent()).isFalse();
        CollectionIndexes items = report.collection(StoreCollection.MEMORY_ITEMS).orElseThrow();
        assertThat(items.exists()).isTrue();
        assertThat(items.documentCount()).isEqualTo(32);
        assertThat(items.rows()).filteredOn(r -> r.name().equals("their_user_index"))
                .singleElement().extracting(IndexRow::status).isEqualTo(IndexStatus.EXTRA);
        assertThat(items.rows()).filteredOn(r -> r.name().equals("_id_"))
                .singleElement().extracting(IndexRow::status).isEqualTo(IndexStatus.EXTRA);
        assertThat(items.missing()).extracting(IndexRow::name)
                .containsExactly("user_item_type_time", "user_session_time", "time_id_listing");
        assertThat(report.recommendedNotPresent()).hasSize(IndexBootstrap.recommended().size());
        assertThat(DatabaseSnapshot.of(server.connectionString(), database)).isEqualTo(before);
    }

    @Test
    void aMissingCollectionHasNoIndexesAndIsNotCreatedByListing() {
        database = server.newDatabaseName();

        IndexReport report = service(open(WriteLock.unlocked())).report();
        service(open(WriteLock.unlocked())).previewExpirationTtl(StoreCollection.AGENT_DATA);

        CollectionIndexes sessions = report.collection(StoreCollection.USER_SESSIONS).orElseThrow();
        assertThat(sessions.exists()).isFalse();
        assertThat(sessions.rows()).allMatch(r -> r.status() == IndexStatus.MISSING && r.recommended());
        assertThat(DatabaseSnapshot.of(server.connectionString(), database).collections()).isEmpty();
    }

    @Test
    void theDatabasesOwnIndexOnTheSameKeysOrUnderTheSameNameIsConflicting() {
        database = server.newDatabaseName();
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            var db = client.getDatabase(database);
            db.getCollection("agent_data").createIndex(Indexes.compoundIndex(
                    Indexes.ascending("agent_id", "data_type"), Indexes.descending("timestamp")),
                    new IndexOptions().name("their_agent_type_time"));
            db.getCollection("user_sessions").createIndex(Indexes.ascending("user_id"),
                    new IndexOptions().name("user_session_unique"));
        }
        IndexService service = service(open(WriteLock.unlocked()));

        IndexReport report = service.report();

        List<IndexRow> agents = report.collection(StoreCollection.AGENT_DATA).orElseThrow().rows();
        assertThat(agents).filteredOn(r -> r.name().equals("agent_data_type_time")).singleElement()
                .satisfies(r -> {
                    assertThat(r.status()).isEqualTo(IndexStatus.CONFLICTING);
                    assertThat(r.note()).contains("their_agent_type_time").contains("same keys");
                });
        assertThat(agents).filteredOn(r -> r.name().equals("their_agent_type_time")).singleElement()
                .extracting(IndexRow::status).isEqualTo(IndexStatus.CONFLICTING);
        assertThat(report.collection(StoreCollection.USER_SESSIONS).orElseThrow().rows())
                .filteredOn(r -> r.name().equals("user_session_unique") && r.recommended()).singleElement()
                .satisfies(r -> assertThat(r.note()).contains("{\"user_id\": 1}"));

        IndexCreation creation = service.createAllRecommended();

        assertThat(creation.problems()).hasSize(2)
                .anyMatch(p -> p.startsWith("agent_data.agent_data_type_time: not created"))
                .anyMatch(p -> p.startsWith("user_sessions.user_session_unique: not created"));
        assertThat(creation.created()).extracting(IndexRow::qualifiedName)
                .doesNotContain("agent_data.agent_data_type_time", "user_sessions.user_session_unique");
    }

    @Test
    void createsTheNamedIndexAuditsItAndThenReportsItPresent() {
        database = server.newDatabaseName();
        ForeignDatabase.fill(server.connectionString(), database);
        SafeStorage storage = open(WriteLock.unlocked());
        IndexService service = service(storage);

        IndexCreation creation = service.create(service.recommended(List.of("memory_items.user_session_time")));

        assertThat(creation.complete()).isTrue();
        assertThat(creation.created()).extracting(IndexRow::qualifiedName)
                .containsExactly("memory_items.user_session_time");
        IndexReport after = service.report();
        assertThat(after.collection(StoreCollection.MEMORY_ITEMS).orElseThrow().rows())
                .filteredOn(r -> r.name().equals("user_session_time")).singleElement()
                .extracting(IndexRow::status).isEqualTo(IndexStatus.PRESENT);
        AuditEntry entry = storage.operations().audit().list(DocumentFilter.none(), new PageRequest(10, null))
                .items().get(0);
        assertThat(entry.knownAction()).contains(AuditAction.CREATE_INDEX);
        assertThat(entry.collection()).isEqualTo("memory_items");
        assertThat(entry.documentId()).isEqualTo(new BsonString("user_session_time"));
        assertThat(entry.after().getDocument("key")).isEqualTo(new BsonDocument("user_id", new BsonInt32(1))
                .append("session_id", new BsonInt32(1)).append("timestamp", new BsonInt32(-1)));
        assertThat(entry.count()).isEqualTo(32L);

        IndexCreation again = service.create(service.recommended(List.of("memory_items.user_session_time")));
        assertThat(again.created()).isEmpty();
        assertThat(again.skipped()).containsExactly("memory_items.user_session_time");
    }

    @Test
    void aBareNameMeansEveryCollectionRecommendingItAndAnUnknownNameIsRefused() {
        database = server.newDatabaseName();
        IndexService service = service(open(WriteLock.unlocked()));

        assertThat(service.recommended(List.of("time_id_listing"))).extracting(IndexBootstrap.IndexSpec::collection)
                .containsExactly(StoreCollection.MEMORY_ITEMS, StoreCollection.AGENT_DATA,
                        StoreCollection.USER_SESSIONS);
        assertThatThrownBy(() -> service.recommended(List.of("nope")))
                .hasMessageContaining("Unknown recommended index 'nope'")
                .hasMessageContaining("memory_items.user_item_type_time");
    }

    @Test
    void creatingWhileLockedIsRefusedAndWritesNothing() {
        database = server.newDatabaseName();
        ForeignDatabase.fill(server.connectionString(), database);
        DatabaseSnapshot before = DatabaseSnapshot.of(server.connectionString(), database);
        SafeStorage storage = open(WriteLock.locked("APP_ENV=production"));
        IndexService service = service(storage);

        assertThatThrownBy(service::createAllRecommended).isInstanceOf(ReadOnlyViolationException.class);
        assertThatThrownBy(() -> service.createExpirationTtl(StoreCollection.MEMORY_ITEMS))
                .isInstanceOf(ReadOnlyViolationException.class);
        assertThatThrownBy(() -> storage.manager().capability(IndexCatalog.class).orElseThrow().create(IndexBootstrap.recommended()))
                .isInstanceOf(ReadOnlyViolationException.class);
        assertThat(DatabaseSnapshot.of(server.connectionString(), database)).isEqualTo(before);
    }

    @Test
    void theTtlChoiceCountsWhatItWouldDeleteAndIsNeverAmongTheRecommended() {
        database = server.newDatabaseName();
        ForeignDatabase.fill(server.connectionString(), database);
        SafeStorage storage = open(WriteLock.unlocked());
        IndexService service = service(storage);

        ExpirationTtlPreview preview = service.previewExpirationTtl(StoreCollection.MEMORY_ITEMS);

        assertThat(preview.expiredNow()).isEqualTo(30);
        assertThat(preview.status()).isEqualTo(IndexStatus.MISSING);
        assertThat(preview.consequence()).contains("without trash, without audit").contains("30 document(s)");
        service.createAllRecommended();
        assertThat(service.report().rows()).noneMatch(r -> r.name().equals(IndexBootstrap.EXPIRATION_TTL_NAME));

        IndexCreation ttl = service.createExpirationTtl(StoreCollection.MEMORY_ITEMS);

        assertThat(ttl.created()).singleElement().satisfies(r -> assertThat(r.options()
                .getNumber("expireAfterSeconds").longValue()).isZero());
        assertThat(service.previewExpirationTtl(StoreCollection.MEMORY_ITEMS).status()).isEqualTo(IndexStatus.PRESENT);
        AuditEntry entry = storage.operations().audit().forDocument(StoreCollection.MEMORY_ITEMS,
                new BsonString(IndexBootstrap.EXPIRATION_TTL_NAME), new PageRequest(5, null)).items().get(0);
        assertThat(entry.knownAction()).contains(AuditAction.CREATE_INDEX);
        assertThat(entry.count()).isEqualTo(30L);
        assertThatThrownBy(() -> service.previewExpirationTtl(StoreCollection.USER_SESSIONS))
                .hasMessageContaining("applies to memory_items and agent_data only");
    }
}
