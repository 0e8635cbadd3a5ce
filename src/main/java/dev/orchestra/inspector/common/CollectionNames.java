package dev.orchestra.inspector.common;

import dev.orchestra.storage.model.CollectionRef;
import java.util.function.Function;
import javafx.util.StringConverter;

/** Shows a collection by its MongoDB name in choice boxes and combo boxes. */
public final class CollectionNames<C extends CollectionRef> extends StringConverter<C> {
    private final Function<String, C> byName;

    /** @param byName the lookup of the box's kind of collection, e.g. {@code StoreCollection::fromName} */
    public CollectionNames(Function<String, C> byName) {
        this.byName = byName;
    }

    @Override
    public String toString(C collection) {
        return collection == null ? "" : collection.collectionName();
    }

    @Override
    public C fromString(String name) {
        return byName.apply(name);
    }
}
