package dev.orchestra.storage.model;

import java.util.List;

/**
 * The three collections Orchestra keeps, with the field that orders each one in time. The inspector's own trash and
 * audit log are {@link InspectorCollection}s.
 */
public enum StoreCollection implements CollectionRef {
    MEMORY_ITEMS("memory_items", "timestamp", List.of("user_id", "item_type")),
    AGENT_DATA("agent_data", "timestamp", List.of("agent_id", "data_type", "content")),
    USER_SESSIONS("user_sessions", "updated_at", List.of("user_id", "session_id"));

    private final CollectionSpec spec;

    StoreCollection(String collectionName, String timeField, List<String> requiredFields) {
        this.spec = new CollectionSpec(collectionName, timeField, requiredFields);
    }

    @Override
    public CollectionSpec spec() {
        return spec;
    }

    /** One of Orchestra's collections by its MongoDB name; the inspector's own and unknown names are refused. */
    public static StoreCollection fromName(String name) {
        return CollectionRef.fromName(name, List.of(values()));
    }
}
