package dev.orchestra.inspector.editing;

import dev.orchestra.inspector.common.AsyncCommand;
import dev.orchestra.inspector.common.BackgroundRunner;
import dev.orchestra.inspector.common.BsonText;
import dev.orchestra.inspector.common.CacheWarnings;
import dev.orchestra.inspector.common.ErrorMessages;
import dev.orchestra.inspector.common.ExtendedJson;
import dev.orchestra.inspector.common.FailureMessage;
import dev.orchestra.inspector.common.JsonNotation;
import dev.orchestra.inspector.common.SafeStorageHolder;
import dev.orchestra.storage.DocumentStore;
import dev.orchestra.storage.error.StorageConflictException;
import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.safety.SafeOperations;
import dev.orchestra.storage.schema.Schemas;
import dev.orchestra.storage.tiered.CacheInvalidations;
import dev.orchestra.storage.validation.DocumentValidator;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * One editor window's state: the whole document as JSON text (readable shell syntax by default, canonical Extended
 * JSON on request; both read back to the same BSON), a form for the known fields kept in step with it, validation as you type, and saving through {@link SafeOperations} with the
 * concurrency guard. A failed save never touches the text.
 */
public class DocumentEditorViewModel {
    public enum Mode { EDIT, INSERT }

    /** The stored document changed since it was loaded; {@code theirs} is null when it was deleted. */
    public record Conflict(BsonDocument theirs, BsonDocument yours) {
        public boolean deleted() {
            return theirs == null;
        }

        public List<SideBySideDiff.Row> diff() {
            return SideBySideDiff.of(theirs == null ? "" : format(theirs, JsonNotation.READABLE),
                    format(yours, JsonNotation.READABLE));
        }
    }

    private static final DateTimeFormatter STATUS_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final SafeStorageHolder storage;
    private final StoreCollection collection;
    private final Clock clock;
    private final Runnable onSaved;
    private final List<FormField> fields;
    private final StringProperty json = new SimpleStringProperty(this, "json", "");
    private final ReadOnlyObjectWrapper<JsonNotation> notation =
            new ReadOnlyObjectWrapper<>(this, "notation", JsonNotation.READABLE);
    private final ReadOnlyStringWrapper jsonError = new ReadOnlyStringWrapper(this, "jsonError");
    private final ReadOnlyIntegerWrapper jsonErrorLine = new ReadOnlyIntegerWrapper(this, "jsonErrorLine");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(this, "mode");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper errorDetails = new ReadOnlyStringWrapper(this, "errorDetails");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyObjectWrapper<Conflict> conflict = new ReadOnlyObjectWrapper<>(this, "conflict");
    private final AsyncCommand<Saved> save;
    private BsonDocument expected;
    private String baseline = "";
    private boolean syncing;

    public DocumentEditorViewModel(BackgroundRunner runner, SafeStorageHolder storage, StoreCollection collection,
                                   Mode initialMode, BsonDocument document, Clock clock, Runnable onSaved) {
        this.storage = storage;
        this.collection = collection;
        this.clock = clock;
        this.onSaved = onSaved == null ? () -> { } : onSaved;
        this.fields = KnownFields.forCollection(collection);
        this.expected = initialMode == Mode.EDIT ? document.clone() : null;
        save = new AsyncCommand<>(runner, "Saving " + collection.collectionName(),
                Bindings.createBooleanBinding(() -> valid.get() && conflict.get() == null
                        && (dirty.get() || mode.get() == Mode.INSERT), valid, conflict, dirty, mode));
        json.addListener((obs, was, is) -> onJsonChanged());
        for (FormField field : fields) {
            field.textProperty().addListener((obs, was, is) -> onFieldEdited(field));
        }
        setMode(initialMode);
        replaceText(format(document));
    }

    /**
     * Rewrites the text in the other notation; typed changes stay (the document is re-rendered, not reloaded) and
     * still count as unsaved. Refused, with the reason, while the text does not parse.
     */
    public boolean switchNotation(JsonNotation wanted) {
        if (wanted == notation.get()) {
            return true;
        }
        JsonDocumentParser.Result parsed = JsonDocumentParser.parse(json.get());
        if (!parsed.ok()) {
            error.set("Fix the JSON before switching notation (line " + parsed.line() + ": " + parsed.error() + ")");
            return false;
        }
        JsonDocumentParser.Result base = JsonDocumentParser.parse(baseline);
        notation.set(wanted);
        baseline = base.ok() ? format(base.document()) : baseline;
        json.set(format(parsed.document()));
        return true;
    }

