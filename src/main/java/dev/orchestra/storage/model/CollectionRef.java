package dev.orchestra.storage.model;

import dev.orchestra.storage.error.StorageValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A collection the store reads and writes: one of Orchestra's ({@link StoreCollection}) or one the inspector keeps
 * for itself ({@link InspectorCollection}). Code that only makes sense for Orchestra's data takes
 * {@link StoreCollection}; the document operations the trash and the audit log use take this wider type.
 */
public sealed interface CollectionRef permits StoreCollection, InspectorCollection {

    CollectionSpec spec();

    /** The MongoDB collection name. */
    default String collectionName() {
        return spec().collectionName();
    }

    /** The date field used for keyset paging and time-range filters. */
    default String timeField() {
        return spec().timeField();
    }

    default List<String> requiredFields() {
        return spec().requiredFields();
    }

    /** Orchestra's collections, then the inspector's own. */
    static List<CollectionRef> all() {
        List<CollectionRef> all = new ArrayList<>(List.of(StoreCollection.values()));
        all.addAll(List.of(InspectorCollection.values()));
        return Collections.unmodifiableList(all);
    }

    /** Any known collection by its MongoDB name, the inspector's own included. */
    static CollectionRef fromName(String name) {
        return fromName(name, all());
    }

    /** The one refusal of an unknown name: it says which names are known. */
    static <C extends CollectionRef> C fromName(String name, List<C> known) {
        return known.stream()
                .filter(c -> c.collectionName().equals(name))
                .findFirst()
                .orElseThrow(() -> new StorageValidationException("Unknown collection '" + name + "'. Known: "
                        + known.stream().map(CollectionRef::collectionName).collect(Collectors.joining(", "))));
    }
}
