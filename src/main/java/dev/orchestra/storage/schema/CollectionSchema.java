package dev.orchestra.storage.schema;

import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.model.CollectionRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * A collection's documented fields, in the order the editor's form and a new document show them. The collection
 * itself names its time field and required fields; the fields here say their type and how they are edited.
 *
 * @param fields       the documented fields; any other field is "extra" in the views (and kept everywhere)
 * @param conventional fields other services write with a fixed type wherever they appear: not documented for
 *                     this collection, but checked when an edit changes them
 * @param editable     the inspector offers New and Edit for it (Orchestra's collections, not its own)
 */
public record CollectionSchema(CollectionRef collection, List<FieldSpec> fields, List<FieldSpec> conventional,
                               boolean editable) {

    public CollectionSchema {
        List<FieldSpec> marked = new ArrayList<>();
        for (FieldSpec field : fields) {
            marked.add(field.required(collection.requiredFields().contains(field.name())));
        }
        for (String required : collection.requiredFields()) {
            if (marked.stream().noneMatch(f -> f.name().equals(required))) {
                throw new IllegalArgumentException(required + " is required but not described");
            }
        }
        fields = List.copyOf(marked);
        conventional = conventional.stream().filter(c -> marked.stream().noneMatch(f -> f.name().equals(c.name())))
                .toList();
    }

    public String timeField() {
        return collection.timeField();
    }

    public Optional<FieldSpec> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The documented fields, then the conventional ones: every field the validator checks. */
    public List<FieldSpec> checkedFields() {
        List<FieldSpec> all = new ArrayList<>(fields);
        all.addAll(conventional);
        return all;
    }

    /** The fields the editor's form shows, in order. */
    public List<FieldSpec> formFields() {
        return fields.stream().filter(f -> f.form() != FormInput.NONE).toList();
    }

    /** The CLI table's columns: {@code _id}, the time field, then the listed fields. */
    public List<String> tableColumns() {
        List<String> columns = new ArrayList<>(List.of(Fields.ID, timeField()));
        fields.stream().filter(FieldSpec::listed).map(FieldSpec::name).forEach(columns::add);
        return columns;
    }

    /** A new document: a fresh UUID {@code _id}, then each field's starting value (the time fields: now). */
    public BsonDocument newTemplate(Instant now) {
        if (!editable) {
            throw new StorageValidationException(collection.collectionName() + " cannot be edited");
        }
        BsonDocument document = new BsonDocument(Fields.ID, new BsonString(UUID.randomUUID().toString()));
        for (FieldSpec field : fields) {
            BsonValue value = field.newValue().at(now);
            if (value != null) {
                document.append(field.name(), value);
            }
        }
        return document;
    }
}