    /** Edits a stored document; {@code loaded} must be the whole document as read (it is the guard's expectation). */
    public static DocumentEditorViewModel edit(BackgroundRunner runner, SafeStorageHolder storage,
                                               StoreCollection collection, BsonDocument loaded, Clock clock,
                                               Runnable onSaved) {
        return new DocumentEditorViewModel(runner, storage, collection, Mode.EDIT, loaded, clock, onSaved);
    }

    /** A new document: a fresh UUID {@code _id}, the time field set to now, the known fields empty. */
    public static DocumentEditorViewModel insert(BackgroundRunner runner, SafeStorageHolder storage,
                                                 StoreCollection collection, Clock clock, Runnable onSaved) {
        return new DocumentEditorViewModel(runner, storage, collection, Mode.INSERT, template(collection, clock),
                clock, onSaved);
    }

    /** A copy to insert (from {@link SafeOperations#duplicateDraft}); gets a fresh {@code _id} shown up front. */
    public static DocumentEditorViewModel duplicate(BackgroundRunner runner, SafeStorageHolder storage,
                                                    StoreCollection collection, BsonDocument draft, Clock clock,
                                                    Runnable onSaved) {
        BsonDocument withId = new BsonDocument("_id", new BsonString(UUID.randomUUID().toString()));
        draft.forEach((k, v) -> {
            if (!k.equals("_id")) {
                withId.put(k, v);
            }
        });
        return new DocumentEditorViewModel(runner, storage, collection, Mode.INSERT, withId, clock, onSaved);
    }

    static BsonDocument template(StoreCollection collection, Clock clock) {
        return Schemas.of(collection).newTemplate(clock.instant());
    }

    private String format(BsonDocument document) {
        return format(document, notation.get());
    }

    static String format(BsonDocument document, JsonNotation notation) {
        return ExtendedJson.format(document, notation);
    }

    // ---- typing ------------------------------------------------------------------------------------------------

    private void onJsonChanged() {
        dirty.set(!json.get().equals(baseline));
        JsonDocumentParser.Result parsed = JsonDocumentParser.parse(json.get());
        if (!parsed.ok()) {
            jsonError.set("Line " + parsed.line() + ": " + parsed.error());
            jsonErrorLine.set(parsed.line());
            problems.clear();
            warnings.clear();
            valid.set(false);
            return;
        }
        jsonError.set(null);
        jsonErrorLine.set(0);
        syncing = true;
        try {
            for (FormField field : fields) {
                BsonValue value = parsed.document().get(field.name());
                field.textProperty().set(KnownFields.text(field, value));
                String typeProblem = KnownFields.typeProblem(field, value);
                field.setError(asStored(field, value) ? null
                        : typeProblem != null ? typeProblem : requiredProblem(field, value));
            }
        } finally {
            syncing = false;
        }
        List<String> found = validate(parsed.document());
        problems.setAll(found);
        warnings.setAll(mode.get() == Mode.EDIT
                ? DocumentValidator.keptAsStored(collection, expected, parsed.document()) : List.of());
        valid.set(found.isEmpty() && fields.stream().noneMatch(FormField::hasError));
    }

    /** An edited document's value left as it was stored: kept whatever its shape (a warning says so). */
    private boolean asStored(FormField field, BsonValue value) {
        return mode.get() == Mode.EDIT && Objects.equals(expected.get(field.name()), value);
    }

    private String requiredProblem(FormField field, BsonValue value) {
        boolean missing = value == null || value.isNull() || (value.isString() && value.asString().getValue().isBlank());
        if (!missing || !field.required()) {
            return null;
        }
        // An insert fills an absent time field; blank required strings are refused by the store.
        boolean filledOnInsert = mode.get() == Mode.INSERT && value == null
                && field.name().equals(collection.timeField());
        return filledOnInsert ? null : field.name() + " is required";
    }

