package dev.orchestra.storage.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.model.InspectorCollection;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.validation.DocumentValidator;
import java.time.Instant;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonString;
import org.bson.BsonType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SchemasTest {
    private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");

    @ParameterizedTest
    @EnumSource(StoreCollection.class)
    void theRequiredFieldsAreTheCollectionsAndDescribed(StoreCollection collection) {
        CollectionSchema schema = Schemas.of(collection);

        assertThat(schema.fields().stream().filter(FieldSpec::required).map(FieldSpec::name))
                .containsExactlyInAnyOrderElementsOf(collection.requiredFields());
        assertThat(schema.timeField()).isEqualTo(collection.timeField());
        assertThat(schema.tableColumns()).startsWith("_id", collection.timeField());
    }

    @Test
    void theTemplateForNewHasAFreshIdTheTimeFieldNowAndTheFormsFields() {
        CollectionSchema items = Schemas.of(StoreCollection.MEMORY_ITEMS);
        BsonDocument first = items.newTemplate(NOW);

        assertThat(first.getString("_id").getValue()).isNotEqualTo(items.newTemplate(NOW).getString("_id").getValue());
        assertThat(first.get("timestamp")).isEqualTo(new BsonDateTime(NOW.toEpochMilli()));
        assertThat(first.getString("item_type").getValue()).isEqualTo("conversation");
        assertThat(first.keySet()).containsAll(items.formFields().stream().map(FieldSpec::name).toList());
        assertThat(Schemas.of(StoreCollection.USER_SESSIONS).newTemplate(NOW).get("created_at"))
                .isEqualTo(new BsonDateTime(NOW.toEpochMilli()));
        assertThatThrownBy(() -> Schemas.of(InspectorCollection.AUDIT).newTemplate(NOW))
                .isInstanceOf(StorageValidationException.class).hasMessageContaining("cannot be edited");
    }

    @Test
    void aFilledTemplatePassesTheValidator() {
        BsonDocument item = Schemas.of(StoreCollection.MEMORY_ITEMS).newTemplate(NOW)
                .append("user_id", new BsonString("u"));

        DocumentValidator.validate(StoreCollection.MEMORY_ITEMS, item);
    }

    @Test
    void theValidatorAndTheViewsNameTypesAlike() {
        BsonDocument item = new BsonDocument("_id", new BsonString("a")).append("user_id", new BsonString("u"))
                .append("item_type", new BsonString("note")).append("session_id", new BsonDouble(1.5));

        assertThat(FieldType.typeName(BsonType.DOUBLE)).isEqualTo("a Double");
        assertThatThrownBy(() -> DocumentValidator.validate(StoreCollection.MEMORY_ITEMS, item))
                .hasMessage("'session_id' must be a string or null, was a Double");
    }

    @Test
    void conventionalFieldsAreCheckedButNotDocumented() {
        CollectionSchema sessions = Schemas.of(StoreCollection.USER_SESSIONS);

        assertThat(sessions.field("timestamp")).isEmpty();
        assertThat(sessions.checkedFields()).extracting(FieldSpec::name).contains("timestamp", "text_content");
        assertThat(Schemas.of(StoreCollection.AGENT_DATA).checkedFields()).extracting(FieldSpec::name)
                .doesNotContain("session_id");
    }
}
