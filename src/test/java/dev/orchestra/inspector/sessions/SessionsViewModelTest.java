package dev.orchestra.inspector.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.inspector.TestData;
import dev.orchestra.inspector.ViewModelFixture;
import dev.orchestra.inspector.common.Navigator;
import dev.orchestra.inspector.common.SameThreadRunner;
import dev.orchestra.storage.ForwardingMemoryManager;
import dev.orchestra.storage.inmemory.InMemoryMemoryManager;
import dev.orchestra.storage.model.BulkProgress;
import dev.orchestra.storage.model.RecordlessSessions;
import dev.orchestra.storage.model.SessionSummary;
import dev.orchestra.storage.model.StoreCollection;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionsViewModelTest {
    private final InMemoryMemoryManager store = new InMemoryMemoryManager();
    private final List<String> shownItems = new ArrayList<>();
    private ViewModelFixture fx;
    private SessionsViewModel model;

    @BeforeEach
    void setUp() {
        fx = new ViewModelFixture(new SameThreadRunner(), store);
        TranscriptViewModel transcript = new TranscriptViewModel(fx.runner, fx.store, fx.secrets, 2);
        model = new SessionsViewModel(fx.runner, fx.store, transcript, new Navigator() {
            @Override
            public void showConversation(String userId, String sessionId) {
            }

            @Override
            public void showMemoryItems(String userId, String sessionId) {
                shownItems.add(userId + "/" + sessionId);
            }
        });
    }

    private SessionSummary session(String user, String id) {
        return model.sessions().stream().filter(s -> s.userId().equals(user) && id.equals(s.sessionId()))
                .findFirst().orElseThrow();
    }

    @Test
    void listsTheRecordedSessionsOnOpenAndTheRestOnlyWhenScanned() {
        TestData.conversation(store);
        store.insert(StoreCollection.USER_SESSIONS, new BsonDocument("user_id", new BsonString("alice"))
                .append("session_id", new BsonString("s-chat"))
                .append("persona_active", new BsonString("travel_agent")));
        store.insert(StoreCollection.USER_SESSIONS, new BsonDocument("user_id", new BsonString("bob"))
                .append("session_id", new BsonString("s-empty"))
                .append("updated_at", new BsonDateTime(TestData.T0.toEpochMilli())));
        TestData.bulkItems(store, 3); // bulk/s-bulk has no record
        fx.store.connect();

        assertThat(model.sessions()).extracting(SessionSummary::sessionId).containsExactlyInAnyOrder("s-chat", "s-empty");
        assertThat(session("alice", "s-chat").itemCount()).isEqualTo(5);
        assertThat(session("alice", "s-chat").firstActivity()).isEqualTo(TestData.T0);
        assertThat(session("bob", "s-empty").isEmptyRecord()).isTrue();
        assertThat(model.summaryProperty().get()).isEqualTo("2 sessions · 1 without items");

        model.findSessionsWithoutRecord();

        assertThat(model.sessions()).hasSize(3);
        assertThat(session("bulk", "s-bulk").isOrphanItems()).isTrue();
        assertThat(session("bulk", "s-bulk").itemCount()).isEqualTo(3);
        assertThat(model.summaryProperty().get()).isEqualTo("2 sessions · 1 without items · 1 without a record"
                + " · 8 items read");
        assertThat(model.scanCommand().progressProperty().get()).isEqualTo(1.0);

        model.userField().textProperty().set("alice");
        model.load();
        assertThat(model.sessions()).extracting(SessionSummary::userId).containsOnly("alice");
        assertThat(model.summaryProperty().get()).doesNotContain("without a record");
    }

    @Test
    void stoppingTheScanKeepsWhatItFoundAndSaysItStopped() {
        for (int i = 0; i < 2_500; i++) {
            store.insert(StoreCollection.MEMORY_ITEMS, TestData.item("b-" + i, "bulk", "s-" + (i % 2), "fact",
                    "item " + i, TestData.T0.plusSeconds(i), null));
        }
        ViewModelFixture stopping = new ViewModelFixture(new SameThreadRunner(), new ForwardingMemoryManager(store) {
            @Override
            public RecordlessSessions findSessionsWithoutRecord(String userId, int limit, BulkProgress progress) {
                // the user presses Stop while the first batch is being read
                return super.findSessionsWithoutRecord(userId, limit, (done, total) -> {
                    model.stopScan();
                    return progress.onBatch(done, total);
                });
            }
        });
        model = new SessionsViewModel(stopping.runner, stopping.store,
                new TranscriptViewModel(stopping.runner, stopping.store, stopping.secrets, 2), new Navigator() {
                    @Override
                    public void showConversation(String userId, String sessionId) {
                    }

                    @Override
                    public void showMemoryItems(String userId, String sessionId) {
                    }
                });
        stopping.store.connect();

        model.findSessionsWithoutRecord();

        assertThat(model.sessions()).isNotEmpty().allMatch(SessionSummary::isOrphanItems);
        assertThat(model.summaryProperty().get()).contains("(scan stopped)").contains("1,000 items read");
        assertThat(model.scanCommand().isRunning()).isFalse();
    }

    private void record(String user, String session) {
        store.insert(StoreCollection.USER_SESSIONS, new BsonDocument("user_id", new BsonString(user))
                .append("session_id", new BsonString(session)));
    }

    @Test
    void openingASessionShowsItsConversationInTimeOrderPagedFromTheNewest() {
        List<String> texts = TestData.conversation(store);
        record("alice", "s-chat");
        TestData.bulkItems(store, 4);
        fx.store.connect();
        model.selectedProperty().set(session("alice", "s-chat"));

        model.openSelected();

        TranscriptViewModel transcript = model.transcript();
        // page size 2: the newest two first, in chronological order
        assertThat(transcript.messages()).extracting(ChatMessage::text).containsExactly(texts.get(3), texts.get(4));
        assertThat(transcript.hasOlderProperty().get()).isTrue();
        transcript.loadOlder();
        transcript.loadOlder();
        assertThat(transcript.messages()).extracting(ChatMessage::text).containsExactlyElementsOf(texts);
        assertThat(transcript.hasOlderProperty().get()).isFalse();
        assertThat(transcript.messages()).extracting(ChatMessage::role).containsExactly(ChatMessage.Role.USER,
                ChatMessage.Role.ASSISTANT, ChatMessage.Role.TOOL, ChatMessage.Role.USER, ChatMessage.Role.ASSISTANT);
        assertThat(transcript.messages().get(2).toolName()).isEqualTo("search_flights");
    }

    @Test
    void openSessionFromAnotherViewSelectsItsRow() {
        TestData.conversation(store);
        record("alice", "s-chat");
        fx.store.connect();

        model.openSession("alice", "s-chat");

        assertThat(model.selectedProperty().get().sessionId()).isEqualTo("s-chat");
        assertThat(model.transcript().messages()).isNotEmpty();
        model.showItems();
        assertThat(shownItems).containsExactly("alice/s-chat");
    }

    @Test
    void itemsWithoutASessionAreTheUsersNoSessionConversation() {
        TestData.conversation(store);
        BsonDocument missing = TestData.item("h-1", "alice", "x", "fact", "prefers window seats",
                TestData.T0.plusSeconds(100), null);
        missing.remove("session_id");
        store.insert(StoreCollection.MEMORY_ITEMS, missing);
        store.insert(StoreCollection.MEMORY_ITEMS, TestData.item("h-2", "alice", "x", "fact", "vegetarian",
                TestData.T0.plusSeconds(200), null).append("session_id", BsonNull.VALUE));
        fx.store.connect();
        assertThat(model.sessions()).isEmpty(); // neither has a user_sessions record

        model.findSessionsWithoutRecord();

        SessionSummary noSession = model.sessions().stream().filter(SessionSummary::isNoSession).findFirst()
                .orElseThrow();
        assertThat(noSession.userId()).isEqualTo("alice");
        assertThat(noSession.itemCount()).isEqualTo(2);
        assertThat(model.summaryProperty().get())
                .isEqualTo("0 sessions · 1 without a record · 7 items read"); // s-chat, and alice's (no session)

        model.selectedProperty().set(noSession);
        model.openSelected();

        assertThat(model.transcript().messages()).extracting(ChatMessage::text)
                .containsExactly("prefers window seats", "vegetarian");
        model.openSession("alice", null);
        assertThat(model.selectedProperty().get()).isSameAs(noSession);
    }

    @Test
    void aFailedLoadIsShownInPlace() {
        TestData.conversation(store);
        fx.store.connect();
        store.simulateOutage(true);

        model.load();
        model.openSession("alice", "s-chat");

        assertThat(model.errorProperty().get()).startsWith("Cannot reach the server");
        assertThat(model.transcript().errorProperty().get()).startsWith("Cannot reach the server");
    }

    @Test
    void aHiddenSessionsViewListsWhenFirstShown() {
        TestData.conversation(store);
        record("alice", "s-chat");
        model.setShowing(false);
        fx.store.connect();
        assertThat(model.sessions()).isEmpty();

        model.setShowing(true);

        assertThat(model.sessions()).extracting(SessionSummary::sessionId).containsExactly("s-chat");
    }
}
