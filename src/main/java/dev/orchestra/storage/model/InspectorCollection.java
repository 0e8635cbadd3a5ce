package dev.orchestra.storage.model;

import java.util.List;

/** The collections the inspector keeps for itself beside Orchestra's; Orchestra never reads or writes them. */
public enum InspectorCollection implements CollectionRef {
    /** Copies of deleted documents, restorable for 30 days (TTL index on deleted_at). */
    TRASH("inspector_trash", "deleted_at", List.of("source_collection", "document")),
    /** One entry per insert, update, delete and restore. */
    AUDIT("inspector_audit", "time", List.of("action", "collection"));

    private final CollectionSpec spec;

    InspectorCollection(String collectionName, String timeField, List<String> requiredFields) {
        this.spec = new CollectionSpec(collectionName, timeField, requiredFields);
    }

    @Override
    public CollectionSpec spec() {
        return spec;
    }
}
