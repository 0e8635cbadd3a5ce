package dev.orchestra.inspector.transfer;

import dev.orchestra.inspector.common.AsyncCommand;
import dev.orchestra.inspector.common.BackgroundRunner;
import dev.orchestra.inspector.common.ErrorMessages;
import dev.orchestra.inspector.common.SafeStorageHolder;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.safety.SafeStorage;
import dev.orchestra.storage.transfer.ImportOptions;
import dev.orchestra.storage.transfer.ImportReport;
import dev.orchestra.storage.transfer.ImportService;
import dev.orchestra.storage.transfer.LineError;
import dev.orchestra.storage.transfer.TransferProgress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * File → Import…: first a dry run that reports every bad line with its number and writes nothing, then the import
 * of the valid lines. Writes go through the app's safe storage exactly as the CLI's {@code import} does
 * ({@link ImportService#forSafeStorage}): refused while read-only, every insert and replace audited, the cache
 * invalidated by the manager.
 */
public class ImportViewModel {
    private final SafeStorageHolder storage;
    private final Runnable afterImport;
    private final TransferStatus status;
    private final ObjectProperty<StoreCollection> collection =
            new SimpleObjectProperty<>(this, "collection", StoreCollection.MEMORY_ITEMS);
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final BooleanProperty asIs = new SimpleBooleanProperty(this, "asIs");
    private final ReadOnlyObjectWrapper<ImportReport> checked = new ReadOnlyObjectWrapper<>(this, "checked");
    private final ReadOnlyObjectWrapper<ImportReport> imported = new ReadOnlyObjectWrapper<>(this, "imported");
    private final ReadOnlyBooleanWrapper readOnly = new ReadOnlyBooleanWrapper(this, "readOnly");
    private final ObservableList<LineError> problems = FXCollections.observableArrayList();
    private final AsyncCommand<ImportReport> check;
    private final AsyncCommand<ImportReport> write;
    private final BooleanBinding running;
    private final BooleanBinding canCheck;

    /** @param afterImport run on the UI thread after documents were written (e.g. to refresh the views) */
    public ImportViewModel(BackgroundRunner runner, SafeStorageHolder storage, Runnable afterImport) {
        this.storage = storage;
        this.afterImport = afterImport;
        readOnly.set(storage.writeLock().isLocked());
        storage.writeLock().addListener(locked -> runner.runOnUiThread(() -> readOnly.set(locked)));
        // A dry run is valid for one collection and one file only.
        collection.addListener((obs, was, is) -> forgetCheck());
        file.addListener((obs, was, is) -> forgetCheck());
        asIs.addListener((obs, was, is) -> forgetCheck());
        check = new AsyncCommand<>(runner, "Checking an import file", file.isNotNull().and(collection.isNotNull()));
        write = new AsyncCommand<>(runner, "Importing a file", readOnly.not().and(check.runningProperty().not())
                .and(Bindings.createBooleanBinding(() -> checked.get() != null && !checked.get().cancelled()
                        && checked.get().validLines() > 0 && imported.get() == null, checked, imported)));
        running = check.runningProperty().or(write.runningProperty());
        canCheck = check.executableProperty().and(write.runningProperty().not());
        status = new TransferStatus(runner, running);
    }

    private void forgetCheck() {
        if (status.isRunning()) {
            return;
        }
        checked.set(null);
        imported.set(null);
        problems.clear();
        status.reset("");
    }

    /** Called when the dialog opens. */
    public void prepare() {
        readOnly.set(storage.writeLock().isLocked());
    }

    /** Step 1: validates every line, writes nothing; {@link #problemsProperty()} then lists the bad lines. */
    public void check() {
        if (!canCheck.get()) {
            return;
        }
        run(check, ImportOptions.defaults().withAsIs(asIs.get()).withDryRun(true), "Checking " + file.get() + "…");
    }

    /** Step 2: writes the valid lines (the bad ones never), upserting by {@code _id}. */
    public void importValidLines() {
        readOnly.set(storage.writeLock().isLocked());
        if (readOnly.get()) {
            String reason = storage.writeLock().reason();
            status.reset("Import refused: the inspector is read-only" + (reason == null ? "" : " (" + reason + ")")
                    + ". Nothing was written; unlock writes first.");
            return;
        }
        if (!write.executableProperty().get()) {
            return;
        }
        run(write, ImportOptions.defaults().withAsIs(asIs.get()), "Importing into " + collection.get().collectionName() + "…");
    }

    private void run(AsyncCommand<ImportReport> command, ImportOptions options, String text) {
        StoreCollection c = collection.get();
        Path source = file.get();
        SafeStorage safe;
        try {
            ImportService.checkImportable(c);
            if (!options.dryRun()) {
                storage.writeLock().checkWritable("import");
            }
            safe = new SafeStorage(storage.manager(), storage.writeLock(), storage.operations());
        } catch (RuntimeException e) {
            status.reset((options.dryRun() ? "Cannot check: " : "Import refused: ") + ErrorMessages.describe(e));
            return;
        }
        TransferProgress progress = status.begin(text);
        command.execute(() -> ImportService.forSafeStorage(safe).importFile(c, source, options, progress),
                report -> finished(report, options.dryRun(), c),
                e -> status.fail((options.dryRun() ? "Check failed: " : "Import failed: ") + ErrorMessages.describe(e)));
    }

    private void finished(ImportReport report, boolean dryRun, StoreCollection c) {
        List<LineError> lines = new ArrayList<>(report.rejected());
        report.writeFailures().forEach(f -> lines.add(new LineError(f.lineNumber(),
                f.message() + " (refused by the store, not written)")));
        lines.sort(Comparator.comparingLong(LineError::lineNumber));
        problems.setAll(lines);
        if (dryRun) {
            checked.set(report);
            status.finish(checkSummary(report), outcome(report, report.validLines() == 0));
        } else {
            imported.set(report);
            status.finish(importSummary(report, c), outcome(report, !report.written()));
            if (report.written() && report.stored() > 0) {
                afterImport.run();
            }
        }
    }

    private static TransferStatus.Outcome outcome(ImportReport r, boolean nothingToShow) {
        if (nothingToShow && !r.cancelled()) {
            return TransferStatus.Outcome.PROBLEM;
        }
        return r.hasProblems() ? TransferStatus.Outcome.WARNING : TransferStatus.Outcome.OK;
    }

    static String checkSummary(ImportReport r) {
        if (r.cancelled()) {
            return "Check cancelled: nothing was written.";
        }
        String head = String.format(Locale.ROOT, "Checked %,d lines: %,d valid, %,d rejected%s.", r.lines(),
                r.validLines(), r.rejectedLines(), rejectedLineNumbers(r));
        if (r.validLines() == 0) {
            return head + " There is nothing to import.";
        }
        return head + String.format(Locale.ROOT, " Nothing written yet: Import writes the %,d valid %s%s.",
                r.validLines(), r.validLines() == 1 ? "line" : "lines",
                r.rejectedLines() > 0 ? " and skips the rejected ones" : "");
    }

    static String importSummary(ImportReport r, StoreCollection c) {
        if (!r.written()) {
            return r.cancelled() ? "Import cancelled before writing: nothing was written." : "Nothing was written.";
        }
        String text = String.format(Locale.ROOT, "Imported %,d %s into %s (%,d inserted, %,d replaced, %,d unchanged)."
                        + " Rejected lines not written: %,d%s.", r.stored(), r.stored() == 1 ? "document" : "documents",
                c.collectionName(), r.inserted(), r.replaced(), r.unchanged(), r.rejectedLines(),
                rejectedLineNumbers(r));
        if (r.failedWrites() > 0) {
            text += String.format(Locale.ROOT, " Refused by the store: %,d.", r.failedWrites());
        }
        if (r.cancelled()) {
            text += " Cancelled: the remaining lines were not written.";
        }
        return text;
    }

    /** " (lines 3, 7)" for a few, " (first: line 3)" for many, "" for none. */
    private static String rejectedLineNumbers(ImportReport r) {
        if (r.rejected().isEmpty()) {
            return "";
        }
        List<String> numbers = r.rejected().stream().limit(5).map(e -> String.valueOf(e.lineNumber())).toList();
        String more = r.rejectedLines() > numbers.size() ? ", …" : "";
        return (numbers.size() == 1 && more.isEmpty() ? " (line " : " (lines ") + String.join(", ", numbers) + more
                + ")";
    }

    public void cancel() {
        status.cancel();
    }

    public List<StoreCollection> collections() {
        return List.of(StoreCollection.values());
    }

    /**
     * Restore an export as it is: only BSON validity, the size and the {@code _id} rules, not Orchestra's schema.
     * Changing it forgets the last check (its verdict depended on the rules).
     */
    public BooleanProperty asIsProperty() {
        return asIs;
    }

    public ObjectProperty<StoreCollection> collectionProperty() {
        return collection;
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    /** The dry run's report (null before it, and after the collection or file changed). */
    public ReadOnlyObjectProperty<ImportReport> checkedProperty() {
        return checked.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ImportReport> importedProperty() {
        return imported.getReadOnlyProperty();
    }

    /** The bad lines with their numbers and reasons, in line order. */
    public ObservableList<LineError> problemsProperty() {
        return problems;
    }

    public ReadOnlyBooleanProperty readOnlyProperty() {
        return readOnly.getReadOnlyProperty();
    }

    public BooleanBinding canCheckProperty() {
        return canCheck;
    }

    public BooleanBinding canImportProperty() {
        return write.executableProperty();
    }

    public BooleanBinding runningProperty() {
        return running;
    }

    public ReadOnlyBooleanProperty cancellingProperty() {
        return status.cancellingProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return status.progressProperty();
    }

    /** What is happening, then the summary with numbers. */
    public ReadOnlyObjectProperty<TransferStatus.Outcome> outcomeProperty() {
        return status.outcomeProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return status.messageProperty();
    }
}
