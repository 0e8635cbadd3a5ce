package dev.orchestra.storage.model;

import dev.orchestra.storage.StorageValidationException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The three collections Orchestra keeps, with the field that orders each one in time. */
public enum StoreCollection {
    MEMORY_ITEMS("memory_items", "timestamp", List.of("user_id", "item_type")),
    AGENT_DATA("agent_data", "timestamp", List.of("agent_id", "data_type", "content")),
    USER_SESSIONS("user_sessions", "updated_at", List.of("user_id", "session_id"));

    private final String collectionName;
    private final String timeField;
    private final List<String> requiredFields;

    StoreCollection(String collectionName, String timeField, List<String> requiredFields) {
        this.collectionName = collectionName;
        this.timeField = timeField;
        this.requiredFields = requiredFields;
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
