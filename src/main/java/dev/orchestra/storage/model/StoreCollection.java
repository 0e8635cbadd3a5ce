package dev.orchestra.storage.model;

import dev.orchestra.storage.error.StorageValidationException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The three collections Orchestra keeps, with the field that orders each one in time. */
public enum StoreCollection {
    MEMORY_ITEMS("memory_items", "timestamp", List.of("user_id", "item_type")),
    AGENT_DATA("agent_data", "timestamp", List.of("agent_id", "data_type", "content")),
    USER_SESSIONS("user_sessions", "updated_at", List.of("user_id", "session_id")),
    /** The inspector's own: copies of deleted documents, restorable for 30 days (TTL index on deleted_at). */
    INSPECTOR_TRASH("inspector_trash", "deleted_at", List.of("source_collection", "document")),
    /** The inspector's own: one entry per insert, update, delete and restore. */
    INSPECTOR_AUDIT("inspector_audit", "time", List.of("action", "collection"));

    private final String collectionName;
    private final String timeField;
    private final List<String> requiredFields;

    StoreCollection(String collectionName, String timeField, List<String> requiredFields) {
        this.collectionName = collectionName;
        this.timeField = timeField;
        this.requiredFields = requiredFields;
    }

    /** The collections Orchestra itself writes (the inspector's own are not among them). */
    public static List<StoreCollection> orchestraCollections() {
        return List.of(MEMORY_ITEMS, AGENT_DATA, USER_SESSIONS);
    }

    public boolean isOrchestraCollection() {
        return orchestraCollections().contains(this);
    }

    public String collectionName() {
        return collectionName;
    }

    /** The date field used for keyset paging and time-range filters. */
    public String timeField() {
        return timeField;
    }

    public List<String> requiredFields() {
        return requiredFields;
    }

    public static StoreCollection fromName(String name) {
        return Arrays.stream(values())
                .filter(c -> c.collectionName.equals(name))
                .findFirst()
                .orElseThrow(() -> new StorageValidationException("Unknown collection '" + name + "'. Known: "
                        + Arrays.stream(values()).map(StoreCollection::collectionName).collect(Collectors.joining(", "))));
    }
}
