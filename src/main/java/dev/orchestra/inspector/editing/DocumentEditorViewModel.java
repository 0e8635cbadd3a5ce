package dev.orchestra.inspector.editing;

import dev.orchestra.inspector.common.AsyncCommand;
import dev.orchestra.inspector.common.BackgroundRunner;
import dev.orchestra.inspector.common.BsonText;
import dev.orchestra.inspector.common.CacheWarnings;
import dev.orchestra.inspector.common.ErrorMessages;
import dev.orchestra.inspector.common.FailureMessage;
import dev.orchestra.inspector.common.JsonNotation;
import dev.orchestra.inspector.common.SafeStorageHolder;
import dev.orchestra.storage.DocumentStore;
import dev.orchestra.storage.error.StorageConflictException;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.safety.SafeOperations;
import dev.orchestra.storage.schema.Schemas;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.bson.BsonDocument;
import org.bson.BsonString;

/**
 * One editor window's state: what is being edited ({@link EditorContent}: the document as JSON text and as a form,
 * checked as you type), whether it is a new document or an edit of a stored one, and saving through
 * {@link SafeOperations} with the concurrency guard, including the choices after a conflict. A failed save never
 * touches the text.
 */
public class DocumentEditorViewModel {
    public enum Mode { EDIT, INSERT }

    private static final DateTimeFormatter STATUS_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final SafeStorageHolder storage;
    private final StoreCollection collection;
    private final Clock clock;
    private final Runnable onSaved;
    private final EditorContent content;
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(this, "mode");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper errorDetails = new ReadOnlyStringWrapper(this, "errorDetails");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status");
    private final ReadOnlyObjectWrapper<EditConflict> conflict = new ReadOnlyObjectWrapper<>(this, "conflict");
    private final AsyncCommand<EditorSaves.Saved> save;
    private BsonDocument expected;

    public DocumentEditorViewModel(BackgroundRunner runner, SafeStorageHolder storage, StoreCollection collection,
                                   Mode initialMode, BsonDocument document, Clock clock, Runnable onSaved) {
        this.storage = storage;
        this.collection = collection;
        this.clock = clock;
        this.onSaved = onSaved == null ? () -> { } : onSaved;
        this.expected = initialMode == Mode.EDIT ? document.clone() : null;
        this.content = new EditorContent(collection, clock, mode::get, () -> expected);
        var valid = content.validProperty();
        var dirty = content.dirtyProperty();
        save = new AsyncCommand<>(runner, "Saving " + collection.collectionName(),
                Bindings.createBooleanBinding(() -> valid.get() && conflict.get() == null
                        && (dirty.get() || mode.get() == Mode.INSERT), valid, conflict, dirty, mode));
        setMode(initialMode);
        content.replaceText(content.format(document));
    }

    /**
     * Rewrites the text in the other notation; typed changes stay (the document is re-rendered, not reloaded) and
     * still count as unsaved. Refused, with the reason, while the text does not parse.
     */
    public boolean switchNotation(JsonNotation wanted) {
        String refused = content.switchNotation(wanted);
        if (refused != null) {
            error.set(refused);
        }
        return refused == null;
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
        return new DocumentEditorViewModel(runner, storage, collection, Mode.INSERT,
                Schemas.of(collection).newTemplate(clock.instant()), clock, onSaved);
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

    // ---- saving ------------------------------------------------------------------------------------------------

    /** Saves the text as it is; on any failure the text stays and the reason is shown. */
    public void save() {
        JsonDocumentParser.Result parsed = content.parse();
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
        String savedText = content.jsonProperty().get();
        save.execute(EditorSaves.update(ops, collection, expectedNow, replacement), done -> {
            expected = done.document();
            content.markSaved(savedText);
            status.set("Saved at " + now() + (done.cacheKeysQueued() == 0 ? ""
                    : ". " + CacheWarnings.notCleaned(done.cacheKeysQueued())));
            onSaved.run();
        }, this::failed);
    }

    private void insert(BsonDocument document) {
        SafeOperations ops = operationsOrReport();
        if (ops == null || save.isRunning()) {
            return;
        }
        DocumentStore reader = storage.manager();
        started();
        save.execute(EditorSaves.insert(ops, reader, collection, document), inserted -> {
            BsonDocument stored = inserted.document();
            expected = stored;
            setMode(Mode.EDIT);
            content.replaceText(content.format(stored));
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
            JsonDocumentParser.Result yours = content.parse();
            conflict.set(new EditConflict(c.current().orElse(null), yours.document()));
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
        EditConflict c = conflict.get();
        if (c == null || c.deleted()) {
            return;
        }
        expected = c.theirs();
        conflict.set(null);
        content.replaceText(content.format(c.theirs()));
        error.set(null);
        errorDetails.set(null);
        status.set("Reloaded the stored version at " + now());
    }

    /** Writes yours over theirs (re-inserts it when theirs was deleted). */
    public void overwrite() {
        EditConflict c = conflict.get();
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
        return content.dirtyProperty().get()
                || (mode.get() == Mode.INSERT && !content.jsonProperty().get().isBlank() && status.get() == null);
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

    /** The text and the form being edited, with what is wrong with them. */
    public EditorContent content() {
        return content;
    }

    /** The document currently expected in the store (what the guard compares against); null for a new one. */
    public BsonDocument expected() {
        return expected == null ? null : expected.clone();
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

    public BooleanBinding canSaveProperty() {
        return save.executableProperty();
    }

    public ReadOnlyObjectProperty<EditConflict> conflictProperty() {
        return conflict.getReadOnlyProperty();
    }
}
