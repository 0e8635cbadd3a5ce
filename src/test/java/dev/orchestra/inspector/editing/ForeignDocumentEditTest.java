package dev.orchestra.inspector.editing;

import dev.orchestra.inspector.common.ExtendedJson;
import dev.orchestra.inspector.common.JsonNotation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.storage.model.StoreCollection;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Editing a document another service wrote: what the edit does not touch keeps its stored shape, with a warning. */
class ForeignDocumentEditTest {
    private final EditingFixture f = new EditingFixture();
    private BsonDocument loaded;
    private DocumentEditorViewModel editor;

    @BeforeEach
    void openAForeignDocument() {
        BsonDocument foreign = new BsonDocument("_id", new BsonString("py-1"))
                .append("user_id", new BsonString("bob"))
                .append("timestamp", new BsonString("2024-05-01 10:00:00"))
                .append("item_type", new BsonString("conversation"))
                .append("text_content", new BsonString("hello"))
                .append("their_counter", new BsonInt64(3));
        f.raw.insertUnchecked(StoreCollection.MEMORY_ITEMS, foreign);
        loaded = stored();
        editor = DocumentEditorViewModel.edit(f.runner, f.storage, StoreCollection.MEMORY_ITEMS, loaded, f.clock,
                () -> { });
    }

    private BsonDocument stored() {
        return f.raw.findById(StoreCollection.MEMORY_ITEMS, new BsonString("py-1")).orElseThrow();
    }

    @Test
    void anUntouchedStringTimestampIsShownAsAWarningAndTheEditSaves() {
        assertThat(editor.content().warnings()).containsExactly("timestamp is stored as a string (left as it is)");
        assertThat(editor.content().field("timestamp").errorProperty().get()).isNull();

        editor.content().field("text_content").textProperty().set("edited");
        assertThat(editor.content().problems()).isEmpty();
        assertThat(editor.canSaveProperty().get()).isTrue();
        editor.save();

        assertThat(editor.errorProperty().get()).isNull();
        BsonDocument expected = loaded.clone();
        expected.put("text_content", new BsonString("edited"));
        assertThat(stored()).isEqualTo(expected);
        assertThat(stored().get("timestamp")).isEqualTo(new BsonString("2024-05-01 10:00:00"));
        assertThat(editor.content().warnings()).containsExactly("timestamp is stored as a string (left as it is)");
    }

    @Test
    void aChangedFieldOfTheWrongTypeIsRefusedAndNothingIsWritten() {
        BsonDocument edited = loaded.clone();
        edited.put("text_content", new BsonInt64(5));
        editor.content().jsonProperty().set(ExtendedJson.format(edited, JsonNotation.READABLE));

        assertThat(editor.content().problems()).anyMatch(p -> p.contains("'text_content' must be a string"));
        assertThat(editor.canSaveProperty().get()).isFalse();
        editor.save();
        assertThat(stored()).isEqualTo(loaded);
    }

    @Test
    void theTimestampChangedToAnotherStringIsRefused() {
        BsonDocument edited = loaded.clone();
        edited.put("timestamp", new BsonString("2024-05-02"));
        editor.content().jsonProperty().set(ExtendedJson.format(edited, JsonNotation.READABLE));

        assertThat(editor.content().field("timestamp").errorProperty().get()).contains("Stored as string");
        assertThat(editor.content().problems()).anyMatch(p -> p.contains("'timestamp' must be a date"));
        assertThat(editor.canSaveProperty().get()).isFalse();
        assertThat(editor.content().warnings()).isEmpty();
    }

    @Test
    void convertingTheTimestampToADateClearsTheWarningAndSaves() {
        editor.content().field("timestamp").textProperty().set("2024-05-01T10:00:00Z");

        assertThat(editor.content().warnings()).isEmpty();
        assertThat(editor.canSaveProperty().get()).isTrue();
        editor.save();
        assertThat(stored().get("timestamp").isDateTime()).isTrue();
    }

    @Test
    void aRequiredFieldRemovedByTheEditIsRefused() {
        editor.content().field("user_id").textProperty().set("");

        assertThat(editor.content().field("user_id").errorProperty().get()).contains("required");
        assertThat(editor.canSaveProperty().get()).isFalse();
    }
}
