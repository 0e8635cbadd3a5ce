package dev.orchestra.storage.validation;

import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.schema.Fields;
import dev.orchestra.storage.model.CollectionRef;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.schema.FieldSpec;
import dev.orchestra.storage.schema.FieldType;
import dev.orchestra.storage.schema.Schemas;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
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
 * add their own) but known fields must have their documented type ({@link Schemas}).
 */
public final class DocumentValidator {
    /** MongoDB's maximum BSON document size. */
    public static final int MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

    private DocumentValidator() {
    }

    public static void validate(CollectionRef collection, BsonDocument document) {
        checkSize(checkFieldsAndEncode(collection, document, field -> true));
    }

    /**
     * {@link #validate}, returning the document's BSON: the size check encodes it anyway, and an import keeps the
     * bytes so that it does not parse the JSON a second time.
     */
    public static byte[] validateAndEncode(CollectionRef collection, BsonDocument document) {
        BasicOutputBuffer encoded = checkFieldsAndEncode(collection, document, field -> true);
        checkSize(encoded);
        return encoded.toByteArray();
    }

    /**
     * The checks of a guarded replace, the same in every store: both documents given, the {@code _id} kept, and the
     * change valid ({@link #validateChange}). Returns the {@code _id}.
     */
    public static BsonValue validateReplacement(StoreCollection collection, BsonDocument expected,
                                                BsonDocument replacement) {
        Arguments.requireArgument(expected, "expected document");
        Arguments.requireArgument(replacement, "replacement document");
        BsonValue id = expected.get(Fields.ID);
        if (id == null || !id.equals(replacement.get(Fields.ID))) {
            throw new StorageValidationException("The replacement must keep the _id of the document it replaces");
        }
        validateChange(collection, expected, replacement);
        return id;
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
        for (FieldSpec field : checkedFields(collection)) {
            if (changed(before, after, field.name())) {
                continue;
            }
            try {
                checkField(collection, after, field);
            } catch (StorageValidationException e) {
                warnings.add(asStored(field.name(), after.get(field.name()), e.getMessage()));
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

    private static BasicOutputBuffer checkFieldsAndEncode(CollectionRef collection, BsonDocument document,
                                                        Predicate<String> concerned) {
        if (document == null) {
            throw new StorageValidationException("No document given");
        }
        checkKeys(document, concerned);
        for (FieldSpec field : checkedFields(collection)) {
            if (concerned.test(field.name())) {
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
        BsonValue id = document.get(Fields.ID);
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

    /** The required fields, then the other fields with a documented type, in the order they are checked. */
    private static List<FieldSpec> checkedFields(CollectionRef collection) {
        List<FieldSpec> fields = new ArrayList<>(Schemas.of(collection).checkedFields());
        fields.sort(Comparator.comparing(field -> !field.required()));
        return fields;
    }

    private static void checkField(CollectionRef collection, BsonDocument document, FieldSpec field) {
        String name = field.name();
        BsonValue value = document.get(name);
        if (field.required() && (value == null || value.isNull())) {
            throw new StorageValidationException("Missing required field '" + name + "' in "
                    + collection.collectionName());
        }
        if (value == null || value.isNull()) {
            return;
        }
        switch (field.type()) {
            case STRING -> {
                if (!value.isString()) {
                    throw new StorageValidationException("'" + name + "' must be a string"
                            + (field.required() ? "" : " or null") + ", was " + describe(value));
                }
                if (field.required() && value.asString().getValue().isBlank()) {
                    throw new StorageValidationException("'" + name + "' must not be blank");
                }
            }
            case DATE -> {
                if (!value.isDateTime()) {
                    throw new StorageValidationException("'" + name + "' must be a date or null, was "
                            + describe(value));
                }
            }
            case DOCUMENT -> {
                if (!value.isDocument()) {
                    throw new StorageValidationException("'" + name + "' must be a document, was " + describe(value));
                }
            }
            case EMBEDDING -> checkEmbedding(value);
            case ANY -> {
                // any value is accepted
            }
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

    static String describe(BsonValue value) {
        return FieldType.typeName(value);
    }
}
