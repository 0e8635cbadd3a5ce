package dev.orchestra.inspector.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.inspector.TestData;
import dev.orchestra.storage.model.StoreCollection;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

class SchemaCheckTest {
    @Test
    void aDocumentInTheDocumentedShapeHasNoIssues() {
        BsonDocument d = TestData.item("a", "u", "s", "conversation", "hi", TestData.T0, "user");
        d.put("embedding_dim", new BsonInt32(1536)); // added by list queries, not an extra field
        assertThat(SchemaCheck.issues(StoreCollection.MEMORY_ITEMS, d)).isEmpty();
    }

    @Test
    void namesEveryDeviation() {
        BsonDocument d = new BsonDocument("_id", new BsonObjectId())
                .append("user_id", new BsonInt32(7))
                .append("timestamp", new BsonString("yesterday"))
                .append("metadata", new BsonString("oops"))
                .append("source", new BsonString("python"));

        assertThat(SchemaCheck.issues(StoreCollection.MEMORY_ITEMS, d)).containsExactlyInAnyOrder(
                "_id is an ObjectId (written by another system)",
                "missing required field 'item_type'",
                "'user_id' is an Int32, not a string",
                "'timestamp' is a string, not a date",
                "'metadata' is a string, not a document",
                "extra field 'source'");
    }

    @Test
    void namesTypesAsTheValidatorDoes() {
        BsonDocument d = TestData.item("a", "u", "s", "conversation", "hi", TestData.T0, "user");
        d.put("item_type", new BsonDouble(2.5));
        d.put("embedding", new BsonString("0.1,0.2"));

        assertThat(SchemaCheck.issues(StoreCollection.MEMORY_ITEMS, d)).containsExactlyInAnyOrder(
                "'item_type' is a Double, not a string",
                "'embedding' is a string, not an array");
    }
}
