package dev.orchestra.storage.transfer;

import dev.orchestra.storage.schema.Fields;
import dev.orchestra.storage.model.CollectionRef;
import dev.orchestra.storage.model.StoreCollection;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The CSV columns of a collection: its documented fields in a fixed order, then {@code other_fields} holding every
 * remaining field as relaxed JSON, so that nothing is dropped even though a CSV header must be known up front.
 */
public final class CsvLayout {
    public static final String OTHER_FIELDS = "other_fields";

    private final List<String> knownFields;

    private CsvLayout(List<String> knownFields) {
        this.knownFields = List.copyOf(knownFields);
    }

    public static CsvLayout forCollection(CollectionRef collection) {
        if (!(collection instanceof StoreCollection orchestra)) {
            Set<String> fields = new LinkedHashSet<>();
            fields.add("_id");
            fields.add(collection.timeField());
            fields.addAll(collection.requiredFields());
            return new CsvLayout(new ArrayList<>(fields));
        }
        return new CsvLayout(switch (orchestra) {
            case MEMORY_ITEMS -> List.of(Fields.ID, Fields.USER_ID, Fields.SESSION_ID, Fields.TIMESTAMP,
                    Fields.ITEM_TYPE, Fields.PERSONA_ACTIVE, Fields.TEXT_CONTENT, Fields.EMBEDDING, Fields.METADATA,
                    Fields.EXPIRATION);
            case AGENT_DATA -> List.of(Fields.ID, Fields.AGENT_ID, Fields.TIMESTAMP, Fields.DATA_TYPE, Fields.CONTENT,
                    Fields.METADATA, Fields.EXPIRATION);
            case USER_SESSIONS -> List.of(Fields.ID, Fields.USER_ID, Fields.SESSION_ID, Fields.CREATED_AT,
                    Fields.UPDATED_AT, Fields.PERSONA_ACTIVE, Fields.METADATA);
        });
    }

    /** The documented fields, without {@link #OTHER_FIELDS}. */
    public List<String> knownFields() {
        return knownFields;
    }

    public List<String> header() {
        List<String> header = new ArrayList<>(knownFields);
        header.add(OTHER_FIELDS);
        return header;
    }
}
