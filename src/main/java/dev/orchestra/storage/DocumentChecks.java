package dev.orchestra.storage;

import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.mapping.InsertDefaults;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.validation.DocumentValidator;
import java.time.Instant;
import java.util.UUID;
import org.bson.BsonDocument;
import org.bson.BsonString;

/** Which rules a written document must pass. */
public enum DocumentChecks {
    /** Orchestra's schema ({@link DocumentValidator#validate}): required fields, their types, the size. */
    SCHEMA,
    /**
     * Restoring an export as it is ({@link DocumentValidator#validateAsIsAndEncode}): only BSON validity, the size
     * and the {@code _id} rules, so that documents older code or other writers stored come back unchanged.
     */
    AS_IS;

    /**
     * What an upsert writes: a document with an {@code _id} exactly as it is; one without gets the insert defaults
     * ({@link #SCHEMA}) or only a new {@code _id} ({@link #AS_IS}, like the insert defaults' a UUID string).
     */
    public BsonDocument complete(StoreCollection collection, BsonDocument document, Instant now) {
        if (document.containsKey("_id")) {
            return document;
        }
        if (this == SCHEMA) {
            return InsertDefaults.apply(collection, document, now);
        }
        BsonDocument withId = new BsonDocument("_id", new BsonString(UUID.randomUUID().toString()));
        withId.putAll(document);
        return withId;
    }

    /** @throws StorageValidationException when the document breaks a rule */
    public void validate(StoreCollection collection, BsonDocument document) {
        validateAndEncode(collection, document);
    }

    /** {@link #validate}, returning the document's BSON. */
    public byte[] validateAndEncode(StoreCollection collection, BsonDocument document) {
        return this == SCHEMA ? DocumentValidator.validateAndEncode(collection, document)
                : DocumentValidator.validateAsIsAndEncode(document);
    }
}
