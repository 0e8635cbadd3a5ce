package dev.orchestra.storage.mapping;

import dev.orchestra.storage.schema.Fields;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonValue;

/** The shape of a list row: the document without its bulky {@code embedding}, with {@code embedding_dim} instead. */
public final class ListRows {
    private ListRows() {
    }

    public static BsonDocument withoutEmbedding(BsonDocument document) {
        BsonValue embedding = document.get(Fields.EMBEDDING);
        if (embedding == null) {
            return document;
        }
        BsonDocument row = document.clone();
        row.remove(Fields.EMBEDDING);
        if (embedding.isArray()) {
            row.put(Fields.EMBEDDING_DIM, new BsonInt32(embedding.asArray().size()));
        }
        return row;
    }
}
