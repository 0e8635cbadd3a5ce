package dev.orchestra.inspector.indexes;

import dev.orchestra.inspector.common.AsyncCommand;
import dev.orchestra.inspector.common.BackgroundRunner;
import dev.orchestra.inspector.common.DialogService;
import dev.orchestra.inspector.common.ErrorMessages;
import dev.orchestra.inspector.common.Messages;
import dev.orchestra.inspector.common.SafeStorageHolder;
import dev.orchestra.storage.indexes.CollectionIndexes;
import dev.orchestra.storage.indexes.ExpirationTtlPreview;
import dev.orchestra.storage.indexes.IndexCreation;
import dev.orchestra.storage.indexes.IndexReport;
import dev.orchestra.storage.indexes.IndexRow;
import dev.orchestra.storage.indexes.IndexService;
import dev.orchestra.storage.indexes.IndexStatus;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.safety.WriteLock;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Indexes panel: per collection, the indexes that exist next to the recommended ones. Reading happens when the
 * panel shows and writes nothing; creating is the user's explicit choice, confirmed (collection, keys, build
 * impact), refused while writes are locked, and audited by {@link IndexService}. The TTL index on
 * {@code expiration} is a separate action whose confirmation states what MongoDB would then delete by itself.
 */
public class IndexesViewModel {
    /** The collections that have an {@code expiration} field. */
    public static final List<StoreCollection> TTL_COLLECTIONS = List.of(StoreCollection.MEMORY_ITEMS,
            StoreCollection.AGENT_DATA);

    private final SafeStorageHolder storage;
    private final AsyncCommand<IndexReport> read;
    private final AsyncCommand<ExpirationTtlPreview> previewTtl;
    private final AsyncCommand<IndexCreation> create;
    private final AsyncCommand<IndexCreation> createTtl;
    private final DialogService dialogs;
    private final Messages messages;
    private final Clock clock;
    private final ObservableList<CollectionIndexes> collections = FXCollections.observableArrayList();
    private final ObjectProperty<IndexRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObjectProperty<StoreCollection> ttlCollection =
            new SimpleObjectProperty<>(this, "ttlCollection", StoreCollection.MEMORY_ITEMS);
    private final ReadOnlyBooleanWrapper applicable = new ReadOnlyBooleanWrapper(this, "applicable", true);
    private final ReadOnlyBooleanWrapper anyMissing = new ReadOnlyBooleanWrapper(this, "anyMissing");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper lastResult = new ReadOnlyStringWrapper(this, "lastResult", "");
    private boolean showing;

    public IndexesViewModel(BackgroundRunner runner, SafeStorageHolder storage, DialogService dialogs,
                            Messages messages, Clock clock) {
        this.storage = storage;
        this.read = new AsyncCommand<>(runner, "Reading indexes");
        this.previewTtl = new AsyncCommand<>(runner, "Counting expired documents");
        this.create = new AsyncCommand<>(runner, "Creating indexes");
        this.createTtl = new AsyncCommand<>(runner, "Creating the TTL index");
        this.dialogs = dialogs;
        this.messages = messages;
        this.clock = clock;
    }

    public void setShowing(boolean showing) {
        this.showing = showing;
        if (showing) {
            load();
        }
    }

    /** Lists the indexes again (a read: {@code listIndexes}, {@code collStats}, an estimated count). */
    public void load() {
        IndexService service = service();
        if (service == null || read.isRunning()) {
            return;
        }
        read.execute(service::report, this::show, e -> error.set(ErrorMessages.describe(e)));
    }

    private void show(IndexReport report) {
        error.set(null);
        applicable.set(report.applicable());
        collections.setAll(report.collections());
        anyMissing.set(report.rows().stream().anyMatch(IndexesViewModel::creatable));
        List<IndexRow> notPresent = report.recommendedNotPresent();
        summary.set(!report.applicable() ? messages.get("indexes.notApplicable")
                : notPresent.isEmpty() ? messages.get("indexes.allPresent")
                : messages.format("indexes.notPresent", notPresent.size()));
    }

    /** Whether the row is a recommended index that can be created now (missing, not blocked by a conflict). */
    public static boolean creatable(IndexRow row) {
        return row != null && row.recommended() && row.status() == IndexStatus.MISSING;
    }

