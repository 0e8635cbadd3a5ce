package dev.orchestra.inspector.common;

import dev.orchestra.storage.model.StoreCollection;
import javafx.util.StringConverter;

/** Shows a collection by its MongoDB name in choice boxes and combo boxes. */
public final class CollectionNames extends StringConverter<StoreCollection> {
    @Override
    public String toString(StoreCollection collection) {
        return collection == null ? "" : collection.collectionName();
    }

    @Override
    public StoreCollection fromString(String name) {
        return StoreCollection.fromName(name);
    }
}
