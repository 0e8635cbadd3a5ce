package dev.orchestra.storage.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.storage.error.StorageConflictException;
import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.inmemory.InMemoryMemoryManager;
import dev.orchestra.storage.model.CollectionRef;
import dev.orchestra.storage.model.InspectorCollection;
import dev.orchestra.storage.model.StoreCollection;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.bson.BsonBinary;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SafeEditTest {
    private final SteppingClock clock = new SteppingClock();
    private final InMemoryMemoryManager store = new InMemoryMemoryManager(clock);
    private final SafeOperations operations = new SafeOperations(store, WriteLock.unlocked(),
            new Actor("dave", Actor.GUI), clock);
    private BsonDocument loaded;

    @BeforeEach
    void seed() {
        store.insert(StoreCollection.MEMORY_ITEMS, Documents.everyType());
        loaded = store.findById(StoreCollection.MEMORY_ITEMS, Documents.everyType().get("_id")).orElseThrow();
    }

    @Test
    void anEditChangesOnlyTheEditedFieldAndKeepsUnknownFieldsAndTypes() {
        BsonDocument edited = loaded.clone();
        edited.put("text_content", new BsonString("repaired"));

        BsonDocument saved = operations.update(StoreCollection.MEMORY_ITEMS, loaded, edited);

        BsonDocument stored = store.findById(StoreCollection.MEMORY_ITEMS, loaded.get("_id")).orElseThrow();
        assertThat(BsonBytes.identical(stored, edited)).isTrue();
        assertThat(saved).isEqualTo(stored);
        BsonDocument withoutEdit = stored.clone();
        withoutEdit.put("text_content", loaded.get("text_content"));
        assertThat(BsonBytes.identical(withoutEdit, loaded)).isTrue();
    }

    @Test
    void aConcurrentChangeIsRefusedWithTheCurrentDocumentAndOverwriteIsDeliberate() {
        BsonDocument theirs = loaded.clone().append("text_content", new BsonString("theirs"));
        store.replace(StoreCollection.MEMORY_ITEMS, loaded, theirs);
        BsonDocument mine = loaded.clone().append("text_content", new BsonString("mine"));

        StorageConflictException conflict = Assertions.assertThrows(StorageConflictException.class,
                () -> operations.update(StoreCollection.MEMORY_ITEMS, loaded, mine));

        assertThat(conflict.current()).contains(theirs);
        assertThat(stored().getString("text_content").getValue()).isEqualTo("theirs");
        operations.update(StoreCollection.MEMORY_ITEMS, conflict.current().orElseThrow(), mine);
        assertThat(stored().getString("text_content").getValue()).isEqualTo("mine");
    }

    @Test
    void aDeletedDocumentIsAConflictWithoutCurrent() {
        store.delete(StoreCollection.MEMORY_ITEMS, loaded.get("_id"));
        assertThatThrownBy(() -> operations.update(StoreCollection.MEMORY_ITEMS, loaded, loaded.clone()))
                .isInstanceOfSatisfying(StorageConflictException.class, e -> assertThat(e.current()).isEmpty());
    }

    static Stream<Arguments> badEdits() {
        return Stream.of(
                Arguments.of("changed _id", "_id", (UnaryOperator<BsonDocument>) d -> d.append("_id", new BsonString("x"))),
                Arguments.of("removed _id", "_id", (UnaryOperator<BsonDocument>) d -> {
                    d.remove("_id");
                    return d;
                }),
                Arguments.of("missing required", "user_id", (UnaryOperator<BsonDocument>) d -> {
                    d.remove("user_id");
                    return d;
                }),
                Arguments.of("timestamp not a date", "timestamp",
                        (UnaryOperator<BsonDocument>) d -> d.append("timestamp", new BsonString("2025-01-01"))),
                Arguments.of("$ key", "$set", (UnaryOperator<BsonDocument>) d -> d.append("$set", new BsonInt32(1))),
                Arguments.of("dotted key", "a.b", (UnaryOperator<BsonDocument>) d -> d.append("a.b", new BsonInt32(1))),
                Arguments.of("session_id not a string", "session_id",
                        (UnaryOperator<BsonDocument>) d -> d.append("session_id", new BsonInt32(7))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badEdits")
    void badEditsAreRefusedWithTheReasonAndNothingIsWritten(String name, String mentioned,
                                                             UnaryOperator<BsonDocument> edit) {
        BsonDocument bad = edit.apply(loaded.clone());
        assertThatThrownBy(() -> operations.update(StoreCollection.MEMORY_ITEMS, loaded, bad))
                .isInstanceOf(StorageValidationException.class).hasMessageContaining(mentioned);
        assertThat(BsonBytes.identical(stored(), loaded)).isTrue();
    }

    @Test
    void insertFillsIdAndTimeWhenAbsent() {
        BsonDocument draft = new BsonDocument("user_id", new BsonString("u1"))
                .append("item_type", new BsonString("note"));

        BsonValue id = operations.insert(StoreCollection.MEMORY_ITEMS, draft);

        BsonDocument stored = store.findById(StoreCollection.MEMORY_ITEMS, id).orElseThrow();
        assertThat(id.isString()).isTrue();
        assertThat(stored.getFirstKey()).isEqualTo("_id");
        assertThat(stored.get("timestamp")).isInstanceOf(BsonDateTime.class);
        assertThat(draft.containsKey("_id")).isFalse(); // the caller's draft is not modified
    }

    @Test
    void aTooLargeDocumentIsRefused() {
        BsonDocument huge = new BsonDocument("user_id", new BsonString("u1"))
                .append("item_type", new BsonString("note"))
                .append("blob", new BsonBinary(new byte[17 * 1024 * 1024]));
        assertThatThrownBy(() -> operations.insert(StoreCollection.MEMORY_ITEMS, huge))
                .isInstanceOf(StorageValidationException.class).hasMessageContaining("16 MiB");
    }

    @Test
    void duplicateGetsANewIdAndNowButKeepsEverythingElse() {
        BsonValue copyId = operations.duplicate(StoreCollection.MEMORY_ITEMS, loaded.get("_id"));

        BsonDocument copy = store.findById(StoreCollection.MEMORY_ITEMS, copyId).orElseThrow();
        assertThat(copyId).isNotEqualTo(loaded.get("_id"));
        assertThat(copy.get("timestamp")).isNotEqualTo(loaded.get("timestamp"));
        BsonDocument comparable = copy.clone();
        comparable.remove("_id");
        comparable.remove("timestamp");
        BsonDocument original = loaded.clone();
        original.remove("_id");
        original.remove("timestamp");
        assertThat(comparable).isEqualTo(original);
    }

    /**
     * The trash and the audit log change only through their own rules: every write of the safe path takes one of
     * Orchestra's collections, so the inspector's own cannot even be passed to it.
     */
    @Test
    void theInspectorsOwnCollectionsCannotBeEditedOrDeletedFrom() {
        List<Method> writes = Arrays.stream(SafeOperations.class.getMethods())
                .filter(m -> Arrays.stream(m.getParameterTypes()).anyMatch(CollectionRef.class::isAssignableFrom))
                .toList();

        assertThat(writes).extracting(Method::getName)
                .contains("insert", "update", "delete", "deleteMany", "deleteMatching", "importBatch");
        assertThat(writes).flatExtracting(m -> Arrays.stream(m.getParameterTypes())
                        .filter(CollectionRef.class::isAssignableFrom).toList())
                .containsOnly(StoreCollection.class)
                .doesNotContain(CollectionRef.class, InspectorCollection.class);
    }

    private BsonDocument stored() {
        return store.findById(StoreCollection.MEMORY_ITEMS, loaded.get("_id")).orElseThrow();
    }
}