    public void createSelected() {
        IndexRow row = selected.get();
        if (creatable(row)) {
            create(List.of(row));
        }
    }

    public void createAllMissing() {
        create(collections.stream().flatMap(c -> c.rows().stream()).filter(IndexesViewModel::creatable).toList());
    }

    private void create(List<IndexRow> rows) {
        IndexService service = service();
        if (rows.isEmpty() || service == null || creating() || refusedWhileLocked()) {
            return;
        }
        String plan = rows.stream().map(r -> messages.format("indexes.confirm.line", r.collection().collectionName(),
                r.name(), r.keys().toJson(), r.options().isEmpty() ? "" : " " + r.options().toJson(),
                documentCount(r.collection()))).collect(Collectors.joining("\n"));
        if (!dialogs.confirm(messages.get("indexes.confirm.title"), plan + "\n\n" + messages.get("indexes.confirm.impact"))) {
            return;
        }
        List<String> names = rows.stream().map(IndexRow::qualifiedName).toList();
        create.execute(() -> service.create(service.recommended(names)), this::created, this::failed);
    }

    /** The TTL index on {@code expiration} of {@link #ttlCollectionProperty()}: counts first, then asks. */
    public void createExpirationTtl() {
        IndexService service = service();
        StoreCollection collection = ttlCollection.get();
        if (service == null || collection == null || creating() || refusedWhileLocked()) {
            return;
        }
        previewTtl.execute(() -> service.previewExpirationTtl(collection), preview -> confirmTtl(service, preview),
                this::failed);
    }

    private void confirmTtl(IndexService service, ExpirationTtlPreview preview) {
        String title = messages.format("indexes.ttl.title", preview.collection().collectionName());
        if (preview.status() == IndexStatus.PRESENT) {
            lastResult.set(messages.format("indexes.ttl.present", preview.collection().collectionName()));
            return;
        }
        String message = preview.consequence() + "\n\n" + messages.format("indexes.ttl.build", preview.documentCount());
        if (dialogs.confirm(title, message)) {
            createTtl.execute(() -> service.createExpirationTtl(preview.collection()), this::created, this::failed);
        }
    }

    /** Index builds do not overlap: a second request while one runs is ignored rather than interrupting it. */
    private boolean creating() {
        return create.isRunning() || createTtl.isRunning();
    }

    private void created(IndexCreation creation) {
        lastResult.set(messages.format("indexes.created", creation.created().size(), creation.skipped().size()));
        if (!creation.complete()) {
            dialogs.showError(messages.get("indexes.problems"), String.join("\n", creation.problems()));
        }
        load();
    }

    private void failed(Throwable e) {
        dialogs.showError(messages.get("indexes.failed"), ErrorMessages.describe(e));
        load();
    }

    private boolean refusedWhileLocked() {
        WriteLock lock = storage.writeLock();
        if (!lock.isLocked()) {
            return false;
        }
        dialogs.showError(messages.get("indexes.readOnly.title"), messages.format("indexes.readOnly",
                lock.reason() == null ? "" : lock.reason()));
        return true;
    }

    private long documentCount(StoreCollection collection) {
        return collections.stream().filter(c -> c.collection() == collection).mapToLong(CollectionIndexes::documentCount)
                .findFirst().orElse(0);
    }

    /** Null (with the reason in {@link #errorProperty()}) while not connected. */
    private IndexService service() {
        try {
            return new IndexService(storage.manager(), storage.writeLock(), storage.operations().audit(), clock);
        } catch (RuntimeException e) {
            error.set(ErrorMessages.describe(e));
            return null;
        }
    }

    public boolean isShowing() {
        return showing;
    }

    public ObservableList<CollectionIndexes> collections() {
        return collections;
    }

    public ObjectProperty<IndexRow> selectedProperty() {
        return selected;
    }

    public ObjectProperty<StoreCollection> ttlCollectionProperty() {
        return ttlCollection;
    }

    public ReadOnlyBooleanProperty applicableProperty() {
        return applicable.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty anyMissingProperty() {
        return anyMissing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastResultProperty() {
        return lastResult.getReadOnlyProperty();
    }
}
