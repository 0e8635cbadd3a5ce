package dev.orchestra.inspector.editing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.inspector.ViewModelFixture.RecordingDialogs;
import dev.orchestra.storage.model.BulkProgress;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.SessionSummary;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.safety.AuditEntry;
import dev.orchestra.storage.safety.WriteLock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleObjectProperty;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

class SessionRecordActionsViewModelTest {
    private EditingFixture f = new EditingFixture();
    private final List<DocumentEditorViewModel> opened = new ArrayList<>();
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final SimpleObjectProperty<SessionSummary> selected = new SimpleObjectProperty<>();
    private final AtomicInteger changes = new AtomicInteger();
    private SessionRecordActionsViewModel actions = newActions();

    private SessionRecordActionsViewModel newActions() {
        return new SessionRecordActionsViewModel(f.runner, f.storage, opened::add, dialogs, f.clock, selected,
                changes::incrementAndGet);
    }

    private void storeItem(String user, String session) {
        f.raw.insert(StoreCollection.MEMORY_ITEMS, new BsonDocument("user_id", new BsonString(user))
                .append("session_id", new BsonString(session))
                .append("timestamp", new BsonDateTime(1_700_000_000_000L))
                .append("item_type", new BsonString("conversation"))
                .append("text_content", new BsonString("hi")));
    }

    private void select(String user, String session) {
        // a session that has only items is listed by the scan, one with a record by the list
        selected.set(Stream.concat(f.raw.listSessions(user, 10).stream(),
                        f.raw.findSessionsWithoutRecord(user, 10, BulkProgress.IGNORE).sessions().stream())
                .filter(s -> session.equals(s.sessionId())).findFirst().orElseThrow());
    }

    private List<BsonDocument> records(String user, String session) {
        return f.raw.findPage(StoreCollection.USER_SESSIONS, DocumentFilter.forSession(user, session),
                PageRequest.first(10)).items();
    }

    private List<String> auditActions() {
        return f.ops().audit().list(PageRequest.first(50)).items().stream().map(AuditEntry::action).toList();
    }

    @Test
    void editsTheSessionRecordThroughTheSharedEditorKeepingUnknownFields() {
        storeItem("alice", "s1");
        BsonDocument record = new BsonDocument("_id", new BsonString("rec-1"))
                .append("user_id", new BsonString("alice")).append("session_id", new BsonString("s1"))
                .append("created_at", new BsonDateTime(1_600_000_000_000L))
                .append("persona_active", new BsonString("helper"))
                .append("written_by_python", new BsonString("kept"));
        f.raw.insert(StoreCollection.USER_SESSIONS, record);
        select("alice", "s1");
        assertThat(actions.canEditProperty().get()).isTrue();
        assertThat(actions.canCreateProperty().get()).isFalse();

        actions.editRecord();

        assertThat(dialogs.errors).isEmpty();
        assertThat(opened).hasSize(1);
        DocumentEditorViewModel editor = opened.get(0);
        assertThat(editor.modeProperty().get()).isEqualTo(DocumentEditorViewModel.Mode.EDIT);
        assertThat(editor.collection()).isEqualTo(StoreCollection.USER_SESSIONS);
        assertThat(editor.expected()).isEqualTo(records("alice", "s1").get(0));
        editor.content().field("persona_active").textProperty().set("tutor");
        editor.save();

        assertThat(editor.errorProperty().get()).isNull();
        BsonDocument saved = records("alice", "s1").get(0);
        assertThat(saved.getString("persona_active").getValue()).isEqualTo("tutor");
        assertThat(saved.getString("written_by_python").getValue()).isEqualTo("kept");
        assertThat(saved.get("created_at")).isEqualTo(new BsonDateTime(1_600_000_000_000L));
        assertThat(changes).hasValue(1);
        assertThat(auditActions()).contains("update");
    }

    @Test
    void createsTheMissingRecordOfASessionThatHasOnlyItems() {
        storeItem("bob", "s2");
        select("bob", "s2");
        assertThat(selected.get().isOrphanItems()).isTrue();
        assertThat(actions.canEditProperty().get()).isFalse();
        assertThat(actions.canCreateProperty().get()).isTrue();

        actions.createRecord();

        assertThat(opened).hasSize(1);
        DocumentEditorViewModel editor = opened.get(0);
        assertThat(editor.modeProperty().get()).isEqualTo(DocumentEditorViewModel.Mode.INSERT);
        assertThat(editor.content().field("user_id").textProperty().get()).isEqualTo("bob");
        assertThat(editor.content().field("session_id").textProperty().get()).isEqualTo("s2");
        assertThat(editor.canSaveProperty().get()).isTrue();
        editor.save();

        assertThat(editor.errorProperty().get()).isNull();
        List<BsonDocument> stored = records("bob", "s2");
        assertThat(stored).hasSize(1);
        BsonDateTime now = new BsonDateTime(f.clock.millis());
        assertThat(stored.get(0).get("created_at")).isEqualTo(now);
        assertThat(stored.get(0).get("updated_at")).isEqualTo(now);
        assertThat(changes).hasValue(1);
        assertThat(auditActions()).contains("insert");
        select("bob", "s2");
        assertThat(selected.get().hasSessionRecord()).isTrue();
        assertThat(actions.canCreateProperty().get()).isFalse();
    }

    @Test
    void readOnlyModeRefusesTheNewRecordAndKeepsTheText() {
        f = new EditingFixture(WriteLock.locked("test"));
        actions = newActions();
        storeItem("carol", "s3");
        select("carol", "s3");

        actions.createRecord();
        DocumentEditorViewModel editor = opened.get(0);
        String typed = editor.content().jsonProperty().get();
        editor.save();

        assertThat(editor.errorProperty().get()).containsIgnoringCase("read-only");
        assertThat(editor.content().jsonProperty().get()).isEqualTo(typed);
        assertThat(records("carol", "s3")).isEmpty();
        assertThat(changes).hasValue(0);
    }

    @Test
    void aRecordDeletedMeanwhileIsReportedNotOpened() {
        storeItem("dave", "s4");
        f.raw.insert(StoreCollection.USER_SESSIONS, new BsonDocument("_id", new BsonString("rec-4"))
                .append("user_id", new BsonString("dave")).append("session_id", new BsonString("s4")));
        select("dave", "s4");
        f.raw.delete(StoreCollection.USER_SESSIONS, new BsonString("rec-4"));

        actions.editRecord();

        assertThat(opened).isEmpty();
        assertThat(dialogs.errors).singleElement().asString().contains("no user_sessions record");
    }
}
