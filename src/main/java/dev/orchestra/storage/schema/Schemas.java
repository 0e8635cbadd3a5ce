package dev.orchestra.storage.schema;

import static dev.orchestra.storage.schema.Fields.AGENT_ID;
import static dev.orchestra.storage.schema.Fields.CONTENT;
import static dev.orchestra.storage.schema.Fields.CREATED_AT;
import static dev.orchestra.storage.schema.Fields.DATA_TYPE;
import static dev.orchestra.storage.schema.Fields.EMBEDDING;
import static dev.orchestra.storage.schema.Fields.EXPIRATION;
import static dev.orchestra.storage.schema.Fields.ITEM_TYPE;
import static dev.orchestra.storage.schema.Fields.METADATA;
import static dev.orchestra.storage.schema.Fields.PERSONA_ACTIVE;
import static dev.orchestra.storage.schema.Fields.SESSION_ID;
import static dev.orchestra.storage.schema.Fields.TEXT_CONTENT;
import static dev.orchestra.storage.schema.Fields.TIMESTAMP;
import static dev.orchestra.storage.schema.Fields.UPDATED_AT;
import static dev.orchestra.storage.schema.Fields.USER_ID;
import static dev.orchestra.storage.schema.FieldType.DATE;
import static dev.orchestra.storage.schema.FieldType.DOCUMENT;
import static dev.orchestra.storage.schema.FieldType.STRING;

import dev.orchestra.storage.model.CollectionRef;
import dev.orchestra.storage.model.InspectorCollection;
import dev.orchestra.storage.model.StoreCollection;
import java.util.ArrayList;
import java.util.List;

/**
 * The one description of each collection's fields (the README's "Collections"), read by the validator, the
 * views' schema flags, the editor's form and New template, and the CLI's tables.
 */
public final class Schemas {
    /** Dates and metadata have one type in every collection, whoever wrote the document. */
    private static final List<FieldSpec> EVERYWHERE = List.of(FieldSpec.of(TIMESTAMP, DATE),
            FieldSpec.of(EXPIRATION, DATE), FieldSpec.of(CREATED_AT, DATE), FieldSpec.of(UPDATED_AT, DATE),
            FieldSpec.of(METADATA, DOCUMENT));
    /** A session's and a memory's strings, wherever they appear outside agent_data (which has its own shapes). */
    private static final List<FieldSpec> SESSION_STRINGS = List.of(FieldSpec.of(SESSION_ID, STRING),
            FieldSpec.of(PERSONA_ACTIVE, STRING), FieldSpec.of(TEXT_CONTENT, STRING));

    private static final CollectionSchema MEMORY_ITEMS = new CollectionSchema(StoreCollection.MEMORY_ITEMS, List.of(
            line(USER_ID, true).startsAs(NewValue.EMPTY_TEXT).inTable(),
            line(SESSION_ID, false).startsAs(NewValue.NULL).inTable(),
            line(ITEM_TYPE, true).startsAs(NewValue.text("conversation")).inTable(),
            line(PERSONA_ACTIVE, false).startsAs(NewValue.NULL),
            time(TIMESTAMP, true),
            FieldSpec.of(TEXT_CONTENT, STRING).shown(FormInput.LONG_TEXT, false).startsAs(NewValue.EMPTY_TEXT)
                    .inTable(),
            FieldSpec.of(EMBEDDING, FieldType.EMBEDDING),
            FieldSpec.of(METADATA, DOCUMENT).startsAs(NewValue.EMPTY_DOCUMENT),
            FieldSpec.of(EXPIRATION, DATE)), conventions(true), true);

    private static final CollectionSchema AGENT_DATA = new CollectionSchema(StoreCollection.AGENT_DATA, List.of(
            line(AGENT_ID, true).startsAs(NewValue.EMPTY_TEXT).inTable(),
            line(DATA_TYPE, true).startsAs(NewValue.EMPTY_TEXT).inTable(),
            time(TIMESTAMP, true),
            FieldSpec.of(CONTENT, FieldType.ANY).startsAs(NewValue.EMPTY_DOCUMENT).inTable(),
            FieldSpec.of(METADATA, DOCUMENT).startsAs(NewValue.EMPTY_DOCUMENT),
            FieldSpec.of(EXPIRATION, DATE)), conventions(false), true);

    private static final CollectionSchema USER_SESSIONS = new CollectionSchema(StoreCollection.USER_SESSIONS,
            List.of(line(USER_ID, true).startsAs(NewValue.EMPTY_TEXT).inTable(),
                    line(SESSION_ID, true).startsAs(NewValue.EMPTY_TEXT).inTable(),
                    line(PERSONA_ACTIVE, false).startsAs(NewValue.NULL).inTable(),
                    FieldSpec.of(CREATED_AT, DATE).startsAs(NewValue.NOW),
                    time(UPDATED_AT, false),
                    FieldSpec.of(METADATA, DOCUMENT).startsAs(NewValue.EMPTY_DOCUMENT)),
            conventions(true), true);

    private static final CollectionSchema INSPECTOR_TRASH = new CollectionSchema(InspectorCollection.TRASH,
            List.of(FieldSpec.of("source_collection", STRING).inTable(), FieldSpec.of("document", DOCUMENT)),
            conventions(true), false);

    private static final CollectionSchema INSPECTOR_AUDIT = new CollectionSchema(InspectorCollection.AUDIT,
            List.of(FieldSpec.of("action", STRING).inTable(), FieldSpec.of("collection", STRING).inTable()),
            conventions(true), false);

    private Schemas() {
    }

    public static CollectionSchema of(CollectionRef collection) {
        if (collection instanceof InspectorCollection own) {
            return switch (own) {
                case TRASH -> INSPECTOR_TRASH;
                case AUDIT -> INSPECTOR_AUDIT;
            };
        }
        return switch ((StoreCollection) collection) {
            case MEMORY_ITEMS -> MEMORY_ITEMS;
            case AGENT_DATA -> AGENT_DATA;
            case USER_SESSIONS -> USER_SESSIONS;
        };
    }

    private static FieldSpec line(String name, boolean requiredInForm) {
        return FieldSpec.of(name, STRING).shown(FormInput.LINE, requiredInForm);
    }

    /** A time field: in the form, and now in a new document. */
    private static FieldSpec time(String name, boolean requiredInForm) {
        return FieldSpec.of(name, DATE).shown(FormInput.TIME, requiredInForm).startsAs(NewValue.NOW);
    }

    private static List<FieldSpec> conventions(boolean withSessionStrings) {
        List<FieldSpec> all = new ArrayList<>(EVERYWHERE);
        if (withSessionStrings) {
            all.addAll(SESSION_STRINGS);
        }
        return all;
    }
}