    private void onFieldEdited(FormField field) {
        if (syncing) {
            return;
        }
        String problem = KnownFields.check(field, field.textProperty().get());
        field.setError(problem);
        if (problem != null) {
            valid.set(false);
            return;
        }
        JsonDocumentParser.Result parsed = JsonDocumentParser.parse(json.get());
        if (!parsed.ok()) {
            field.setError("Fix the JSON first (" + jsonError.get() + ")");
            return;
        }
        BsonDocument doc = parsed.document();
        KnownFields.apply(field, field.textProperty().get(), doc);
        json.set(format(doc));
    }

    private List<String> validate(BsonDocument doc) {
        List<String> found = new ArrayList<>();
        BsonDocument candidate = doc.clone();
        if (mode.get() == Mode.EDIT) {
            BsonValue id = expected.get("_id");
            if (!candidate.containsKey("_id")) {
                found.add("The _id was removed; it must stay " + BsonText.inline(id, 60));
            } else if (!candidate.get("_id").equals(id)) {
                found.add("The _id cannot change (it is " + BsonText.inline(id, 60)
                        + "); use Duplicate to create a copy with another _id");
            }
        } else if (!candidate.containsKey(collection.timeField())) {
            candidate.put(collection.timeField(), new BsonDateTime(clock.millis()));
        }
        try {
            if (mode.get() == Mode.EDIT) {
                DocumentValidator.validateChange(collection, expected, candidate);
            } else {
                DocumentValidator.validate(collection, candidate);
            }
        } catch (StorageValidationException e) {
            found.add(e.getMessage());
        }
        return found;
    }

    // ---- saving ------------------------------------------------------------------------------------------------

    /** Saves the text as it is; on any failure the text stays and the reason is shown. */
    public void save() {
        JsonDocumentParser.Result parsed = JsonDocumentParser.parse(json.get());
        if (!parsed.ok()) {
            error.set("Not saved: line " + parsed.line() + ": " + parsed.error());
            return;
        }
        if (mode.get() == Mode.INSERT) {
            insert(parsed.document());
        } else {
            update(expected, parsed.document());
        }
    }

    private void update(BsonDocument expectedNow, BsonDocument replacement) {
        SafeOperations ops = operationsOrReport();
        if (ops == null || save.isRunning()) {
            return;
        }
        started();
        String savedText = json.get();
        CacheInvalidations invalidations = ops.cacheInvalidations();
        save.execute(() -> {
            long queuedBefore = invalidations.invalidationsQueued();
            BsonDocument saved = ops.update(collection, expectedNow, replacement);
            return new Saved(saved, invalidations.invalidationsQueued() - queuedBefore);
        }, done -> {
            expected = done.document();
            baseline = savedText;
            dirty.set(!json.get().equals(baseline));
            status.set("Saved at " + now() + (done.cacheKeysQueued() == 0 ? ""
                    : ". " + CacheWarnings.notCleaned(done.cacheKeysQueued())));
            onSaved.run();
        }, this::failed);
    }

    /** A saved document, and how many of its cache keys Redis did not delete. */
    private record Saved(BsonDocument document, long cacheKeysQueued) {
    }

    private void insert(BsonDocument document) {
        SafeOperations ops = operationsOrReport();
        if (ops == null || save.isRunning()) {
            return;
        }
        DocumentStore reader = storage.manager();
        started();
        save.execute(() -> {
            BsonValue id = ops.insert(collection, document);
            return new Saved(reader.findById(collection, id).orElse(document), 0);
        }, inserted -> {
            BsonDocument stored = inserted.document();
            expected = stored;
            setMode(Mode.EDIT);
            replaceText(format(stored));
            status.set("Inserted at " + now());
            onSaved.run();
        }, this::failed);
    }

    private SafeOperations operationsOrReport() {
        try {
            return storage.operations();
        } catch (RuntimeException e) {
            error.set("Not saved: " + ErrorMessages.describe(e));
            return null;
        }
    }

    private void started() {
        error.set(null);
        errorDetails.set(null);
        status.set(null);
    }

