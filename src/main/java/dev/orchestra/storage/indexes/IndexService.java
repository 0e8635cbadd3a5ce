package dev.orchestra.storage.indexes;

import dev.orchestra.storage.DocumentStore;
import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.model.CollectionRef;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.mongo.ExistingIndexes;
import dev.orchestra.storage.mongo.IndexBootstrap;
import dev.orchestra.storage.mongo.IndexBootstrap.IndexSpec;
import dev.orchestra.storage.mongo.IndexCatalog;
import dev.orchestra.storage.safety.AuditLog;
import dev.orchestra.storage.safety.SafeStorage;
import dev.orchestra.storage.safety.WriteLock;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.bson.BsonDocument;
import org.bson.BsonString;

/**
 * Explicit index management for the Indexes panel and the {@code indexes} command: lists each Orchestra collection's
 * indexes next to {@link IndexBootstrap#recommended()}, and creates them only when asked — a write, refused while
 * the {@link WriteLock} is locked and audited per index. Listing writes nothing. A store without indexes (in-memory)
 * reports {@link IndexReport#notApplicable()}.
 */
public final class IndexService {
    private final DocumentStore manager;
    private final WriteLock lock;
    private final AuditLog audit;
    private final Clock clock;

    /** @param manager the gated manager of a {@link SafeStorage} (so its catalog refuses writes while locked) */
    public IndexService(DocumentStore manager, WriteLock lock, AuditLog audit, Clock clock) {
        this.manager = manager;
        this.lock = lock;
        this.audit = audit;
        this.clock = clock;
    }

    public static IndexService of(SafeStorage storage, Clock clock) {
        return new IndexService(storage.manager(), storage.writeLock(), storage.operations().audit(), clock);
    }

    public IndexReport report() {
        return manager.capability(IndexCatalog.class).map(catalog -> new IndexReport(true, List.of(StoreCollection.values())
                .stream().map(c -> IndexComparison.compare(c, catalog.existing(c), recommendedFor(c))).toList()))
                .orElseGet(IndexReport::notApplicable);
    }

    /**
     * The recommended indexes named: {@code collection.name}, or a bare name for every collection that recommends
     * one by that name.
     *
     * @throws StorageValidationException naming the known ones when a name matches none
     */
    public List<IndexSpec> recommended(List<String> names) {
        Set<IndexSpec> specs = new LinkedHashSet<>();
        for (String name : names) {
            List<IndexSpec> matching = IndexBootstrap.recommended().stream()
                    .filter(s -> qualified(s).equals(name) || s.name().equals(name)).toList();
            if (matching.isEmpty()) {
                throw new StorageValidationException("Unknown recommended index '" + name + "'. Known: "
                        + IndexBootstrap.recommended().stream().map(IndexService::qualified)
                        .collect(Collectors.joining(", ")));
            }
            specs.addAll(matching);
        }
        return List.copyOf(specs);
    }

    /** Creates the given recommended indexes that are missing; one audit entry per index built. */
    public IndexCreation create(List<IndexSpec> specs) {
        return create(specs, spec -> catalog().existing(spec.collection()).documentCount());
    }

    public IndexCreation createAllRecommended() {
        return create(IndexBootstrap.recommended());
    }

    /** The facts to state before {@link #createExpirationTtl}: how many documents it would delete now. */
    public ExpirationTtlPreview previewExpirationTtl(CollectionRef collection) {
        IndexSpec ttl = expirationTtl(collection);
        StoreCollection expiring = ttl.collection();
        IndexCatalog catalog = catalog();
        ExistingIndexes existing = catalog.existing(expiring);
        IndexStatus status = IndexComparison.compare(expiring, existing, List.of(ttl)).rows().get(0).status();
        return new ExpirationTtlPreview(expiring, ttl.name(), catalog.countExpired(expiring, clock.instant()),
                existing.documentCount(), status);
    }

    /**
     * The opt-in TTL index on {@code expiration}; its audit entry records how many documents were expired then.
     * Never part of {@link #createAllRecommended()}.
     */
    public IndexCreation createExpirationTtl(CollectionRef collection) {
        return create(List.of(expirationTtl(collection)),
                spec -> catalog().countExpired(spec.collection(), clock.instant()));
    }

    private IndexCreation create(List<IndexSpec> specs, ToLongFunction<IndexSpec> auditCount) {
        lock.checkWritable("create indexes");
        IndexCatalog catalog = catalog();
        List<IndexRow> created = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (IndexSpec spec : specs) {
            IndexRow row = IndexComparison.compare(spec.collection(), catalog.existing(spec.collection()),
                    List.of(spec)).rows().get(0);
            switch (row.status()) {
                case PRESENT -> skipped.add(qualified(spec));
                case CONFLICTING -> problems.add(qualified(spec) + ": not created, " + row.note());
                default -> {
                    long count = auditCount.applyAsLong(spec);
                    List<String> refused = catalog.create(List.of(spec));
                    if (refused.isEmpty()) {
                        audit.indexCreated(spec.collection(), spec.name(), definition(row), count);
                        created.add(row);
                    }
                    problems.addAll(refused);
                }
            }
        }
        return new IndexCreation(created, skipped, problems);
    }

    private IndexCatalog catalog() {
        return manager.capability(IndexCatalog.class).orElseThrow(() -> new StorageValidationException(
                "This store has no indexes (in-memory): there is nothing to create"));
    }

    private static IndexSpec expirationTtl(CollectionRef collection) {
        try {
            return IndexBootstrap.expirationTtl(collection);
        } catch (IllegalArgumentException e) {
            throw new StorageValidationException(e.getMessage() + ": a TTL index on expiration applies to "
                    + StoreCollection.MEMORY_ITEMS.collectionName() + " and "
                    + StoreCollection.AGENT_DATA.collectionName() + " only");
        }
    }

    private static List<IndexSpec> recommendedFor(StoreCollection collection) {
        return IndexBootstrap.recommended().stream().filter(s -> s.collection() == collection).toList();
    }

    private static BsonDocument definition(IndexRow row) {
        BsonDocument definition = new BsonDocument("name", new BsonString(row.name())).append("key", row.keys());
        definition.putAll(row.options());
        return definition;
    }

    static String qualified(IndexSpec spec) {
        return spec.collection().collectionName() + "." + spec.name();
    }
}
