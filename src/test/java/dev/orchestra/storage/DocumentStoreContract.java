package dev.orchestra.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static dev.orchestra.storage.ContractFixtures.T0;
import static dev.orchestra.storage.ContractFixtures.memoryDoc;
import static dev.orchestra.storage.ContractFixtures.item;
import static dev.orchestra.storage.ContractFixtures.vector;
import static dev.orchestra.storage.ContractFixtures.sessionDoc;
import static dev.orchestra.storage.ContractFixtures.everyTypeDocument;

import dev.orchestra.storage.error.StorageConflictException;
import dev.orchestra.storage.error.StorageOperationException;
import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.mapping.MemoryItemMapper;
import dev.orchestra.storage.mapping.StoreQueries;
import dev.orchestra.storage.model.AgentData;
import dev.orchestra.storage.model.BulkProgress;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.Page;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.RecordlessSessions;
import dev.orchestra.storage.model.SessionSummary;
import dev.orchestra.storage.model.StoreCollection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/**
 * What every store must do for the inspector and the CLI ({@link DocumentStore}): paging, filters, counts, guarded
 * writes, batches, sessions, BSON fidelity. Run by each store's contract test through {@link MemoryManagerContract}.
 */
public interface DocumentStoreContract {
    MemoryManager manager();

    default List<BsonValue> allIds(StoreCollection collection, DocumentFilter filter, int pageSize) {
        List<BsonValue> ids = new ArrayList<>();
        Page<BsonDocument> page = manager().findPage(collection, filter, PageRequest.first(pageSize));
        int guard = 0;
        while (true) {
            page.items().forEach(d -> ids.add(d.get("_id")));
            if (!page.hasMore()) {
                return ids;
            }
            assertThat(page.items()).hasSize(pageSize);
            page = manager().findPage(collection, filter, new PageRequest(pageSize, page.next()));
            assertThat(++guard).as("paging terminates").isLessThan(10_000);
        }
    }

    // ---- paging -----------------------------------------------------------------------------------------------

    @Test
    default void pagingVisitsEveryDocumentOnceAcrossEqualTimestamps() {
        List<BsonValue> expected = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            Instant time = i < 12 ? T0 : T0.plusSeconds(i); // twelve share one timestamp, across page borders
            String id = String.format("id-%02d", i);
            manager().insert(StoreCollection.MEMORY_ITEMS, memoryDoc(id, "u", "s", time, "note", "t" + i));
            expected.add(new BsonString(id));
        }

        List<BsonValue> ids = allIds(StoreCollection.MEMORY_ITEMS, DocumentFilter.none(), 5);

        assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        // newest first; equal timestamps by _id descending
        assertThat(ids.subList(0, 11)).isEqualTo(IntStream.iterate(22, i -> i - 1).limit(11)
                .mapToObj(i -> (BsonValue) new BsonString(String.format("id-%02d", i))).toList());
        assertThat(ids.subList(11, 23)).isEqualTo(IntStream.iterate(11, i -> i - 1).limit(12)
                .mapToObj(i -> (BsonValue) new BsonString(String.format("id-%02d", i))).toList());
    }

    @Test
    default void pagingHandlesMixedIdTypesAtEqualTimestamps() {
        List<BsonValue> expected = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            BsonValue[] ids = {new BsonString("s" + i), new BsonObjectId(new ObjectId()), new BsonInt32(i)};
            for (BsonValue id : ids) {
                BsonDocument d = memoryDoc("x", "u", "s", T0, "note", "t");
                d.put("_id", id);
                manager().insert(StoreCollection.MEMORY_ITEMS, d);
                expected.add(id);
            }
        }

        for (int pageSize : new int[] {1, 2, 5}) {
            List<BsonValue> ids = allIds(StoreCollection.MEMORY_ITEMS, DocumentFilter.none(), pageSize);
            assertThat(ids).as("page size %d", pageSize)
                    .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
            // MongoDB's type order, descending: ObjectIds, then strings, then numbers
            assertThat(ids.subList(0, 4)).allMatch(BsonValue::isObjectId);
            assertThat(ids.subList(4, 8)).allMatch(BsonValue::isString);
            assertThat(ids.subList(8, 12)).allMatch(BsonValue::isInt32);
        }
    }

    @Test
    default void undatedDocumentsFormATailPagedByOffset() {
        for (int i = 0; i < 7; i++) {
            manager().insert(StoreCollection.MEMORY_ITEMS, memoryDoc("dated-" + i, "u", "s", T0.plusSeconds(i), "note",
                    "d"));
        }
        for (int i = 0; i < 5; i++) {
            BsonDocument odd = memoryDoc("undated-" + i, "u", "s", null, "note", "x");
            odd.put("timestamp", new BsonString("2024-01-0" + (i + 1) + "T10:00:00Z"));
            insertForeign(StoreCollection.MEMORY_ITEMS, odd);
        }
        BsonDocument missing = memoryDoc("undated-missing", "u", "s", null, "note", "x");
        insertForeign(StoreCollection.MEMORY_ITEMS, missing);

        List<BsonValue> ids = allIds(StoreCollection.MEMORY_ITEMS, DocumentFilter.forUser("u"), 3);

        assertThat(ids).hasSize(13).doesNotHaveDuplicates();
        assertThat(ids.subList(0, 7)).allMatch(id -> id.asString().getValue().startsWith("dated-"));
        assertThat(ids.subList(7, 13)).allMatch(id -> id.asString().getValue().startsWith("undated-"));
        Page<BsonDocument> first = manager().findPage(StoreCollection.MEMORY_ITEMS, DocumentFilter.none(),
                PageRequest.first(7));
        assertThat(first.hasMore()).isTrue();
        Page<BsonDocument> tail = manager().findPage(StoreCollection.MEMORY_ITEMS, DocumentFilter.none(),
                new PageRequest(4, first.next()));
        assertThat(tail.items()).hasSize(4);
        assertThat(tail.next().inUndatedTail()).isTrue();
        Page<BsonDocument> end = manager().findPage(StoreCollection.MEMORY_ITEMS, DocumentFilter.none(),
                new PageRequest(4, tail.next()));
        assertThat(end.items()).hasSize(2);
        assertThat(end.hasMore()).isFalse();
        assertThat(end.next()).isNull();
    }

    /**
     * Stores a document exactly as another system might have written it (a string timestamp, no timestamp at all):
     * no validation, no defaults. Implementations reach their storage directly (e.g. {@code RawDocumentAccess} or
     * the database behind the manager).
     */
    void insertForeign(StoreCollection collection, BsonDocument document);

    @Test
    default void listRowsOmitTheEmbeddingButFindByIdReturnsIt() {
        BsonValue id = manager().addMemoryItem(item("u", "s", "note", "v", T0).withEmbedding(vector(0.1, 0.2, 0.3)));

        BsonDocument row = manager().findPage(StoreCollection.MEMORY_ITEMS, DocumentFilter.none(), PageRequest.first(10))
                .items().get(0);
        assertThat(row.containsKey("embedding")).isFalse();
        assertThat(row.getInt32("embedding_dim").getValue()).isEqualTo(3);
        assertThat(row.getString("text_content").getValue()).isEqualTo("v");
        assertThat(manager().findById(StoreCollection.MEMORY_ITEMS, id).orElseThrow().getArray("embedding"))
                .hasSize(3);
    }

    @Test
    default void lastFullPageSaysThereIsNoMore() {
        for (int i = 0; i < 10; i++) {
            manager().addMemoryItem(item("u", "s", "note", "t" + i, T0.plusSeconds(i)));
        }

        Page<BsonDocument> first = manager().findPage(StoreCollection.MEMORY_ITEMS, DocumentFilter.none(),
                PageRequest.first(5));
        Page<BsonDocument> second = manager().findPage(StoreCollection.MEMORY_ITEMS, DocumentFilter.none(),
                new PageRequest(5, first.next()));

        assertThat(first.hasMore()).isTrue();
        assertThat(first.items()).extracting(d -> d.getString("text_content").getValue())
                .containsExactly("t9", "t8", "t7", "t6", "t5");
        assertThat(second.items()).extracting(d -> d.getString("text_content").getValue())
                .containsExactly("t4", "t3", "t2", "t1", "t0");
        assertThat(second.hasMore()).isFalse();
        assertThat(second.next()).isNull();
    }

    @Test
    default void emptyResultIsOnePageWithoutMore() {
        Page<BsonDocument> page = manager().findPage(StoreCollection.AGENT_DATA, DocumentFilter.none(),
                PageRequest.first(10));
        assertThat(page.items()).isEmpty();
        assertThat(page.hasMore()).isFalse();
    }

    // ---- filters and counts -----------------------------------------------------------------------------------

    @Test
    default void filtersSelectByUserSessionTypeTimeAndText() {
        manager().addMemoryItem(item("alice", "s1", "conversation", "Price is $5 (approx.)", T0));
        manager().addMemoryItem(item("alice", "s1", "summary", "price summary", T0.plusSeconds(10)));
        manager().addMemoryItem(item("alice", "s2", "conversation", "PRICE IS $5 (APPROX.) again", T0.plusSeconds(20)));
        manager().addMemoryItem(item("bob", "s1", "conversation", "price is 5 approx", T0.plusSeconds(30)));

        assertThat(countOf(StoreCollection.MEMORY_ITEMS, DocumentFilter.forUser("alice"))).isEqualTo(3);
        assertThat(countOf(StoreCollection.MEMORY_ITEMS, DocumentFilter.forSession("alice", "s1"))).isEqualTo(2);
        assertThat(countOf(StoreCollection.MEMORY_ITEMS, DocumentFilter.none().withItemType("summary"))).isEqualTo(1);
        assertThat(countOf(StoreCollection.MEMORY_ITEMS,
                DocumentFilter.none().withTimeRange(T0.plusSeconds(10), T0.plusSeconds(30)))).isEqualTo(2);
        // literal, case-insensitive: "$5 (approx.)" is not a regex
        assertThat(countOf(StoreCollection.MEMORY_ITEMS, DocumentFilter.none().withTextContains("$5 (approx.)")))
                .isEqualTo(2);
        assertThat(countOf(StoreCollection.MEMORY_ITEMS, DocumentFilter.none().withTextContains(".*"))).isZero();
        assertThat(countOf(StoreCollection.MEMORY_ITEMS,
                DocumentFilter.none().withRawFilter(BsonDocument.parse("{\"user_id\": {\"$in\": [\"bob\"]}}"))))
                .isEqualTo(1);
        assertThat(allIds(StoreCollection.MEMORY_ITEMS, DocumentFilter.forUser("alice").withItemType("conversation"),
                1)).hasSize(2);
    }

    @Test
    default void agentDataFiltersByAgentTypeAndStringContent() {
        manager().addRawAgentData(AgentData.of("planner", "plan", new BsonString("Book the FLIGHT")));
        manager().addRawAgentData(AgentData.of("planner", "scratch", new BsonString("flight notes")));
        manager().addRawAgentData(AgentData.of("search", "plan", new BsonDocument("flight", new BsonBoolean(true))));

        assertThat(countOf(StoreCollection.AGENT_DATA, DocumentFilter.none().withAgentId("planner"))).isEqualTo(2);
        assertThat(countOf(StoreCollection.AGENT_DATA, DocumentFilter.none().withDataType("plan"))).isEqualTo(2);
        assertThat(countOf(StoreCollection.AGENT_DATA, DocumentFilter.none().withTextContains("flight"))).isEqualTo(2);
    }

    @Test
    default void filterCriteriaOfAnotherCollectionAreRejected() {
        assertThatThrownBy(() -> manager().findPage(StoreCollection.AGENT_DATA,
                DocumentFilter.none().withItemType("note"), PageRequest.first(5)))
                .isInstanceOf(StorageValidationException.class).hasMessageContaining("memory_items");
        assertThatThrownBy(() -> manager().count(StoreCollection.MEMORY_ITEMS, DocumentFilter.none().withAgentId("a")))
                .isInstanceOf(StorageValidationException.class).hasMessageContaining("agent_data");
    }

    @Test
    default void countsAreExactForSmallCollections() {
        for (int i = 0; i < 5; i++) {
            manager().addMemoryItem(item("u" + (i % 2), "s", "note", "t" + i, T0));
        }
        var all = manager().count(StoreCollection.MEMORY_ITEMS, DocumentFilter.none());
        assertThat(all.value()).isEqualTo(5);
        assertThat(all.exact()).isTrue();
        var some = manager().count(StoreCollection.MEMORY_ITEMS, DocumentFilter.forUser("u0"));
        assertThat(some.value()).isEqualTo(3);
        assertThat(some.exact()).isTrue();
    }

    default long countOf(StoreCollection collection, DocumentFilter filter) {
        long counted = manager().count(collection, filter).value();
        assertThat(allIds(collection, filter, 50)).as("count agrees with paging").hasSize((int) counted);
        return counted;
    }

    // ---- guarded replace, delete -----------------------------------------------------------------------------

    @Test
    default void replaceAppliesWhenUnchanged() {
        BsonValue id = manager().addMemoryItem(item("u", "s", "note", "before", T0));
        BsonDocument read = manager().findById(StoreCollection.MEMORY_ITEMS, id).orElseThrow();
        BsonDocument edited = read.clone().append("text_content", new BsonString("after"));

        manager().replace(StoreCollection.MEMORY_ITEMS, read, edited);

        assertThat(manager().findById(StoreCollection.MEMORY_ITEMS, id).orElseThrow()).isEqualTo(edited);
    }

    @Test
    default void replaceDetectsAChangedField() {
        BsonValue id = manager().addMemoryItem(item("u", "s", "note", "v1", T0));
        BsonDocument read = manager().findById(StoreCollection.MEMORY_ITEMS, id).orElseThrow();
        BsonDocument theirs = read.clone().append("text_content", new BsonString("v2 by someone else"));
        manager().replace(StoreCollection.MEMORY_ITEMS, read, theirs);

        assertThatThrownBy(() -> manager().replace(StoreCollection.MEMORY_ITEMS, read,
                read.clone().append("text_content", new BsonString("v2 by me"))))
                .isInstanceOfSatisfying(StorageConflictException.class,
                        e -> assertThat(e.current()).contains(theirs));
        assertThat(manager().findById(StoreCollection.MEMORY_ITEMS, id).orElseThrow()).isEqualTo(theirs);
    }

    @Test
    default void replaceDetectsAnAddedField() {
        BsonValue id = manager().addMemoryItem(item("u", "s", "note", "v1", T0));
        BsonDocument read = manager().findById(StoreCollection.MEMORY_ITEMS, id).orElseThrow();
        BsonDocument theirs = read.clone().append("reviewed", BsonBoolean.TRUE);
        manager().replace(StoreCollection.MEMORY_ITEMS, read, theirs);

        assertThatThrownBy(() -> manager().replace(StoreCollection.MEMORY_ITEMS, read,
                read.clone().append("text_content", new BsonString("mine"))))
                .isInstanceOf(StorageConflictException.class);
        assertThat(manager().findById(StoreCollection.MEMORY_ITEMS, id).orElseThrow()).isEqualTo(theirs);
    }

    @Test
    default void replaceDetectsADeletedDocument() {
        BsonValue id = manager().addMemoryItem(item("u", "s", "note", "v1", T0));
        BsonDocument read = manager().findById(StoreCollection.MEMORY_ITEMS, id).orElseThrow();
        assertThat(manager().delete(StoreCollection.MEMORY_ITEMS, id)).isTrue();

        assertThatThrownBy(() -> manager().replace(StoreCollection.MEMORY_ITEMS, read, read.clone()))
                .isInstanceOfSatisfying(StorageConflictException.class, e -> assertThat(e.current()).isEmpty());
        assertThat(manager().findById(StoreCollection.MEMORY_ITEMS, id)).isEmpty();
    }

    @Test
    default void replaceMustKeepTheIdAndValidates() {
        BsonValue id = manager().addMemoryItem(item("u", "s", "note", "v1", T0));
        BsonDocument read = manager().findById(StoreCollection.MEMORY_ITEMS, id).orElseThrow();

        assertThatThrownBy(() -> manager().replace(StoreCollection.MEMORY_ITEMS, read,
                read.clone().append("_id", new BsonString("other"))))
                .isInstanceOf(StorageValidationException.class);
        BsonDocument noUser = read.clone();
        noUser.remove("user_id");
        assertThatThrownBy(() -> manager().replace(StoreCollection.MEMORY_ITEMS, read, noUser))
                .isInstanceOf(StorageValidationException.class);
        assertThat(manager().findById(StoreCollection.MEMORY_ITEMS, id).orElseThrow()).isEqualTo(read);
    }

    @Test
    default void deleteReportsWhetherSomethingWasDeleted() {
        BsonValue id = manager().addMemoryItem(item("u", "s", "note", "x", T0));

        assertThat(manager().delete(StoreCollection.MEMORY_ITEMS, id)).isTrue();
        assertThat(manager().delete(StoreCollection.MEMORY_ITEMS, id)).isFalse();
        assertThat(manager().getMemoryItem(id)).isEmpty();
    }

    @Test
    default void deleteMatchingDeletesInBatchesWithExactCounts() {
        for (int i = 0; i < 25; i++) {
            manager().addMemoryItem(item("doomed", "s", "note", "t" + i, T0.plusSeconds(i)));
        }
        manager().addMemoryItem(item("kept", "s", "note", "k", T0));
        List<long[]> calls = new CopyOnWriteArrayList<>();

        long deleted = manager().deleteMatching(StoreCollection.MEMORY_ITEMS, DocumentFilter.forUser("doomed"), 10,
                (done, total) -> calls.add(new long[] {done, total}) || true);

        assertThat(deleted).isEqualTo(25);
        assertThat(calls).extracting(c -> c[0]).containsExactly(10L, 20L, 25L);
        assertThat(calls).extracting(c -> c[1]).containsOnly(25L);
        assertThat(manager().count(StoreCollection.MEMORY_ITEMS, DocumentFilter.none()).value()).isEqualTo(1);
        assertThat(manager().deleteMatching(StoreCollection.MEMORY_ITEMS, DocumentFilter.forUser("doomed"), 10,
                BulkProgress.IGNORE)).isZero();
    }

    // ---- batch operations ------------------------------------------------------------------------------------

    @Test
    default void upsertAllInsertsReplacesSkipsUnchangedAndNeverWritesInvalidOnes() {
        BsonDocument kept = memoryDoc("keep", "u", "s", T0, "note", "same");
        BsonDocument old = memoryDoc("change", "u", "s", T0, "note", "old");
        manager().insert(StoreCollection.MEMORY_ITEMS, kept);
        manager().insert(StoreCollection.MEMORY_ITEMS, old);
        BsonDocument changed = memoryDoc("change", "u", "s2", T0, "note", "new");
        BsonDocument added = memoryDoc("new", "u", "s", T0.plusSeconds(1), "note", "added");
        BsonDocument invalid = memoryDoc("bad", "u", "s", T0, "note", "no user");
        invalid.remove("user_id");
        BsonDocument withoutId = memoryDoc("x", "u", "s", T0, "note", "gets an id");
        withoutId.remove("_id");

        var result = manager().upsertAll(StoreCollection.MEMORY_ITEMS, List.of(kept, changed, invalid, added, withoutId));

        assertThat(result.inserted()).isEqualTo(2);
        assertThat(result.replaced()).isEqualTo(1);
        assertThat(result.unchanged()).isEqualTo(1);
        assertThat(result.failures()).containsOnlyKeys(2);
        assertThat(result.written()).hasSize(4).contains(new BsonString("keep"), new BsonString("change"),
                new BsonString("new")).doesNotContain(new BsonString("bad"));
        assertThat(manager().findById(StoreCollection.MEMORY_ITEMS, new BsonString("bad"))).isEmpty();
        assertThat(manager().findById(StoreCollection.MEMORY_ITEMS, new BsonString("change"))).contains(changed);
        assertThat(manager().findById(StoreCollection.MEMORY_ITEMS, new BsonString("new"))).contains(added);
        assertThat(manager().findById(StoreCollection.MEMORY_ITEMS, new BsonString("keep"))).contains(kept);
        assertThat(manager().findByIds(StoreCollection.MEMORY_ITEMS, result.written())).hasSize(4)
                .anySatisfy(d -> assertThat(d.getString("text_content").getValue()).isEqualTo("gets an id"));
        assertThat(manager().count(StoreCollection.MEMORY_ITEMS, DocumentFilter.none()).value()).isEqualTo(4);
        assertThat(manager().getConversationHistory("u", "s2", 10, null)).extracting(MemoryItem::textContent)
                .containsExactly("new");
    }

    @Test
    default void findByIdsReturnsTheFullDocumentsThatExist() {
        BsonDocument a = memoryDoc("a", "u", "s", T0, "note", "A").append("embedding", new BsonArray(
                List.of(new BsonDouble(0.5), new BsonDouble(1.5))));
        BsonDocument b = memoryDoc("b", "u", "s", T0, "note", "B");
        manager().insert(StoreCollection.MEMORY_ITEMS, a);
        manager().insert(StoreCollection.MEMORY_ITEMS, b);

        assertThat(manager().findByIds(StoreCollection.MEMORY_ITEMS,
                List.of(new BsonString("a"), new BsonString("ghost"), new BsonString("b"))))
                .containsExactlyInAnyOrder(a, b);
        assertThat(manager().findByIds(StoreCollection.MEMORY_ITEMS, List.of())).isEmpty();
    }

    @Test
    default void findMatchingReturnsWholeDocumentsOfTheFilterUpToTheLimit() {
        BsonDocument a = memoryDoc("a", "u", "s", T0, "note", "A").append("embedding", new BsonArray(
                List.of(new BsonDouble(0.5), new BsonDouble(1.5))));
        manager().insert(StoreCollection.MEMORY_ITEMS, a);
        manager().insert(StoreCollection.MEMORY_ITEMS, memoryDoc("b", "u", "s", T0, "note", "B"));
        manager().insert(StoreCollection.MEMORY_ITEMS, memoryDoc("c", "u", "s", T0, "note", "C"));
        manager().insert(StoreCollection.MEMORY_ITEMS, memoryDoc("other", "v", "s", T0, "note", "D"));
        DocumentFilter userU = DocumentFilter.forUser("u");

        assertThat(manager().findMatching(StoreCollection.MEMORY_ITEMS, userU, 10))
                .extracting(d -> d.getString("_id").getValue()).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(manager().findMatching(StoreCollection.MEMORY_ITEMS, userU, 2)).hasSize(2)
                .allSatisfy(d -> assertThat(d.getString("user_id").getValue()).isEqualTo("u"));
        // Whole documents: the embedding travels too.
        assertThat(manager().findMatching(StoreCollection.MEMORY_ITEMS, userU.withTextContains("A"), 10))
                .containsExactly(a);
        assertThatThrownBy(() -> manager().findMatching(StoreCollection.MEMORY_ITEMS, userU, 0))
                .isInstanceOf(StorageValidationException.class);
    }

    @Test
    default void insertAllFillsDefaultsAndWritesNothingWhenOneIsInvalid() {
        BsonDocument invalid = memoryDoc("bad", "u", "s", T0, "note", "x");
        invalid.remove("user_id");
        assertThatThrownBy(() -> manager().insertAll(StoreCollection.MEMORY_ITEMS,
                List.of(memoryDoc("first", "u", "s", T0, "note", "x"), invalid)))
                .isInstanceOf(StorageValidationException.class);
        assertThat(manager().count(StoreCollection.MEMORY_ITEMS, DocumentFilter.none()).value()).isZero();

        BsonDocument noId = memoryDoc("x", "u", "s", null, "note", "y");
        noId.remove("_id");
        List<BsonValue> ids = manager().insertAll(StoreCollection.MEMORY_ITEMS,
                List.of(memoryDoc("one", "u", "s", T0, "note", "x"), noId));

        assertThat(ids).hasSize(2).first().isEqualTo(new BsonString("one"));
        BsonDocument stored = manager().findById(StoreCollection.MEMORY_ITEMS, ids.get(1)).orElseThrow();
        assertThat(stored.isDateTime("timestamp")).isTrue();
    }

    @Test
    default void deleteByIdsDeletesExactlyThoseAndCountsWhatExisted() {
        for (String id : List.of("a", "b", "c")) {
            manager().insert(StoreCollection.MEMORY_ITEMS, memoryDoc(id, "u", "s", T0, "note", id));
        }

        long deleted = manager().deleteByIds(StoreCollection.MEMORY_ITEMS,
                List.of(new BsonString("a"), new BsonString("ghost"), new BsonString("c")));

        assertThat(deleted).isEqualTo(2);
        assertThat(allIds(StoreCollection.MEMORY_ITEMS, DocumentFilter.none(), 10)).containsExactly(new BsonString("b"));
        assertThat(manager().deleteByIds(StoreCollection.MEMORY_ITEMS, List.of(new BsonString("a")))).isZero();
    }

    @Test
    default void deleteMatchingStopsWhenProgressSaysSo() {
        for (int i = 0; i < 25; i++) {
            manager().addMemoryItem(item("doomed", "s", "note", "t" + i, T0));
        }

        long deleted = manager().deleteMatching(StoreCollection.MEMORY_ITEMS, DocumentFilter.forUser("doomed"), 10,
                (done, total) -> false);

        assertThat(deleted).isEqualTo(10);
        assertThat(manager().count(StoreCollection.MEMORY_ITEMS, DocumentFilter.forUser("doomed")).value())
                .isEqualTo(15);
    }

    @Test
    default void deleteMatchingRefusesForbiddenOperatorsBeforeDeleting() {
        manager().addMemoryItem(item("u", "s", "note", "x", T0));
        var evil = DocumentFilter.none().withRawFilter(BsonDocument.parse("{\"$or\": [{\"$where\": \"true\"}]}"));

        assertThatThrownBy(() -> manager().deleteMatching(StoreCollection.MEMORY_ITEMS, evil, 10, BulkProgress.IGNORE))
                .isInstanceOf(StorageValidationException.class).hasMessageContaining("$where");
        assertThat(manager().count(StoreCollection.MEMORY_ITEMS, DocumentFilter.none()).value()).isEqualTo(1);
    }

    // ---- sessions ---------------------------------------------------------------------------------------------

    @Test
    default void listSessionsShowsTheRecordsWithTheirItemsOnly() {
        manager().addMemoryItem(item("u1", "both", "conversation", "a", T0.plusSeconds(10)));
        manager().addMemoryItem(item("u1", "both", "conversation", "b", T0.plusSeconds(20)).withPersona("coach"));
        manager().addMemoryItem(item("u1", "orphan", "conversation", "c", T0.plusSeconds(30)));
        manager().addMemoryItem(item("u2", "other", "conversation", "d", T0.plusSeconds(40)));
        manager().addMemoryItem(item("u1", null, "note", "no session", T0.plusSeconds(50)));
        manager().insert(StoreCollection.USER_SESSIONS, sessionDoc("u1", "both", T0, T0.plusSeconds(5)));
        manager().insert(StoreCollection.USER_SESSIONS, sessionDoc("u1", "empty", T0, T0.plusSeconds(25)));
        manager().insert(StoreCollection.USER_SESSIONS, sessionDoc("u2", "other", T0, T0.plusSeconds(1)));

        List<SessionSummary> sessions = manager().listSessions("u1", 10);

        // items without a record are not listed on open: finding them reads every item (the scan, below)
        assertThat(sessions).extracting(SessionSummary::sessionId).containsExactly("empty", "both");
        SessionSummary empty = sessions.get(0);
        assertThat(empty.isEmptyRecord()).isTrue();
        assertThat(empty.lastActivity()).isEqualTo(T0.plusSeconds(25));
        SessionSummary both = sessions.get(1);
        assertThat(both.hasSessionRecord()).isTrue();
        assertThat(both.itemCount()).isEqualTo(2);
        assertThat(both.firstActivity()).isEqualTo(T0);
        assertThat(both.lastActivity()).isEqualTo(T0.plusSeconds(20));
        assertThat(both.personaActive()).isEqualTo("coach");
        assertThat(manager().listSessions(null, 10)).extracting(SessionSummary::sessionId)
                .containsExactly("other", "empty", "both");
        // the page is the most recently updated records: u2's record (updated T0+1) is the one left out
        assertThat(manager().listSessions(null, 2)).extracting(SessionSummary::sessionId)
                .containsExactly("empty", "both");
    }

    @Test
    default void theScanFindsSessionsWithItemsButNoRecordAndEachUsersNoSessionItems() {
        manager().addMemoryItem(item("u1", "both", "conversation", "a", T0.plusSeconds(10)));
        manager().addMemoryItem(item("u1", "orphan", "conversation", "c", T0.plusSeconds(30)).withPersona("coach"));
        manager().addMemoryItem(item("u1", "orphan", "conversation", "c2", T0.plusSeconds(35)));
        manager().addMemoryItem(item("u2", "other", "conversation", "d", T0.plusSeconds(40)));
        manager().addMemoryItem(item("u1", null, "note", "no session", T0.plusSeconds(50)));
        manager().insert(StoreCollection.USER_SESSIONS, sessionDoc("u1", "both", T0, T0.plusSeconds(5)));
        manager().insert(StoreCollection.USER_SESSIONS, sessionDoc("u1", "empty", T0, T0.plusSeconds(25)));
        List<long[]> reports = new ArrayList<>();

        RecordlessSessions found = manager().findSessionsWithoutRecord("u1", 10, (done, total) -> {
            reports.add(new long[] {done, total});
            return true;
        });

        assertThat(found.complete()).isTrue();
        assertThat(found.itemsExamined()).isEqualTo(4);
        assertThat(reports).isNotEmpty();
        assertThat(reports.get(reports.size() - 1)[0]).isEqualTo(4);
        assertThat(found.sessions()).extracting(SessionSummary::sessionId).containsExactly(null, "orphan");
        SessionSummary noSession = found.sessions().get(0);
        assertThat(noSession.isNoSession()).isTrue();
        assertThat(noSession.itemCount()).isEqualTo(1);
        SessionSummary orphan = found.sessions().get(1);
        assertThat(orphan.isOrphanItems()).isTrue();
        assertThat(orphan.itemCount()).isEqualTo(2);
        assertThat(orphan.firstActivity()).isEqualTo(T0.plusSeconds(30));
        assertThat(orphan.lastActivity()).isEqualTo(T0.plusSeconds(35));
        assertThat(manager().findSessionsWithoutRecord(null, 10, BulkProgress.IGNORE).sessions())
                .extracting(SessionSummary::userId, SessionSummary::sessionId)
                .containsExactly(tuple("u1", null), tuple("u2", "other"), tuple("u1", "orphan"));
        assertThat(manager().findSessionsWithoutRecord(null, 1, BulkProgress.IGNORE).sessions())
                .extracting(SessionSummary::sessionId).containsExactly((String) null);
    }

    @Test
    default void itemsWithoutASessionAreEachUsersNoSessionConversation() {
        BsonDocument missing = memoryDoc("m1", "u1", null, T0.plusSeconds(10), "note", "missing");
        missing.remove("session_id");
        insertForeign(StoreCollection.MEMORY_ITEMS, missing);
        insertForeign(StoreCollection.MEMORY_ITEMS, memoryDoc("m2", "u1", null, T0.plusSeconds(20), "note", "null"));
        insertForeign(StoreCollection.MEMORY_ITEMS, memoryDoc("m3", "u2", null, T0.plusSeconds(30), "note", "u2"));
        manager().addMemoryItem(item("u1", "s", "conversation", "in a session", T0.plusSeconds(40)));

        List<SessionSummary> all = manager().findSessionsWithoutRecord(null, 10, BulkProgress.IGNORE).sessions();

        assertThat(all).extracting(SessionSummary::userId, SessionSummary::sessionId, SessionSummary::itemCount)
                .containsExactly(tuple("u1", "s", 1L), tuple("u2", null, 1L), tuple("u1", null, 2L));
        SessionSummary u1 = all.get(2);
        assertThat(u1.firstActivity()).isEqualTo(T0.plusSeconds(10));
        assertThat(u1.lastActivity()).isEqualTo(T0.plusSeconds(20));
        assertThat(u1.hasSessionRecord()).isFalse();
        assertThat(manager().findSessionsWithoutRecord("u2", 10, BulkProgress.IGNORE).sessions())
                .extracting(SessionSummary::sessionId).containsExactly((String) null);
        assertThat(manager().listSessions(null, 10)).isEmpty();
        Page<BsonDocument> transcript = manager().findPage(StoreCollection.MEMORY_ITEMS,
                DocumentFilter.withoutSession("u1"), PageRequest.first(10));
        assertThat(transcript.items()).extracting(d -> d.getString("_id").getValue()).containsExactly("m2", "m1");
    }

    @Test
    default void aStoppedScanSaysItIsIncompleteAndKeepsWhatItFound() {
        // more items than one batch of either store's scan, so the stop comes before the end
        List<BsonDocument> many = new ArrayList<>();
        for (int i = 0; i < 6_000; i++) {
            many.add(memoryDoc("m" + i, "u1", "orphan" + (i % 3), T0.plusSeconds(i), "conversation", "m" + i));
        }
        manager().insertAll(StoreCollection.MEMORY_ITEMS, many);

        RecordlessSessions stopped = manager().findSessionsWithoutRecord(null, 10, (done, total) -> false);

        assertThat(stopped.complete()).isFalse();
        assertThat(stopped.itemsExamined()).isPositive().isLessThan(6_000);
        assertThat(stopped.sessions()).isNotEmpty().allMatch(SessionSummary::isOrphanItems);
    }

    @Test
    default void distinctTypesListWhatTheCollectionHoldsWithinTheLimit() {
        manager().addMemoryItem(item("u", "s", "conversation", "a", T0));
        manager().addMemoryItem(item("u", "s", "conversation", "b", T0.plusSeconds(1)));
        manager().addMemoryItem(item("u", "s", "x-foreign.kind", "c", T0.plusSeconds(2)));
        manager().addMemoryItem(item("v", null, "alpha", "d", T0.plusSeconds(3)));
        insertForeign(StoreCollection.MEMORY_ITEMS, memoryDoc("odd", "u", "s", T0, "ignored", "e")
                .append("item_type", new BsonInt32(7)));
        manager().addRawAgentData(AgentData.of("agent", "plan", new BsonString("p")));

        assertThat(manager().distinctTypes(StoreCollection.MEMORY_ITEMS, 100))
                .containsExactly("alpha", "conversation", "x-foreign.kind");
        assertThat(manager().distinctTypes(StoreCollection.MEMORY_ITEMS, 2)).containsExactly("alpha", "conversation");
        assertThat(manager().distinctTypes(StoreCollection.AGENT_DATA, 100)).containsExactly("plan");
        assertThatThrownBy(() -> manager().distinctTypes(StoreCollection.USER_SESSIONS, 10))
                .isInstanceOf(StorageValidationException.class);
        assertThatThrownBy(() -> manager().distinctTypes(StoreCollection.MEMORY_ITEMS, 0))
                .isInstanceOf(StorageValidationException.class);
    }

    @Test
    default void distinctTypesReadOnlyTheNewestDocuments() {
        insertForeign(StoreCollection.MEMORY_ITEMS, memoryDoc("old", "u", "s", T0.minusSeconds(86_400), "ancient",
                "older than the window"));
        List<BsonDocument> newer = new ArrayList<>();
        for (int i = 0; i < StoreQueries.DISTINCT_TYPES_WINDOW; i++) {
            newer.add(memoryDoc("n" + i, "u", "s", T0.plusSeconds(i), "conversation", "n" + i));
        }
        manager().insertAll(StoreCollection.MEMORY_ITEMS, newer);

        assertThat(manager().distinctTypes(StoreCollection.MEMORY_ITEMS, 100)).containsExactly("conversation");
        manager().addMemoryItem(item("u", "s", "fact", "the newest", T0.plusSeconds(86_400)));
        assertThat(manager().distinctTypes(StoreCollection.MEMORY_ITEMS, 100)).containsExactly("conversation", "fact");
    }

    @Test
    default void sessionRecordsAreUniquePerUserAndSession() {
        manager().insert(StoreCollection.USER_SESSIONS, sessionDoc("u", "s", T0, T0));

        assertThatThrownBy(() -> manager().insert(StoreCollection.USER_SESSIONS, sessionDoc("u", "s", T0, T0)))
                .isInstanceOf(StorageOperationException.class);
        manager().insert(StoreCollection.USER_SESSIONS, sessionDoc("u", "s2", T0, T0));
        assertThat(manager().count(StoreCollection.USER_SESSIONS, DocumentFilter.none()).value()).isEqualTo(2);
    }

    // ---- BSON fidelity ----------------------------------------------------------------------------------------

    @Test
    default void everyBsonTypeSurvivesInsertFindAndReplace() {
        BsonDocument original = everyTypeDocument(new BsonObjectId(new ObjectId()));
        BsonValue id = manager().insert(StoreCollection.MEMORY_ITEMS, original);

        BsonDocument stored = manager().findById(StoreCollection.MEMORY_ITEMS, id).orElseThrow();
        assertThat(stored).isEqualTo(original);
        assertThat(new ArrayList<>(stored.keySet())).isEqualTo(new ArrayList<>(original.keySet()));

        BsonDocument edited = stored.clone();
        edited.getDocument("metadata").put("int64", new BsonInt64(-1));
        manager().replace(StoreCollection.MEMORY_ITEMS, stored, edited);
        assertThat(manager().findById(StoreCollection.MEMORY_ITEMS, id).orElseThrow()).isEqualTo(edited);
    }

    @Test
    default void modelRoundTripThroughTheStoreLosesNothing() {
        BsonDocument original = everyTypeDocument(new BsonString("typed-1"));
        manager().insert(StoreCollection.MEMORY_ITEMS, original);

        MemoryItem item = manager().getMemoryItem(new BsonString("typed-1")).orElseThrow();

        assertThat(item.embedding()).as("mixed Int32/Double embedding kept raw").isNull();
        assertThat(item.extraFields().containsKey("unknown_field")).isTrue();
        assertThat(MemoryItemMapper.toDocument(item)).isEqualTo(original);
    }
}