    private void failed(Throwable e) {
        if (e instanceof StorageConflictException c) {
            JsonDocumentParser.Result yours = JsonDocumentParser.parse(json.get());
            conflict.set(new Conflict(c.current().orElse(null), yours.document()));
            error.set(c.current().isPresent()
                    ? "Not saved: someone changed this document since you loaded it. Compare, then reload or overwrite."
                    : "Not saved: this document was deleted since you loaded it.");
        } else {
            FailureMessage failure = FailureMessage.of(e);
            error.set("Not saved. " + failure.message());
            errorDetails.set(failure.details());
        }
    }

    // ---- conflict choices --------------------------------------------------------------------------------------

    /** Takes the stored version: your changes are discarded (deliberately, from the diff dialog). */
    public void reloadTheirs() {
        Conflict c = conflict.get();
        if (c == null || c.deleted()) {
            return;
        }
        expected = c.theirs();
        conflict.set(null);
        replaceText(format(c.theirs()));
        error.set(null);
        errorDetails.set(null);
        status.set("Reloaded the stored version at " + now());
    }

    /** Writes yours over theirs (re-inserts it when theirs was deleted). */
    public void overwrite() {
        Conflict c = conflict.get();
        if (c == null) {
            return;
        }
        conflict.set(null);
        if (c.deleted()) {
            setMode(Mode.INSERT);
            insert(c.yours());
        } else {
            update(c.theirs(), c.yours());
        }
    }

    /** Closes the diff and keeps editing; the next save is checked against the same loaded version again. */
    public void keepEditing() {
        conflict.set(null);
    }

    /** Whether closing now would lose typed text. */
    public boolean hasUnsavedChanges() {
        return dirty.get() || (mode.get() == Mode.INSERT && !json.get().isBlank() && status.get() == null);
    }

    private void replaceText(String text) {
        baseline = text;
        json.set(text);
        dirty.set(false);
        onJsonChanged();
    }

    private void setMode(Mode m) {
        mode.set(m);
        title.set(m == Mode.EDIT
                ? "Edit " + collection.collectionName() + " " + BsonText.inline(expected.get("_id"), 60)
                : "New document in " + collection.collectionName());
    }

    private String now() {
        return LocalTime.now(clock.withZone(ZoneId.systemDefault())).format(STATUS_TIME);
    }

    // ---- properties --------------------------------------------------------------------------------------------

    public StoreCollection collection() {
        return collection;
    }

    public List<FormField> fields() {
        return fields;
    }

    public FormField field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No form field " + name));
    }

    /** The document currently expected in the store (what the guard compares against); null for a new one. */
    public BsonDocument expected() {
        return expected == null ? null : expected.clone();
    }

    public StringProperty jsonProperty() {
        return json;
    }

    /** How {@link #jsonProperty()} is written; change it with {@link #switchNotation}. */
    public ReadOnlyObjectProperty<JsonNotation> notationProperty() {
        return notation.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty jsonErrorProperty() {
        return jsonError.getReadOnlyProperty();
    }

    /** 1-based line of the syntax error, 0 when the JSON parses. */
    public ReadOnlyIntegerProperty jsonErrorLineProperty() {
        return jsonErrorLine.getReadOnlyProperty();
    }

    /** Why the document would be refused (validator, _id rules); empty when it can be saved. */
    public ObservableList<String> problems() {
        return problems;
    }

    /**
     * Values of the loaded document that do not fit the documented types but which the edit leaves as they are
     * (e.g. "timestamp is stored as a string (left as it is)"); they do not stop a save.
     */
    public ObservableList<String> warnings() {
        return warnings;
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The technical text behind {@link #errorProperty()} (what the server said), for a details expander; or null. */
    public ReadOnlyStringProperty errorDetailsProperty() {
        return errorDetails.getReadOnlyProperty();
    }

    /** The last save failure: the sentence shown and its technical details. */
    public FailureMessage failure() {
        return new FailureMessage(error.get(), errorDetails.get());
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return save.runningProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public BooleanBinding canSaveProperty() {
        return save.executableProperty();
    }

    public ReadOnlyObjectProperty<Conflict> conflictProperty() {
        return conflict.getReadOnlyProperty();
    }
}
