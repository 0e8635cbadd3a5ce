package dev.orchestra.inspector.transfer;

import dev.orchestra.inspector.common.AsyncCommand;
import dev.orchestra.inspector.common.BackgroundRunner;
import dev.orchestra.inspector.common.ErrorMessages;
import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.storage.DocumentStore;
import dev.orchestra.storage.schema.Fields;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.CollectionRef;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.transfer.ExportFormat;
import dev.orchestra.storage.transfer.ExportResult;
import dev.orchestra.storage.transfer.ExportService;
import dev.orchestra.storage.transfer.OutputFiles;
import dev.orchestra.storage.transfer.TransferProgress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * File → Export…: a collection (all of it, or what the current view's filter shows), a format and a target file,
 * streamed in the background by the storage library's {@link ExportService} with progress and cancel. A cancelled
 * or failed export leaves no file (the service writes beside the target and moves into place at the end).
 */
public class ExportViewModel {
    private final StoreConnection store;
    private final Function<CollectionRef, DocumentFilter> activeFilters;
    private final TransferStatus status;
    private final ObjectProperty<CollectionRef> collection =
            new SimpleObjectProperty<>(this, "collection", StoreCollection.MEMORY_ITEMS);
    private final ObjectProperty<ExportFormat> format = new SimpleObjectProperty<>(this, "format", ExportFormat.JSONL);
    private final ObjectProperty<Path> output = new SimpleObjectProperty<>(this, "output");
    private final BooleanProperty onlyFiltered = new SimpleBooleanProperty(this, "onlyFiltered");
    private final ReadOnlyObjectWrapper<ExportResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final StringBinding filterDescription;
    private final AsyncCommand<ExportResult> export;
    private final BooleanBinding hasFilter;

    /** @param activeFilters the filter the app's view of a collection shows now ({@link DocumentFilter#none()} if none) */
    public ExportViewModel(BackgroundRunner runner, StoreConnection store,
                           Function<CollectionRef, DocumentFilter> activeFilters) {
        this.store = store;
        this.activeFilters = activeFilters;
        this.export = new AsyncCommand<>(runner, "Exporting a collection",
                output.isNotNull().and(collection.isNotNull()).and(format.isNotNull()));
        this.status = new TransferStatus(runner, export.runningProperty());
        filterDescription = Bindings.createStringBinding(() -> describe(currentFilter()), collection);
        hasFilter = Bindings.createBooleanBinding(() -> !currentFilter().isEmpty(), collection);
        // A typed or chosen ".csv" / ".jsonl" name decides the format, as in the CLI.
        output.addListener((obs, was, is) -> {
            // "/" while typing has no file name
            String name = is == null || is.getFileName() == null ? ""
                    : is.getFileName().toString().toLowerCase(Locale.ROOT);
            for (ExportFormat f : ExportFormat.values()) {
                if (name.endsWith("." + f.extension())) {
                    format.set(f);
                }
            }
        });
    }

    /** Called when the dialog opens: the collection of the view that is showing, and its filter offered. */
    public void prepare(CollectionRef shown) {
        if (status.isRunning()) {
            return;
        }
        collection.set(shown);
        onlyFiltered.set(!currentFilter().isEmpty());
        filterDescription.invalidate();
        hasFilter.invalidate();
        result.set(null);
        status.reset("");
    }

    /** The current view's filter for the chosen collection (re-read: the user may have changed it meanwhile). */
    private DocumentFilter currentFilter() {
        CollectionRef c = collection.get();
        DocumentFilter f = c == null ? null : activeFilters.apply(c);
        return f == null ? DocumentFilter.none() : f;
    }

    /** A file name to suggest in the chooser, e.g. {@code memory_items.jsonl}. */
    public String suggestedFileName() {
        return collection.get().collectionName() + "." + format.get().extension();
    }

    public void start() {
        if (!export.executableProperty().get()) {
            return;
        }
        CollectionRef c = collection.get();
        ExportFormat f = format.get();
        Path target = output.get();
        DocumentFilter filter = onlyFiltered.get() && hasFilter.get() ? currentFilter() : DocumentFilter.none();
        DocumentStore manager;
        try {
            manager = store.current();
            OutputFiles.checkWritable(target); // a typo in the path fails before anything is read
        } catch (RuntimeException e) {
            status.reset("Cannot export: " + ErrorMessages.describe(e));
            return;
        }
        result.set(null);
        TransferProgress progress = status.begin("Exporting " + c.collectionName() + "…");
        export.execute(() -> ExportService.forManager(manager).exportToFile(c, filter, f, target, progress),
                done -> {
                    result.set(done);
                    status.finish(summary(done, c, target),
                            done.cancelled() ? TransferStatus.Outcome.WARNING : TransferStatus.Outcome.OK);
                },
                e -> status.fail("Export failed, no file written: " + ErrorMessages.describe(e)));
    }

    static String summary(ExportResult r, CollectionRef c, Path target) {
        if (r.cancelled()) {
            return String.format(Locale.ROOT, "Cancelled after %,d documents: no file was written.", r.documents());
        }
        return String.format(Locale.ROOT, "Exported %,d %s from %s to %s in %.1f s.", r.documents(),
                r.documents() == 1 ? "document" : "documents", c.collectionName(), target,
                r.elapsed().toMillis() / 1000.0);
    }

    /** One line for the "current filter" choice, e.g. {@code user_id = alice, item_type = tool}. */
    static String describe(DocumentFilter f) {
        if (f.isEmpty()) {
            return "no filter is applied in this collection's view";
        }
        List<String> parts = new ArrayList<>();
        add(parts, Fields.USER_ID, f.userId());
        add(parts, "session_id", f.sessionId());
        add(parts, "item_type", f.itemType());
        add(parts, "agent_id", f.agentId());
        add(parts, "data_type", f.dataType());
        if (f.from() != null) {
            parts.add("from " + f.from());
        }
        if (f.to() != null) {
            parts.add("until " + f.to());
        }
        if (f.textContains() != null) {
            parts.add("text contains \"" + f.textContains() + "\"");
        }
        if (f.rawFilter() != null) {
            parts.add(f.rawFilter().toJson());
        }
        return String.join(", ", parts);
    }

    private static void add(List<String> parts, String field, String value) {
        if (value != null) {
            parts.add(field + " = " + value);
        }
    }

    public void cancel() {
        status.cancel();
    }

    public List<CollectionRef> collections() {
        return CollectionRef.all();
    }

    public ObjectProperty<CollectionRef> collectionProperty() {
        return collection;
    }

    public ObjectProperty<ExportFormat> formatProperty() {
        return format;
    }

    public ObjectProperty<Path> outputProperty() {
        return output;
    }

    /** Export only what the current view's filter shows (else the whole collection). */
    public BooleanProperty onlyFilteredProperty() {
        return onlyFiltered;
    }

    public StringBinding filterDescriptionProperty() {
        return filterDescription;
    }

    /** Whether the chosen collection's view has a filter applied (else "current filter" means nothing). */
    public BooleanBinding hasFilterProperty() {
        return hasFilter;
    }

    public BooleanBinding canStartProperty() {
        return export.executableProperty();
    }

    public ReadOnlyObjectProperty<ExportResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return export.runningProperty();
    }

    public ReadOnlyBooleanProperty cancellingProperty() {
        return status.cancellingProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return status.progressProperty();
    }

    /** What is happening, then the summary (documents exported, or why not). */
    public ReadOnlyObjectProperty<TransferStatus.Outcome> outcomeProperty() {
        return status.outcomeProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return status.messageProperty();
    }
}
