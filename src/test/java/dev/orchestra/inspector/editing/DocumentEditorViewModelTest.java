package dev.orchestra.inspector.editing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.inspector.common.JsonNotation;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.safety.WriteLock;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DocumentEditorViewModelTest {
    private final EditingFixture f = new EditingFixture();
    private final AtomicInteger saves = new AtomicInteger();

    private DocumentEditorViewModel editorFor(BsonDocument loaded) {
        return DocumentEditorViewModel.edit(f.runner, f.storage, StoreCollection.MEMORY_ITEMS, loaded, f.clock,
                saves::incrementAndGet);
    }

    private BsonDocument stored(String id) {
        return f.raw.findById(StoreCollection.MEMORY_ITEMS, new BsonString(id)).orElseThrow();
    }

    @Test
    void editingAFormFieldAndSavingChangesOnlyThatField() {
        BsonDocument loaded = f.storeRichItem("a");
        var editor = editorFor(loaded);
        assertThat(editor.content().field("user_id").textProperty().get()).isEqualTo("alice");
        assertThat(editor.content().jsonProperty().get()).contains("NumberLong(\"5000000000\")")
                .contains("NumberDecimal(\"12.50\")").contains("ObjectId(\"65a1b2c3d4e5f60718293a4b\")");

        editor.content().field("text_content").textProperty().set("edited");
        assertThat(editor.content().jsonProperty().get()).contains("\"edited\"");
        assertThat(editor.canSaveProperty().get()).isTrue();
        editor.save();

        assertThat(editor.errorProperty().get()).isNull();
        assertThat(editor.statusProperty().get()).startsWith("Saved");
        assertThat(saves).hasValue(1);
        BsonDocument expected = loaded.clone();
        expected.put("text_content", new BsonString("edited"));
        assertThat(stored("a")).isEqualTo(expected);
        assertThat(editor.content().dirtyProperty().get()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(JsonNotation.class)
    void savingTheTextUntouchedStoresEveryBsonTypeByteIdentical(JsonNotation notation) {
        BsonDocument original = EveryBsonValue.memoryItem("every");
        f.raw.insert(StoreCollection.MEMORY_ITEMS, original);
        var editor = editorFor(stored("every"));
        assertThat(editor.switchNotation(notation)).isTrue();
        // A change the store must see, made in the text the way a user would, so the save is not a no-op.
        editor.content().jsonProperty().set(editor.content().jsonProperty().get().replace("\"unknown fields survive\"", "\"edited\""));
        assertThat(editor.canSaveProperty().get()).as(String.join("; ", editor.content().problems())).isTrue();

        editor.save();

        assertThat(editor.errorProperty().get()).isNull();
        BsonDocument expected = original.clone();
        expected.put("written_by_python", new BsonString("edited"));
        assertThat(EveryBsonValue.bytes(stored("every"))).isEqualTo(EveryBsonValue.bytes(expected));
    }

    @Test
    void readableIsTheDefaultAndCanonicalIsOneSwitchAwayWithoutLosingTypedText() {
        var editor = editorFor(f.storeRichItem("a"));
        assertThat(editor.content().notationProperty().get()).isEqualTo(JsonNotation.READABLE);
        assertThat(editor.content().jsonProperty().get()).contains("\"timestamp\": ISODate(\"2023-11-14T22:13:20.000Z\")")
                .doesNotContain("$numberLong");
        editor.content().field("text_content").textProperty().set("typed");

        assertThat(editor.switchNotation(JsonNotation.CANONICAL)).isTrue();

        assertThat(editor.content().jsonProperty().get()).contains("\"$numberLong\": \"5000000000\"").contains("\"typed\"");
        assertThat(editor.content().dirtyProperty().get()).isTrue();
        assertThat(editor.switchNotation(JsonNotation.READABLE)).isTrue();
        editor.content().field("text_content").textProperty().set("hello");
        assertThat(editor.content().dirtyProperty().get()).as("back to the loaded document in the other notation").isFalse();
    }

    @Test
    void switchingNotationIsRefusedWhileTheTextDoesNotParse() {
        var editor = editorFor(f.storeRichItem("a"));
        String broken = editor.content().jsonProperty().get().replace("\"hello\"", "hello");
        editor.content().jsonProperty().set(broken);

        assertThat(editor.switchNotation(JsonNotation.CANONICAL)).isFalse();

        assertThat(editor.content().notationProperty().get()).isEqualTo(JsonNotation.READABLE);
        assertThat(editor.content().jsonProperty().get()).isEqualTo(broken);
        assertThat(editor.errorProperty().get()).contains("Fix the JSON");
    }

    @Test
    void syntaxErrorIsShownAtItsLineAndNothingIsSaved() {
        var editor = editorFor(f.storeRichItem("a"));
        String broken = editor.content().jsonProperty().get().replace("\"hello\"", "hello");
        editor.content().jsonProperty().set(broken);
        int line = broken.substring(0, broken.indexOf("hello")).split("\n", -1).length;

        assertThat(editor.content().jsonErrorLineProperty().get()).isEqualTo(line);
        assertThat(editor.content().jsonErrorProperty().get()).startsWith("Line " + line + ":");
        assertThat(editor.canSaveProperty().get()).isFalse();
        editor.save();
        assertThat(editor.errorProperty().get()).contains("Not saved");
        assertThat(editor.content().jsonProperty().get()).isEqualTo(broken);
        assertThat(stored("a").getString("text_content").getValue()).isEqualTo("hello");
    }

    @Test
    void badValuesAreFlaggedAsYouType() {
        var editor = editorFor(f.storeRichItem("a"));
        editor.content().field("user_id").textProperty().set("");
        assertThat(editor.content().field("user_id").errorProperty().get()).contains("required");
        assertThat(editor.canSaveProperty().get()).isFalse();

        editor.content().field("user_id").textProperty().set("bob");
        editor.content().field("timestamp").textProperty().set("yesterday");
        assertThat(editor.content().field("timestamp").errorProperty().get()).contains("ISO-8601");
        assertThat(editor.canSaveProperty().get()).isFalse();

        editor.content().field("timestamp").textProperty().set("2024-01-02T03:04:05Z");
        assertThat(editor.content().jsonProperty().get()).contains("\"timestamp\": ISODate(\"2024-01-02T03:04:05.000Z\")");
        assertThat(editor.canSaveProperty().get()).isTrue();

        editor.content().jsonProperty().set(editor.content().jsonProperty().get().replace("\"_id\": \"a\"", "\"_id\": \"other\""));
        assertThat(editor.content().problems()).anyMatch(p -> p.contains("_id cannot change"));
        editor.content().jsonProperty().set(editor.content().jsonProperty().get().replaceAll("\"timestamp\": ISODate\\(\"[^\"]*\"\\)",
                "\"timestamp\": \"2024-01-02\""));
        assertThat(editor.content().field("timestamp").errorProperty().get()).contains("Stored as string");
        assertThat(editor.canSaveProperty().get()).isFalse();
    }

    @Test
    void conflictKeepsTheTextAndOverwriteWinsDeliberately() {
        BsonDocument loaded = f.storeRichItem("a");
        var editor = editorFor(loaded);
        editor.content().field("text_content").textProperty().set("mine");
        BsonDocument theirs = loaded.clone();
        theirs.put("text_content", new BsonString("theirs"));
        f.ops().update(StoreCollection.MEMORY_ITEMS, loaded, theirs);

        String typed = editor.content().jsonProperty().get();
        editor.save();
        assertThat(editor.conflictProperty().get()).isNotNull();
        assertThat(editor.conflictProperty().get().theirs().getString("text_content").getValue()).isEqualTo("theirs");
        assertThat(SideBySideDiff.differs(editor.conflictProperty().get().diff())).isTrue();
        assertThat(editor.errorProperty().get()).contains("changed");
        assertThat(editor.content().jsonProperty().get()).isEqualTo(typed);
        assertThat(stored("a").getString("text_content").getValue()).isEqualTo("theirs");

        editor.overwrite();
        assertThat(editor.conflictProperty().get()).isNull();
        assertThat(stored("a").getString("text_content").getValue()).isEqualTo("mine");
    }

    @Test
    void conflictReloadTakesTheirs() {
        BsonDocument loaded = f.storeRichItem("a");
        var editor = editorFor(loaded);
        editor.content().field("text_content").textProperty().set("mine");
        BsonDocument theirs = loaded.clone();
        theirs.put("text_content", new BsonString("theirs"));
        f.ops().update(StoreCollection.MEMORY_ITEMS, loaded, theirs);
        editor.save();

        editor.reloadTheirs();
        assertThat(editor.content().field("text_content").textProperty().get()).isEqualTo("theirs");
        assertThat(editor.content().dirtyProperty().get()).isFalse();
        editor.content().field("text_content").textProperty().set("again");
        editor.save();
        assertThat(editor.errorProperty().get()).isNull();
        assertThat(stored("a").getString("text_content").getValue()).isEqualTo("again");
    }

    @Test
    void readOnlyRefusesTheSaveWithAClearMessageAndKeepsTheText() {
        var locked = new EditingFixture(WriteLock.locked("APP_ENV=production"));
        locked.lock.unlock();
        BsonDocument loaded = locked.storeRichItem("a");
        locked.lock.lock();
        var editor = DocumentEditorViewModel.edit(locked.runner, locked.storage, StoreCollection.MEMORY_ITEMS, loaded,
                locked.clock, () -> { });
        editor.content().field("text_content").textProperty().set("mine");
        String typed = editor.content().jsonProperty().get();
        editor.save();
        assertThat(editor.errorProperty().get()).contains("read-only");
        assertThat(editor.content().jsonProperty().get()).isEqualTo(typed);
        assertThat(locked.raw.findById(StoreCollection.MEMORY_ITEMS, new BsonString("a")).orElseThrow()
                .getString("text_content").getValue()).isEqualTo("hello");
    }

    @Test
    void insertFillsDefaultsAndDuplicateGetsANewId() {
        var editor = DocumentEditorViewModel.insert(f.runner, f.storage, StoreCollection.MEMORY_ITEMS, f.clock,
                saves::incrementAndGet);
        assertThat(editor.content().jsonProperty().get()).contains("\"_id\"").contains("\"timestamp\"");
        assertThat(editor.canSaveProperty().get()).isFalse(); // user_id is required
        editor.content().field("user_id").textProperty().set("carol");
        editor.content().field("text_content").textProperty().set("new one");
        editor.save();
        assertThat(editor.modeProperty().get()).isEqualTo(DocumentEditorViewModel.Mode.EDIT);
        BsonDocument inserted = editor.expected();
        assertThat(f.raw.findById(StoreCollection.MEMORY_ITEMS, inserted.get("_id"))).isPresent();

        var copy = DocumentEditorViewModel.duplicate(f.runner, f.storage, StoreCollection.MEMORY_ITEMS,
                f.ops().duplicateDraft(StoreCollection.MEMORY_ITEMS, inserted.get("_id")), f.clock, () -> { });
        copy.save();
        assertThat(copy.expected().get("_id")).isNotEqualTo(inserted.get("_id"));
        assertThat(copy.expected().getString("text_content").getValue()).isEqualTo("new one");
        assertThat(saves).hasValue(1);
    }
}
