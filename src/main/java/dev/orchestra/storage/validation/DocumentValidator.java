package dev.orchestra.storage.validation;

import dev.orchestra.storage.StorageValidationException;
import dev.orchestra.storage.model.StoreCollection;
import java.util.Map;
import org.bson.BsonBinaryWriter;
import org.bson.BsonDocument;
import org.bson.BsonSerializationException;
import org.bson.BsonType;
import org.bson.BsonValue;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;

/**
 * Checks a whole document before it is written: required fields, the types of known fields, key names MongoDB
 * would misread, embeddings with NaN, and the 16 MiB document limit. Unknown fields are allowed (other services
 * add their own) but known fields must have their documented type.
 */
public final class DocumentValidator {
    /** MongoDB's maximum BSON document size. */
    public static final int MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

    private static final Map<String, BsonType> STRING_OR_NULL_FIELDS = Map.of(
            "session_id", BsonType.STRING,
            "persona_active", BsonType.STRING,
            "text_content", BsonType.STRING);

    private DocumentValidator() {
    }

    public static void validate(StoreCollection collection, BsonDocument document) {
        checkSize(checkFieldsAndEncode(collection, document));
    }

    /**
     * {@link #validate}, returning the document's BSON: the size check encodes it anyway, and an import keeps the
     * bytes so that it does not parse the JSON a second time.
     */
    public static byte[] validateAndEncode(StoreCollection collection, BsonDocument document) {
        BasicOutputBuffer encoded = checkFieldsAndEncode(collection, document);
        checkSize(encoded);
        return encoded.toByteArray();
    }

    private static BasicOutputBuffer checkFieldsAndEncode(StoreCollection collection, BsonDocument document) {
        if (document == null) {
            throw new StorageValidationException("No document given");
        }
        checkKeys(document);
        for (String field : collection.requiredFields()) {
            BsonValue value = document.get(field);
            if (value == null || value.isNull()) {
                throw new StorageValidationException("Missing required field '" + field + "' in "
                        + collection.collectionName());
            }
            if ("document".equals(field)) {
                // inspector_trash keeps the deleted original here: it is a document, not a string
                if (!value.isDocument()) {
                    throw new StorageValidationException("'document' must be a document, was " + describe(value));
                }
            } else if (!"content".equals(field)) {
                requireNonBlankString(document, field);
            }
        }
        checkTypes(collection, document);
        return encode(document);
    }

    /**
     * Only what MongoDB itself requires of a stored document, for restoring an export as it is: storable as BSON,
     * at most 16 MiB, top-level field names MongoDB accepts and a usable {@code _id} (not an array, a regular
     * expression or undefined). Orchestra's required fields and types are not checked.
     */
    public static byte[] validateAsIsAndEncode(BsonDocument document) {
        if (document == null) {
            throw new StorageValidationException("No document given");
        }
        checkKeys(document);
        BsonValue id = document.get("_id");
        if (id != null && (id.isArray() || id.isRegularExpression() || id.getBsonType() == BsonType.UNDEFINED)) {
            throw new StorageValidationException("'_id' cannot be " + describe(id));
        }
        BasicOutputBuffer encoded = encode(document);
        checkSize(encoded);
        return encoded.toByteArray();
    }

    private static BasicOutputBuffer encode(BsonDocument document) {
        var buffer = new BasicOutputBuffer();
        try (var writer = new BsonBinaryWriter(buffer)) {
            new BsonDocumentCodec().encode(writer, document, EncoderContext.builder().build());
        } catch (BsonSerializationException e) {
            // BSON cannot hold a NUL inside a field name or a regular expression: this document, not the run, fails
            throw new StorageValidationException("Not storable as BSON: " + e.getMessage());
        }
        return buffer;
    }

    private static void checkKeys(BsonDocument document) {
        for (String key : document.keySet()) {
            if (key.startsWith("$")) {
                throw new StorageValidationException("Top-level field names may not start with '$': '" + key + "'");
            }
            if (key.contains(".")) {
                throw new StorageValidationException("Top-level field names may not contain '.': '" + key + "'");
            }
            if (key.isEmpty()) {
                throw new StorageValidationException("Empty field name");
            }
        }
    }

    private static void checkTypes(StoreCollection collection, BsonDocument document) {
        optionalDate(document, "timestamp");
        optionalDate(document, "expiration");
        optionalDate(document, "created_at");
        optionalDate(document, "updated_at");
        if (collection != StoreCollection.AGENT_DATA) {
            STRING_OR_NULL_FIELDS.forEach((field, type) -> optionalType(document, field, type));
        }
        BsonValue metadata = document.get("metadata");
        if (metadata != null && !metadata.isNull() && !metadata.isDocument()) {
            throw new StorageValidationException("'metadata' must be a document, was " + describe(metadata));
        }
        if (collection == StoreCollection.MEMORY_ITEMS) {
            checkEmbedding(document.get("embedding"));
        }
    }

    private static void checkEmbedding(BsonValue embedding) {
        if (embedding == null || embedding.isNull()) {
            return;
        }
        if (!embedding.isArray()) {
            throw new StorageValidationException("'embedding' must be an array of numbers, was " + describe(embedding));
        }
        var values = embedding.asArray();
        for (int i = 0; i < values.size(); i++) {
            BsonValue v = values.get(i);
            if (!v.isNumber()) {
                throw new StorageValidationException("'embedding[" + i + "]' must be a number, was " + describe(v));
            }
            double d = v.asNumber().doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new StorageValidationException("'embedding[" + i + "]' is " + d + "; embeddings must be finite");
            }
        }
    }

    private static void checkSize(BasicOutputBuffer buffer) {
        if (buffer.getSize() > MAX_DOCUMENT_BYTES) {
            throw new StorageValidationException("The document is " + buffer.getSize() + " bytes; MongoDB's limit is "
                    + MAX_DOCUMENT_BYTES + " bytes (16 MiB)");
        }
    }

    private static void requireNonBlankString(BsonDocument document, String field) {
        BsonValue value = document.get(field);
        if (!value.isString()) {
            throw new StorageValidationException("'" + field + "' must be a string, was " + describe(value));
        }
        if (value.asString().getValue().isBlank()) {
            throw new StorageValidationException("'" + field + "' must not be blank");
        }
    }

    private static void optionalDate(BsonDocument document, String field) {
        optionalType(document, field, BsonType.DATE_TIME);
    }

    private static void optionalType(BsonDocument document, String field, BsonType type) {
        BsonValue value = document.get(field);
        if (value != null && !value.isNull() && value.getBsonType() != type) {
            throw new StorageValidationException("'" + field + "' must be " + typeName(type) + " or null, was "
                    + describe(value));
        }
    }

    static String describe(BsonValue value) {
        return typeName(value.getBsonType());
    }

    private static String typeName(BsonType type) {
        return switch (type) {
            case DATE_TIME -> "a date";
            case STRING -> "a string";
            case DOCUMENT -> "a document";
            case ARRAY -> "an array";
            case INT32 -> "an Int32";
            case INT64 -> "an Int64";
            case DOUBLE -> "a double";
            case DECIMAL128 -> "a Decimal128";
            case OBJECT_ID -> "an ObjectId";
            case BOOLEAN -> "a boolean";
            case BINARY -> "binary data";
            case NULL -> "null";
            default -> type.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
