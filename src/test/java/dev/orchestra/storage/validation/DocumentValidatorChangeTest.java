package dev.orchestra.storage.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.model.StoreCollection;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

/** Validating an edit checks what the edit changed; untouched stored values keep their shape, with a warning. */
class DocumentValidatorChangeTest {
    private static final StoreCollection ITEMS = StoreCollection.MEMORY_ITEMS;

    private static BsonDocument foreign() {
        return new BsonDocument("_id", new BsonString("py-1"))
                .append("user_id", new BsonString("bob"))
                .append("timestamp", new BsonString("2024-05-01 10:00:00"))
                .append("text_content", new BsonString("hello"))
                .append("embedding", new BsonArray(List.of(new BsonDouble(Double.NaN))));
    }

    @Test
    void anEditThatLeavesTheForeignValuesAloneIsAccepted() {
        BsonDocument edited = foreign().append("text_content", new BsonString("hello, edited"));

        assertThatCode(() -> DocumentValidator.validateChange(ITEMS, foreign(), edited)).doesNotThrowAnyException();
        assertThatThrownBy(() -> DocumentValidator.validate(ITEMS, edited))
                .isInstanceOf(StorageValidationException.class);
    }

    @Test
    void aChangedFieldOfTheWrongTypeIsRefused() {
        BsonDocument edited = foreign().append("persona_active", new BsonInt64(3));

        assertThatThrownBy(() -> DocumentValidator.validateChange(ITEMS, foreign(), edited))
                .isInstanceOf(StorageValidationException.class).hasMessageContaining("'persona_active' must be a string");
    }

    @Test
    void aTimestampChangedToAnotherWrongValueIsRefused() {
        BsonDocument edited = foreign().append("timestamp", new BsonString("2024-05-02"));

        assertThatThrownBy(() -> DocumentValidator.validateChange(ITEMS, foreign(), edited))
                .hasMessageContaining("'timestamp' must be a date");
    }

    @Test
    void aRequiredFieldRemovedByTheEditIsRefused() {
        BsonDocument edited = foreign();
        edited.remove("user_id");

        assertThatThrownBy(() -> DocumentValidator.validateChange(ITEMS, foreign(), edited))
                .hasMessageContaining("Missing required field 'user_id'");
    }

    @Test
    void aRequiredFieldMissingAlreadyInTheStoredDocumentStaysMissing() {
        // item_type is missing in foreign() and the edit does not add it
        BsonDocument edited = foreign().append("text_content", new BsonString("x"));

        assertThatCode(() -> DocumentValidator.validateChange(ITEMS, foreign(), edited)).doesNotThrowAnyException();
    }

    @Test
    void theWarningsNameEachUntouchedNonConformingField() {
        BsonDocument edited = foreign().append("timestamp", new BsonDateTime(0));

        assertThat(DocumentValidator.keptAsStored(ITEMS, foreign(), foreign())).containsExactly(
                "item_type is missing (left as it is)",
                "timestamp is stored as a string (left as it is)",
                "'embedding[0]' is NaN; embeddings must be finite (left as it is)");
        assertThat(DocumentValidator.keptAsStored(ITEMS, foreign(), edited))
                .noneMatch(w -> w.startsWith("timestamp"));
    }
}
