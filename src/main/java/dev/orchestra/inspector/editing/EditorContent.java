package dev.orchestra.inspector.editing;

import dev.orchestra.inspector.common.BsonText;
import dev.orchestra.inspector.common.ExtendedJson;
import dev.orchestra.inspector.common.JsonNotation;
import dev.orchestra.inspector.editing.DocumentEditorViewModel.Mode;
import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.validation.DocumentValidator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
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
import org.bson.BsonValue;

/**
 * What an editor window edits, as you type: the whole document as JSON text (readable shell syntax or canonical
 * Extended JSON, both read back to the same BSON), a form for the collection's known fields kept in step with it, and
 * the checks of each change (syntax, the validator, the {@code _id} rules, values kept as stored). Saving is the
 * {@link DocumentEditorViewModel}'s; this part never touches the store.
 */
public final class EditorContent {
    private final StoreCollection collection;
    private final Clock clock;
    private final Supplier<Mode> mode;
    private final Supplier<BsonDocument> expected;
    private final List<FormField> fields;
    private final StringProperty json = new SimpleStringProperty(this, "json", "");
    private final ReadOnlyObjectWrapper<JsonNotation> notation =
            new ReadOnlyObjectWrapper<>(this, "notation", JsonNotation.READABLE);
    private final ReadOnlyStringWrapper jsonError = new ReadOnlyStringWrapper(this, "jsonError");
    private final ReadOnlyIntegerWrapper jsonErrorLine = new ReadOnlyIntegerWrapper(this, "jsonErrorLine");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private String baseline = "";
    private boolean syncing;

    /**
     * @param mode     whether the document is edited or inserted (the checks differ)
     * @param expected the stored document an edit started from (null for an insert)
     */
    EditorContent(StoreCollection collection, Clock clock, Supplier<Mode> mode, Supplier<BsonDocument> expected) {
        this.collection = collection;
        this.clock = clock;
        this.mode = mode;
        this.expected = expected;
        this.fields = KnownFields.forCollection(collection);
        json.addListener((obs, was, is) -> onJsonChanged());
        for (FormField field : fields) {
            field.textProperty().addListener((obs, was, is) -> onFieldEdited(field));
        }
    }

    /** The text as it is now, parsed. */
    JsonDocumentParser.Result parse() {
        return JsonDocumentParser.parse(json.get());
    }

    String format(BsonDocument document) {
        return ExtendedJson.format(document, notation.get());
    }

    /** New text that counts as saved (a loaded, inserted or reloaded document). */
    void replaceText(String text) {
        baseline = text;
        json.set(text);
        dirty.set(false);
        onJsonChanged();
    }

    /** {@code savedText} is what the store now holds; typing since the save started still counts as unsaved. */
    void markSaved(String savedText) {
        baseline = savedText;
        dirty.set(!json.get().equals(baseline));
    }

    /**
     * Rewrites the text in the other notation; typed changes stay (the document is re-rendered, not reloaded) and
     * still count as unsaved. Returns why it was refused (the text does not parse), or null.
     */
    String switchNotation(JsonNotation wanted) {
        if (wanted == notation.get()) {
            return null;
        }
        JsonDocumentParser.Result parsed = parse();
        if (!parsed.ok()) {
            return "Fix the JSON before switching notation (line " + parsed.line() + ": " + parsed.error() + ")";
        }
        JsonDocumentParser.Result base = JsonDocumentParser.parse(baseline);
        notation.set(wanted);
        baseline = base.ok() ? format(base.document()) : baseline;
        json.set(format(parsed.document()));
        return null;
    }

    private void onJsonChanged() {
        dirty.set(!json.get().equals(baseline));
        JsonDocumentParser.Result parsed = parse();
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
                ? DocumentValidator.keptAsStored(collection, expected.get(), parsed.document()) : List.of());
        valid.set(found.isEmpty() && fields.stream().noneMatch(FormField::hasError));
    }

    /** An edited document's value left as it was stored: kept whatever its shape (a warning says so). */
    private boolean asStored(FormField field, BsonValue value) {
        return mode.get() == Mode.EDIT && Objects.equals(expected.get().get(field.name()), value);
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
        JsonDocumentParser.Result parsed = parse();
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
            BsonValue id = expected.get().get("_id");
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
                DocumentValidator.validateChange(collection, expected.get(), candidate);
            } else {
                DocumentValidator.validate(collection, candidate);
            }
        } catch (StorageValidationException e) {
            found.add(e.getMessage());
        }
        return found;
    }

    public List<FormField> fields() {
        return fields;
    }

    public FormField field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No form field " + name));
    }

    public StringProperty jsonProperty() {
        return json;
    }

    /** How {@link #jsonProperty()} is written; change it with {@link DocumentEditorViewModel#switchNotation}. */
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

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }
}
