package dev.orchestra.storage.validation;

import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.model.StoreCollection;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
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

    private static final List<String> DATE_FIELDS = List.of("timestamp", "expiration", "created_at", "updated_at");

    private DocumentValidator() {
    }

    public static void validate(StoreCollection collection, BsonDocument document) {
        checkSize(checkFieldsAndEncode(collection, document, field -> true));
    }

    /**
     * {@link #validate}, returning the document's BSON: the size check encodes it anyway, and an import keeps the
     * bytes so that it does not parse the JSON a second time.
     */
    public static byte[] validateAndEncode(StoreCollection collection, BsonDocument document) {
        BasicOutputBuffer encoded = checkFieldsAndEncode(collection, document, field -> true);
        checkSize(encoded);
        return encoded.toByteArray();
    }

    /**
     * Checks an edit of a stored document: only the fields whose values the edit changed (added, removed, given
     * another value or type) must conform, so a value another service stored in its own shape stays as it is
     * while untouched. Size and BSON encodability are checked for the whole document.
     */
    public static void validateChange(StoreCollection collection, BsonDocument before, BsonDocument after) {
        if (before == null) {
            validate(collection, after);
            return;
        }
        checkSize(checkFieldsAndEncode(collection, after, field -> changed(before, after, field)));
    }

    /**
     * The known fields of {@code after} that do not conform but which the edit left as they were stored, each as a
     * warning such as "timestamp is stored as a string (left as it is)".
     */
    public static List<String> keptAsStored(StoreCollection collection, BsonDocument before, BsonDocument after) {
        List<String> warnings = new ArrayList<>();
        if (before == null || after == null) {
            return warnings;
        }
        for (String field : checkedFields(collection)) {
            if (changed(before, after, field)) {
                continue;
            }
            try {
                checkField(collection, after, field);
            } catch (StorageValidationException e) {
                warnings.add(asStored(field, after.get(field), e.getMessage()));
            }
        }
        return warnings;
    }

    private static boolean changed(BsonDocument before, BsonDocument after, String field) {
        return !Objects.equals(before.get(field), after.get(field));
    }

    private static String asStored(String field, BsonValue value, String problem) {
        if (value == null) {
            return field + " is missing (left as it is)";
        }
        if (value.isNull()) {
            return field + " is null (left as it is)";
        }
        if (value.isString() && value.asString().getValue().isBlank()) {
            return field + " is blank (left as it is)";
        }
        if (value.isArray()) {
            return problem + " (left as it is)"; // the right type with contents that do not fit, e.g. an embedding
        }
        return field + " is stored as " + describe(value) + " (left as it is)";
    }

    private static BasicOutputBuffer checkFieldsAndEncode(StoreCollection collection, BsonDocument document,
                                                          Predicate<String> concerned) {
        if (document == null) {
            throw new StorageValidationException("No document given");
        }
        checkKeys(document, concerned);
        for (String field : checkedFields(collection)) {
            if (concerned.test(field)) {
                checkField(collection, document, field);
            }
        }
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
        checkKeys(document, field -> true);
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

    /** The required fields, then the known fields with a documented type, in the order they are checked. */
    private static Set<String> checkedFields(StoreCollection collection) {
        Set<String> fields = new LinkedHashSet<>(collection.requiredFields());
        fields.addAll(DATE_FIELDS);
        if (collection != StoreCollection.AGENT_DATA) {
            fields.addAll(STRING_OR_NULL_FIELDS.keySet());
        }
        fields.add("metadata");
        if (collection == StoreCollection.MEMORY_ITEMS) {
            fields.add("embedding");
        }
        return fields;
    }

    private static void checkField(StoreCollection collection, BsonDocument document, String field) {
        if (collection.requiredFields().contains(field)) {
            checkRequired(collection, document, field);
        }
        if (DATE_FIELDS.contains(field)) {
            optionalType(document, field, BsonType.DATE_TIME);
        } else if (STRING_OR_NULL_FIELDS.containsKey(field) && collection != StoreCollection.AGENT_DATA) {
            optionalType(document, field, STRING_OR_NULL_FIELDS.get(field));
        } else if ("metadata".equals(field)) {
            BsonValue metadata = document.get(field);
            if (metadata != null && !metadata.isNull() && !metadata.isDocument()) {
                throw new StorageValidationException("'metadata' must be a document, was " + describe(metadata));
            }
        } else if ("embedding".equals(field) && collection == StoreCollection.MEMORY_ITEMS) {
            checkEmbedding(document.get(field));
        }
    }

    private static void checkRequired(StoreCollection collection, BsonDocument document, String field) {
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

    private static void checkKeys(BsonDocument document, Predicate<String> concerned) {
        for (String key : document.keySet()) {
            if (!concerned.test(key)) {
                continue;
            }
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
