package dev.orchestra.storage.model;

import java.util.List;

/**
 * What every collection says of itself: its MongoDB name, the date field that orders it in time (keyset paging,
 * time-range filters) and the fields a document must have.
 */
public record CollectionSpec(String collectionName, String timeField, List<String> requiredFields) {
    public CollectionSpec {
        requiredFields = List.copyOf(requiredFields);
    }
}
