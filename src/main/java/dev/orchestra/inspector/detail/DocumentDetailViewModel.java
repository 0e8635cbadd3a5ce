package dev.orchestra.inspector.detail;

import dev.orchestra.inspector.common.BackgroundRunner;
import dev.orchestra.inspector.common.AsyncCommand;
import dev.orchestra.inspector.common.DialogService;
import dev.orchestra.inspector.common.DocumentRow;
import dev.orchestra.inspector.common.ErrorMessages;
import dev.orchestra.inspector.common.ExtendedJson;
import dev.orchestra.inspector.common.SchemaCheck;
import dev.orchestra.inspector.common.SecretDisplay;
import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.storage.DocumentStore;
import dev.orchestra.storage.model.StoreCollection;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The detail pane's state: one whole document (loaded with {@code findById} when a row is selected), shown as
 * Extended JSON or as a tree, secrets masked unless revealed. The editing feature builds on {@link #documentProperty()}
 * (exactly what was read, for the concurrency guard), {@link #collectionProperty()} and {@link #reload()}.
 */
public class DocumentDetailViewModel {
    private final StoreConnection store;
    private final SecretDisplay secrets;
    private final DialogService dialogs;

    private final ReadOnlyObjectWrapper<StoreCollection> collection = new ReadOnlyObjectWrapper<>(this, "collection");
    private final ReadOnlyObjectWrapper<BsonValue> documentId = new ReadOnlyObjectWrapper<>(this, "documentId");
    private final ReadOnlyObjectWrapper<BsonDocument> document = new ReadOnlyObjectWrapper<>(this, "document");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final BooleanProperty canonical = new SimpleBooleanProperty(this, "canonical", false);
    private final ObservableList<String> issues = FXCollections.observableArrayList();
    private final ObservableList<String> secretPaths = FXCollections.observableArrayList();
    private final ObjectBinding<BsonDocument> displayed;
    private final StringBinding json;
    private final AsyncCommand<Optional<BsonDocument>> load;

    public DocumentDetailViewModel(BackgroundRunner runner, StoreConnection store, SecretDisplay secrets,
                                   DialogService dialogs) {
        this.store = store;
        this.load = new AsyncCommand<>(runner, "Loading document");
        this.secrets = secrets;
        this.dialogs = dialogs;
        displayed = Bindings.createObjectBinding(() -> {
            BsonDocument d = document.get();
            return d == null || secrets.isRevealed() ? d : secrets.masker().mask(d);
        }, document, secrets.revealedProperty());
        json = Bindings.createStringBinding(() -> ExtendedJson.format(displayed.get(), canonical.get()),
                displayed, canonical);
    }

    /** Shows the row's list projection at once, then the whole stored document. */
    public void show(DocumentRow row) {
        if (row == null) {
            clear();
            return;
        }
        show(row.collection(), row.id(), row.document());
    }

    public void show(StoreCollection coll, BsonValue id, BsonDocument preview) {
        load.cancel();
        collection.set(coll);
        documentId.set(id);
        setDocument(preview);
        error.set(null);
        if (id == null) {
            error.set("This document has no _id; only the listed fields are shown.");
            return;
        }
        load(coll, id);
    }

    /** Shows a value that is not a stored document (a Redis value): no collection, no id, nothing to reload. */
    public void showDetached(BsonDocument value) {
        load.cancel();
        collection.set(null);
        documentId.set(null);
        error.set(null);
        setDocument(value);
    }

    public void reload() {
        if (collection.get() != null && documentId.get() != null) {
            load(collection.get(), documentId.get());
        }
    }

    private void load(StoreCollection coll, BsonValue id) {
        DocumentStore manager;
        try {
            manager = store.current();
        } catch (RuntimeException e) {
            error.set(ErrorMessages.describe(e));
            return;
        }
        load.execute(() -> manager.findById(coll, id), found -> {
            if (found.isPresent()) {
                error.set(null); // e.g. restored by an undo since the last load
                setDocument(found.get());
            } else {
                // Nothing left to edit, duplicate or delete: the actions bound to the document go disabled.
                setDocument(null);
                error.set("This document no longer exists (deleted).");
            }
        }, e -> error.set(ErrorMessages.describe(e)));
    }

    public void clear() {
        load.cancel();
        collection.set(null);
        documentId.set(null);
        error.set(null);
        setDocument(null);
    }

    public void cancel() {
        load.cancel();
    }

    /** Copies the JSON as shown (secrets stay masked unless revealed). */
    public void copyJson() {
        if (document.get() != null) {
            dialogs.copyToClipboard(json.get());
        }
    }

    private void setDocument(BsonDocument d) {
        document.set(d);
        StoreCollection coll = collection.get();
        issues.setAll(d == null || coll == null ? List.of() : SchemaCheck.issues(coll, d));
        secretPaths.setAll(d == null ? List.of() : secrets.masker().secretPaths(d));
    }

    /** The document exactly as read from the store (unmasked); null when nothing is selected. */
    public ReadOnlyObjectProperty<BsonDocument> documentProperty() {
        return document.getReadOnlyProperty();
    }

    /** The document as displayed: masked unless secrets are revealed. */
    public ObjectBinding<BsonDocument> displayedDocument() {
        return displayed;
    }

    public StringBinding jsonProperty() {
        return json;
    }

    public ReadOnlyObjectProperty<StoreCollection> collectionProperty() {
        return collection.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BsonValue> documentIdProperty() {
        return documentId.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return load.runningProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public BooleanProperty canonicalProperty() {
        return canonical;
    }

    public BooleanProperty revealSecretsProperty() {
        return secrets.revealedProperty();
    }

    public ObservableList<String> issues() {
        return issues;
    }

    public ObservableList<String> secretPaths() {
        return secretPaths;
    }
}
