package dev.orchestra.storage.schema;

import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.model.StoreCollection;

/** Field names as Orchestra's services write them (snake_case, shared with the Python side). */
public final class Fields {
    public static final String ID = "_id";
    public static final String USER_ID = "user_id";
    public static final String SESSION_ID = "session_id";
    public static final String TIMESTAMP = "timestamp";
    public static final String ITEM_TYPE = "item_type";
    public static final String PERSONA_ACTIVE = "persona_active";
    public static final String TEXT_CONTENT = "text_content";
    public static final String EMBEDDING = "embedding";
    /** Added to list rows in place of {@link #EMBEDDING}; never stored. */
    public static final String EMBEDDING_DIM = "embedding_dim";
    public static final String METADATA = "metadata";
    public static final String EXPIRATION = "expiration";
    public static final String AGENT_ID = "agent_id";
    public static final String DATA_TYPE = "data_type";
    public static final String CONTENT = "content";
    public static final String CREATED_AT = "created_at";
    public static final String UPDATED_AT = "updated_at";

    private Fields() {
    }

    /** The field that names a document's kind: {@code item_type} of memory items, {@code data_type} of agent data. */
    public static String typeField(StoreCollection collection) {
        return switch (collection) {
            case MEMORY_ITEMS -> ITEM_TYPE;
            case AGENT_DATA -> DATA_TYPE;
            default -> throw new StorageValidationException(collection.collectionName() + " has no type field");
        };
    }
}
