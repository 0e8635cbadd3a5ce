package dev.orchestra.inspector.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.inspector.TestData;
import dev.orchestra.inspector.ViewModelFixture;
import dev.orchestra.inspector.common.DocumentRow;
import dev.orchestra.inspector.common.ManualRunner;
import dev.orchestra.inspector.common.Navigator;
import dev.orchestra.inspector.common.SameThreadRunner;
import dev.orchestra.inspector.common.SecretMasker;
import dev.orchestra.storage.inmemory.InMemoryMemoryManager;
import dev.orchestra.storage.model.StoreCollection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MemoryItemsViewModelTest {
    private final InMemoryMemoryManager store = new InMemoryMemoryManager();
    private ViewModelFixture fx;
    private MemoryItemsViewModel model;
    private final List<String> conversationsOpened = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fx = new ViewModelFixture(new SameThreadRunner(), store);
        model = new MemoryItemsViewModel(fx.runner, fx.store, fx.secrets, fx.detail(), new Navigator() {
            @Override
            public void showConversation(String userId, String sessionId) {
                conversationsOpened.add(userId + "/" + sessionId);
            }

            @Override
            public void showMemoryItems(String userId, String sessionId) {
            }
        }, fx.clock);
    }

    private static List<String> ids(List<DocumentRow> rows) {
        return rows.stream().map(DocumentRow::idText).toList();
    }

    @Test
    void loadsTheFirstPageWhenTheStoreConnects() {
        TestData.bulkItems(store, 30);
        fx.store.connect();

        assertThat(model.rows()).hasSize(30);
        assertThat(model.totalProperty().get()).isEqualTo("30");
        assertThat(model.rows().get(0).idText()).isEqualTo("bulk-29"); // newest first
        assertThat(model.hasNextProperty().get()).isFalse();
    }

    @Test
    void pagesForwardAndBackThroughACollectionLargerThanOnePage() {
        TestData.bulkItems(store, 120);
        fx.store.connect();
        List<String> page1 = ids(model.rows());

        model.next();
        List<String> page2 = ids(model.rows());
        model.next();
        List<String> page3 = ids(model.rows());

        assertThat(page1).hasSize(50).startsWith("bulk-119");
        assertThat(page2).hasSize(50).startsWith("bulk-69");
        assertThat(page3).hasSize(20).endsWith("bulk-0");
        assertThat(model.hasNextProperty().get()).isFalse();
        assertThat(model.pageNumberProperty().get()).isEqualTo(3);
        var all = new HashSet<String>();
        all.addAll(page1);
        all.addAll(page2);
        all.addAll(page3);
        assertThat(all).hasSize(120);

        model.previous();
        assertThat(ids(model.rows())).isEqualTo(page2);
        model.previous();
        assertThat(ids(model.rows())).isEqualTo(page1);
        assertThat(model.hasPreviousProperty().get()).isFalse();
        model.next();
        model.first();
        assertThat(ids(model.rows())).isEqualTo(page1);
    }

    @Test
    void changingThePageSizeReloadsFromTheFirstPage() {
        TestData.bulkItems(store, 60);
        fx.store.connect();
        model.next();

        model.pageSizeProperty().set(25);

        assertThat(model.rows()).hasSize(25);
        assertThat(model.pageNumberProperty().get()).isEqualTo(1);
    }

    @Test
    void filtersNarrowTheRows() {
        TestData.bulkItems(store, 40);
        TestData.conversation(store);
        fx.store.connect();
        assertThat(model.rows()).hasSize(45);

        model.userField().textProperty().set("alice");
        assertThat(model.applyFilter()).isTrue();
        assertThat(model.rows()).hasSize(5).allMatch(r -> r.text("user_id", false).equals("alice"));

        model.itemTypeField().textProperty().set("tool");
        model.applyFilter();
        assertThat(ids(model.rows())).containsExactly("chat-2");

        model.clearFilter();
        model.textContainsField().textProperty().set("LISBON");
        model.applyFilter();
        assertThat(ids(model.rows())).containsExactlyInAnyOrder("chat-3", "chat-4");
        assertThat(model.totalProperty().get()).isEqualTo("2");
    }

    @Test
    void timeRangeFiltersUseTheTimestamp() {
        TestData.bulkItems(store, 10); // one a minute from 10:00Z
        fx.store.connect();

        model.fromField().textProperty().set("2024-05-01T10:03:00Z");
        model.toField().textProperty().set("2024-05-01T10:06:00Z");
        model.applyFilter();

        assertThat(ids(model.rows())).containsExactly("bulk-5", "bulk-4", "bulk-3");
    }

    @Test
    void aMalformedDateIsMarkedAndNotSent() {
        TestData.bulkItems(store, 10);
        fx.store.connect();
        model.userField().textProperty().set("nobody");
        model.fromField().textProperty().set("2024-13-45");

        assertThat(model.applyFilter()).isFalse();

        assertThat(model.fromField().errorProperty().get()).contains("is not a time");
        assertThat(model.errorProperty().get()).contains("Fix the highlighted filter");
        assertThat(model.rows()).hasSize(10); // the query was not sent
        assertThat(model.activeFilter().isEmpty()).isTrue();

        model.fromField().textProperty().set("2024-05-01");
        assertThat(model.fromField().errorProperty().get()).isNull(); // typing clears the complaint
    }

    @Test
    void toBeforeFromAndMalformedTypesAreRefused() {
        TestData.bulkItems(store, 3);
        fx.store.connect();

        model.fromField().textProperty().set("2024-05-02");
        model.toField().textProperty().set("2024-05-01 08:00");
        assertThat(model.applyFilter()).isFalse();
        assertThat(model.toField().errorProperty().get()).contains("after");

        model.clearFilter();
        model.itemTypeField().textProperty().set("$ne");
        assertThat(model.applyFilter()).isFalse();
        assertThat(model.itemTypeField().errorProperty().get()).contains("not an item type");

        model.itemTypeField().textProperty().set("x".repeat(201));
        assertThat(model.applyFilter()).isFalse();
        assertThat(model.itemTypeField().errorProperty().get()).contains("at most 200");
    }

    @Test
    void theTypeBoxOffersTheCollectionsTypesAndAcceptsAnyWellFormedType() {
        TestData.bulkItems(store, 3);
        store.insert(StoreCollection.MEMORY_ITEMS, TestData.item("far-1", "other", "s", "planner.step v2", "x",
                TestData.T0.minusSeconds(86_400), null));
        model.pageSizeProperty().set(2); // the foreign type is on no loaded page
        fx.store.connect();

        assertThat(model.knownItemTypes()).containsExactly("conversation", "planner.step v2");

        model.itemTypeField().textProperty().set("planner.step v2");
        assertThat(model.applyFilter()).isTrue();
        assertThat(model.rows()).extracting(DocumentRow::idText).containsExactly("far-1");
        assertThat(model.emptyHintProperty().get()).isNull();

        model.itemTypeField().textProperty().set("conversaton");
        assertThat(model.applyFilter()).isTrue();
        assertThat(model.rows()).isEmpty();
        assertThat(model.emptyHintProperty().get())
                .isEqualTo("No items of type 'conversaton'. Types in the collection: conversation, planner.step v2");

        model.itemTypeField().textProperty().set("conversation");
        model.userField().textProperty().set("nobody");
        assertThat(model.applyFilter()).isTrue();
        assertThat(model.emptyHintProperty().get()).isEqualTo("No items of type 'conversation' match the other filters.");
    }

    @Test
    void selectingARowShowsTheWholeDocumentInTheDetailPane() {
        TestData.itemWithSecretAndEmbedding(store);
        fx.store.connect();
        DocumentRow row = model.rows().get(0);
        assertThat(row.embeddingDimension()).isEqualTo(4);
        assertThat(row.document().containsKey("embedding")).isFalse(); // list rows omit it

        model.selectedRowProperty().set(row);

        var detail = model.detail();
        assertThat(detail.documentProperty().get().getArray("embedding")).hasSize(4);
        assertThat(detail.jsonProperty().get()).contains("\"embedding\"").contains(SecretMasker.MASK)
                .doesNotContain("sk-live-SECRET-1234");
        assertThat(detail.secretPaths()).containsExactly("metadata.api_key");

        detail.canonicalProperty().set(true);
        assertThat(detail.jsonProperty().get()).contains("$date").contains("$numberDouble");

        detail.copyJson();
        assertThat(fx.dialogs.clipboard).hasSize(1);
        assertThat(fx.dialogs.clipboard.get(0)).doesNotContain("sk-live-SECRET-1234");

        fx.secrets.revealedProperty().set(true);
        assertThat(detail.jsonProperty().get()).contains("sk-live-SECRET-1234");
    }

    @Test
    void secretsAreMaskedInTheRowsAndTheRowIsFlagged() {
        TestData.itemWithSecretAndEmbedding(store);
        fx.store.connect();
        DocumentRow row = model.rows().get(0);

        assertThat(row.isSensitive()).isTrue();
        assertThat(row.flagDescription()).contains("metadata.api_key");
        assertThat(row.text("metadata", false)).contains(SecretMasker.MASK).doesNotContain("sk-live");
        assertThat(row.text("metadata", true)).contains("sk-live-SECRET-1234");
    }

    @Test
    void documentsOfOtherSystemsAreListedAndFlagged() {
        TestData.bulkItems(store, 3);
        TestData.foreignItems(store);
        fx.store.connect();

        assertThat(model.rows()).hasSize(5);
        DocumentRow objectId = model.rows().stream().filter(r -> r.id().isObjectId()).findFirst().orElseThrow();
        assertThat(objectId.issues()).anyMatch(i -> i.contains("ObjectId")).anyMatch(i -> i.contains("sentiment"));
        DocumentRow legacy = model.rows().stream().filter(r -> r.idText().equals("legacy-1")).findFirst().orElseThrow();
        assertThat(legacy.issues()).anyMatch(i -> i.contains("'timestamp' is a string"));
        assertThat(legacy.timeText()).isEqualTo("2024-03-18T09:12:44Z");
        assertThat(model.knownItemTypes()).contains("note", "conversation");
    }

    @Test
    void escCancelsARunningLoadAndDropsItsResult() {
        ManualRunner manual = new ManualRunner();
        fx = new ViewModelFixture(manual, store);
        model = new MemoryItemsViewModel(manual, fx.store, fx.secrets, fx.detail(), Navigator.NONE, fx.clock);
        TestData.bulkItems(store, 5);
        fx.store.connect();
        manual.runNext(); // opens the store, which starts reading the first page; the view then waits for it
        assertThat(model.loadingProperty().get()).isTrue();
        // the read started at opening + the load waiting for it + the count + the collection's item types
        assertThat(manual.busyProperty().get()).isEqualTo(4);

        model.cancel();

        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(manual.busyProperty().get()).isZero();
        manual.runAll();
        assertThat(model.rows()).isEmpty();
        assertThat(model.errorProperty().get()).contains("cancelled");

        model.refresh();
        manual.runAll();
        assertThat(model.rows()).hasSize(5);
    }

    @Test
    void aStoreFailureIsShownInPlace() {
        TestData.bulkItems(store, 5);
        fx.store.connect();
        store.simulateOutage(true);

        model.refresh();

        assertThat(model.errorProperty().get()).startsWith("Cannot reach the server");
        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.rows()).hasSize(5); // what was shown stays
    }

    @Test
    void openConversationNavigatesToTheRowsSession() {
        TestData.conversation(store);
        fx.store.connect();
        model.selectedRowProperty().set(model.rows().get(0));

        assertThat(model.openConversation()).isTrue();

        assertThat(conversationsOpened).containsExactly("alice/s-chat");
    }
}
