package dev.orchestra.storage.safety;

import dev.orchestra.storage.mongo.ExistingIndexes;
import dev.orchestra.storage.mongo.IndexCatalog;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.mongo.IndexBootstrap.IndexSpec;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** The {@link ReadOnlyMemoryManager}'s view of a store's indexes: creating is a write and refused while locked. */
final class GatedIndexCatalog implements IndexCatalog {
    private final IndexCatalog delegate;
    private final WriteLock lock;

    GatedIndexCatalog(IndexCatalog delegate, WriteLock lock) {
        this.delegate = delegate;
        this.lock = lock;
    }

    @Override
    public ExistingIndexes existing(StoreCollection collection) {
        return delegate.existing(collection);
    }

    @Override
    public List<String> create(List<IndexSpec> specs) {
        lock.checkWritable("create index " + specs.stream().map(s -> s.collection().collectionName() + "." + s.name())
                .collect(Collectors.joining(", ")));
        return delegate.create(specs);
    }

    @Override
    public long countExpired(StoreCollection collection, Instant now) {
        return delegate.countExpired(collection, now);
    }
}
