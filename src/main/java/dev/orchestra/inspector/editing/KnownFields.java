package dev.orchestra.inspector.editing;

import dev.orchestra.inspector.editing.FormField.Kind;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.schema.FormInput;
import dev.orchestra.storage.schema.Schemas;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * The fields the form shows for each collection ({@link Schemas}), and the conversion between a field's text and
 * its BSON value. Everything else (metadata, embedding, unknown fields) is edited in the JSON and always kept.
 */
final class KnownFields {
    private KnownFields() {
    }

    static List<FormField> forCollection(StoreCollection collection) {
        return Schemas.of(collection).formFields().stream()
                .map(field -> new FormField(field.name(), kind(field.form()), field.requiredInForm()))
                .toList();
    }

    private static Kind kind(FormInput input) {
        return switch (input) {
            case LONG_TEXT -> Kind.LONG_TEXT;
            case TIME -> Kind.DATE;
            default -> Kind.TEXT;
        };
    }

    /** The text the form shows for a stored value; non-matching types show as they are (and get a complaint). */
    static String text(FormField field, BsonValue value) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (field.kind() == Kind.DATE && value.isDateTime()) {
            return Instant.ofEpochMilli(value.asDateTime().getValue()).toString();
        }
        if (value.isString()) {
            return value.asString().getValue();
        }
        return value.toString();
    }

    /** Why the stored value cannot be edited in the form (wrong type), or null. */
    static String typeProblem(FormField field, BsonValue value) {
        if (value == null || value.isNull()) {
            return null;
        }
        boolean fits = field.kind() == Kind.DATE ? value.isDateTime() : value.isString();
        return fits ? null : "Stored as " + value.getBsonType().name().toLowerCase(Locale.ROOT)
                + ", expected " + (field.kind() == Kind.DATE ? "a date" : "a string") + " — edit it in the JSON";
    }

    /** Checks the typed text; the error, or null when it can be stored. */
    static String check(FormField field, String text) {
        if (text == null || text.isBlank()) {
            return field.required() ? field.name() + " is required" : null;
        }
        if (field.kind() == Kind.DATE) {
            try {
                Instant.parse(text.strip());
            } catch (DateTimeParseException e) {
                return "Not a time: use ISO-8601 UTC, e.g. " + Instant.ofEpochSecond(1717243200);
            }
        }
        return null;
    }

    /** Writes the typed text into {@code document} with the field's BSON type (blank optional: null). */
    static void apply(FormField field, String text, BsonDocument document) {
        if (text == null || text.isBlank()) {
            if (document.containsKey(field.name())) {
                document.put(field.name(), BsonNull.VALUE);
            }
            return;
        }
        BsonValue value = field.kind() == Kind.DATE
                ? new BsonDateTime(Instant.parse(text.strip()).toEpochMilli())
                : new BsonString(text);
        document.put(field.name(), value);
    }
}
