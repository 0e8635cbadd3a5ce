package dev.orchestra.inspector.editing;

import dev.orchestra.inspector.common.AsyncCommand;
import dev.orchestra.inspector.common.BackgroundRunner;
import dev.orchestra.inspector.common.DialogService;
import dev.orchestra.inspector.common.ErrorMessages;
import dev.orchestra.inspector.common.SafeStorageHolder;
import dev.orchestra.storage.DocumentStore;
import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.schema.Fields;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.SessionSummary;
import dev.orchestra.storage.model.StoreCollection;
import java.time.Clock;
import java.util.UUID;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * "Edit session record" and "Create session record" for the sessions view: opens the shared document editor on the
 * selected session's {@code user_sessions} document, or on a new one for a session that has items but no record.
 * Saving goes through {@link dev.orchestra.storage.safety.SafeOperations} like every other edit (write lock,
 * validation, concurrency guard, audit; the tiered manager drops {@code session:{user}:{session}}).
 */
public class SessionRecordActionsViewModel {
    private final BackgroundRunner runner;
    private final SafeStorageHolder storage;
    private final EditorWindows editors;
    private final DialogService dialogs;
    private final Clock clock;
    private final ObjectProperty<SessionSummary> selected;
    private final Runnable afterChange;
    private final AsyncCommand<BsonDocument> recordLoad;
    private final BooleanBinding canEdit;
    private final BooleanBinding canCreate;

    public SessionRecordActionsViewModel(BackgroundRunner runner, SafeStorageHolder storage, EditorWindows editors,
                                         DialogService dialogs, Clock clock, ObjectProperty<SessionSummary> selected,
                                         Runnable afterChange) {
        this.runner = runner;
        this.storage = storage;
        this.editors = editors;
        this.dialogs = dialogs;
        this.clock = clock;
        this.selected = selected;
        this.afterChange = afterChange;
        this.recordLoad = new AsyncCommand<>(runner, "Loading the session record");
        canEdit = Bindings.createBooleanBinding(() -> {
            SessionSummary s = selected.get();
            return s != null && s.sessionId() != null && s.hasSessionRecord();
        }, selected);
        canCreate = Bindings.createBooleanBinding(() -> {
            SessionSummary s = selected.get();
            return s != null && s.sessionId() != null && !s.hasSessionRecord();
        }, selected);
    }

    /** Loads the whole record (the guard's expectation) in the background, then opens the editor on it. */
    public void editRecord() {
        SessionSummary s = selected.get();
        if (!canEdit.get()) {
            return;
        }
        DocumentStore manager;
        try {
            manager = storage.manager();
        } catch (RuntimeException e) {
            dialogs.showError("Cannot edit the session record", ErrorMessages.describe(e));
            return;
        }
        recordLoad.execute(() -> loadRecord(manager, s.userId(), s.sessionId()),
                record -> editors.open(DocumentEditorViewModel.edit(runner, storage, StoreCollection.USER_SESSIONS,
                        record, clock, afterChange)),
                e -> dialogs.showError("Cannot edit the session record", ErrorMessages.describe(e)));
    }

    /** Opens an insert editor prefilled with the session's user, id, persona and created_at/updated_at = now. */
    public void createRecord() {
        SessionSummary s = selected.get();
        if (!canCreate.get()) {
            return;
        }
        editors.open(new DocumentEditorViewModel(runner, storage, StoreCollection.USER_SESSIONS,
                DocumentEditorViewModel.Mode.INSERT, draftFor(s), clock, afterChange));
    }

    BsonDocument draftFor(SessionSummary s) {
        BsonDateTime now = new BsonDateTime(clock.millis());
        return new BsonDocument("_id", new BsonString(UUID.randomUUID().toString()))
                .append(Fields.USER_ID, new BsonString(s.userId()))
                .append("session_id", new BsonString(s.sessionId()))
                .append("created_at", now)
                .append("updated_at", now)
                .append("persona_active", s.personaActive() == null ? BsonNull.VALUE : new BsonString(s.personaActive()))
                .append("metadata", new BsonDocument());
    }

    /** Found by the session lookup (cached by the tiered manager), then read whole by {@code _id}. */
    private static BsonDocument loadRecord(DocumentStore manager, String userId, String sessionId) {
        var page = manager.findPage(StoreCollection.USER_SESSIONS, DocumentFilter.forSession(userId, sessionId),
                PageRequest.first(1));
        BsonValue id = page.items().isEmpty() ? null : page.items().get(0).get("_id");
        BsonDocument record = id == null ? null
                : manager.findById(StoreCollection.USER_SESSIONS, id).orElse(null);
        if (record == null) {
            throw new StorageValidationException("Session " + sessionId + " of " + userId
                    + " has no user_sessions record (any more); use Create session record");
        }
        return record;
    }

    public BooleanBinding canEditProperty() {
        return canEdit;
    }

    public BooleanBinding canCreateProperty() {
        return canCreate;
    }
}
