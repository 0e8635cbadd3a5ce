package dev.orchestra.inspector.indexes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.inspector.common.DialogService;
import dev.orchestra.inspector.common.Messages;
import dev.orchestra.inspector.common.SameThreadRunner;
import dev.orchestra.inspector.common.SafeStorageHolder;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.mongo.ExistingIndexes;
import dev.orchestra.storage.mongo.IndexCatalog;
import dev.orchestra.storage.indexes.IndexRow;
import dev.orchestra.storage.indexes.IndexStatus;
import dev.orchestra.storage.inmemory.InMemoryMemoryManager;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.InspectorCollection;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.mongo.IndexBootstrap.IndexSpec;
import dev.orchestra.storage.safety.Actor;
import dev.orchestra.storage.safety.AuditAction;
import dev.orchestra.storage.safety.AuditEntry;
import dev.orchestra.storage.safety.WriteLock;
import dev.orchestra.storage.ForwardingMemoryManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

class IndexesViewModelTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
    private final RecordingCatalog catalog = new RecordingCatalog();
    private final Dialogs dialogs = new Dialogs();
    private final InMemoryMemoryManager inMemory = new InMemoryMemoryManager();

    private IndexesViewModel model(WriteLock lock, MemoryManager store) throws Exception {
        SafeStorageHolder storage = new SafeStorageHolder(lock, new Actor("tester", Actor.GUI), clock);
        storage.wrap(() -> store).open();
        return new IndexesViewModel(new SameThreadRunner(), storage, dialogs, Messages.load(), clock);
    }

    private MemoryManager withIndexes() {
        return new ForwardingMemoryManager(inMemory) {
            @Override
            public <T> Optional<T> capability(Class<T> type) {
                return type == IndexCatalog.class ? Optional.of(type.cast(catalog)) : super.capability(type);
            }
        };
    }

    private static IndexRow row(IndexesViewModel model, String qualifiedName) {
        return model.collections().stream().flatMap(c -> c.rows().stream())
                .filter(r -> r.qualifiedName().equals(qualifiedName)).findFirst().orElseThrow();
    }

    @Test
    void showingListsEveryCollectionWithMissingRecommendedIndexesAndCreatesNothing() throws Exception {
        IndexesViewModel model = model(WriteLock.unlocked(), withIndexes());

        model.setShowing(true);

        assertThat(model.collections()).extracting(c -> c.collection())
                .containsExactly(StoreCollection.MEMORY_ITEMS, StoreCollection.AGENT_DATA, StoreCollection.USER_SESSIONS);
        assertThat(row(model, "memory_items._id_").status()).isEqualTo(IndexStatus.EXTRA);
        assertThat(row(model, "memory_items.user_session_time").status()).isEqualTo(IndexStatus.MISSING);
        assertThat(model.summaryProperty().get()).isEqualTo("7 recommended indexes missing or conflicting.");
        assertThat(model.anyMissingProperty().get()).isTrue();
        assertThat(catalog.created).isEmpty();
    }

    @Test
    void creatingWhileReadOnlyIsRefusedWithAClearMessageBeforeAnyQuestion() throws Exception {
        IndexesViewModel model = model(WriteLock.locked("APP_ENV=production"), withIndexes());
        model.setShowing(true);
        model.selectedProperty().set(row(model, "memory_items.user_session_time"));

        model.createSelected();
        model.createAllMissing();
        model.createExpirationTtl();

        assertThat(dialogs.errors).hasSize(3).allMatch(e -> e.contains("read-only (APP_ENV=production)"));
        assertThat(dialogs.questions).isEmpty();
        assertThat(catalog.created).isEmpty();
    }

    @Test
    void creatingAsksNamingCollectionKeysAndBuildImpactThenAuditsAndShowsItPresent() throws Exception {
        IndexesViewModel model = model(WriteLock.unlocked(), withIndexes());
        model.setShowing(true);
        model.selectedProperty().set(row(model, "memory_items.user_session_time"));
        dialogs.answer = true;

        model.createSelected();

        assertThat(dialogs.questions).singleElement().satisfies(q -> assertThat(q)
                .contains("On memory_items: user_session_time {\"user_id\": 1, \"session_id\": 1, \"timestamp\": -1}")
                .contains("builds over 12 documents").contains("loads the server"));
        assertThat(catalog.created).extracting(IndexSpec::name).containsExactly("user_session_time");
        assertThat(row(model, "memory_items.user_session_time").status()).isEqualTo(IndexStatus.PRESENT);
        assertThat(model.lastResultProperty().get()).isEqualTo("Created 1 index; 0 already present.");
        AuditEntry entry = auditEntries(model).get(0);
        assertThat(entry.knownAction()).contains(AuditAction.CREATE_INDEX);
        assertThat(entry.documentId()).isEqualTo(new BsonString("user_session_time"));
    }

    @Test
    void declinedConfirmationCreatesNothing() throws Exception {
        IndexesViewModel model = model(WriteLock.unlocked(), withIndexes());
        model.setShowing(true);
        dialogs.answer = false;

        model.createAllMissing();

        assertThat(dialogs.questions).singleElement().satisfies(q -> assertThat(q)
                .contains("On user_sessions: user_session_unique").contains("{\"unique\": true}"));
        assertThat(catalog.created).isEmpty();
    }

    @Test
    void theTtlActionStatesThatMongoDbDeletesWithoutTrashAndHowManyNow() throws Exception {
        IndexesViewModel model = model(WriteLock.unlocked(), withIndexes());
        model.setShowing(true);
        model.ttlCollectionProperty().set(StoreCollection.AGENT_DATA);
        catalog.expired = 4;
        dialogs.answer = true;

        model.createExpirationTtl();

        assertThat(dialogs.titles).containsExactly("TTL index on agent_data.expiration");
        assertThat(dialogs.questions).singleElement().satisfies(q -> assertThat(q)
                .contains("MongoDB itself deletes").contains("without trash, without audit")
                .contains("4 document(s) have an expiration in the past").contains("not one of the recommended"));
        assertThat(catalog.created).extracting(IndexSpec::name).containsExactly("expiration_ttl");
        assertThat(auditEntries(model).get(0).count()).isEqualTo(4L);
    }

    @Test
    void theInMemoryStoreHasNoIndexesToShow() throws Exception {
        IndexesViewModel model = model(WriteLock.unlocked(), inMemory);

        model.setShowing(true);

        assertThat(model.applicableProperty().get()).isFalse();
        assertThat(model.collections()).isEmpty();
        assertThat(model.summaryProperty().get()).contains("no indexes (in-memory)");
        assertThat(model.anyMissingProperty().get()).isFalse();
    }

    private List<AuditEntry> auditEntries(IndexesViewModel model) {
        return inMemory.findPage(InspectorCollection.AUDIT, DocumentFilter.none(), new PageRequest(10, null))
                .items().stream().map(d -> new AuditEntry(d.get("_id"), null, "", "", d.getString("action")
                        .getValue(), d.getString("collection").getValue(), d.get("document_id"), null,
                        d.containsKey("count") ? d.getNumber("count").longValue() : null, null, null, null))
                .toList();
    }

    /** Stands in for a store's index list: each collection starts with only {@code _id_}, 12 documents. */
    private static final class RecordingCatalog implements IndexCatalog {
        final List<IndexSpec> created = new ArrayList<>();
        final Map<StoreCollection, List<BsonDocument>> definitions = new EnumMap<>(StoreCollection.class);
        long expired;

        @Override
        public ExistingIndexes existing(StoreCollection collection) {
            List<BsonDocument> list = new ArrayList<>(List.of(new BsonDocument("v", new BsonInt32(2))
                    .append("key", new BsonDocument("_id", new BsonInt32(1))).append("name", new BsonString("_id_"))));
            list.addAll(definitions.getOrDefault(collection, List.of()));
            return new ExistingIndexes(true, 12, list, Map.of());
        }

        @Override
        public List<String> create(List<IndexSpec> specs) {
            for (IndexSpec spec : specs) {
                created.add(spec);
                BsonDocument definition = new BsonDocument("v", new BsonInt32(2)).append("key", spec.keys())
                        .append("name", new BsonString(spec.name()));
                definitions.computeIfAbsent(spec.collection(), c -> new ArrayList<>()).add(definition);
            }
            return List.of();
        }

        @Override
        public long countExpired(StoreCollection collection, Instant now) {
            return expired;
        }
    }

    private static final class Dialogs implements DialogService {
        final List<String> errors = new ArrayList<>();
        final List<String> titles = new ArrayList<>();
        final List<String> questions = new ArrayList<>();
        boolean answer;

        @Override
        public void showError(String title, String message) {
            errors.add(title + ": " + message);
        }

        @Override
        public boolean confirm(String title, String message) {
            titles.add(title);
            questions.add(message);
            return answer;
        }

        @Override
        public void copyToClipboard(String text) {
        }
    }
}
