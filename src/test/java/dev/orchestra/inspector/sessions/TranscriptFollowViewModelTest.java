package dev.orchestra.inspector.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orchestra.inspector.TestData;
import dev.orchestra.inspector.ViewModelFixture;
import dev.orchestra.inspector.common.ManualRunner;
import dev.orchestra.storage.inmemory.InMemoryMemoryManager;
import dev.orchestra.storage.model.StoreCollection;
import java.time.Duration;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TranscriptFollowViewModelTest {
    private final InMemoryMemoryManager store = new InMemoryMemoryManager();
    private final ManualRunner runner = new ManualRunner();
    private TranscriptViewModel transcript;
    private TranscriptFollowViewModel follow;
    private int listReplacements;

    @BeforeEach
    void setUp() {
        ViewModelFixture fx = new ViewModelFixture(runner, store);
        TestData.conversation(store);
        TestData.bulkItems(store, 3);
        transcript = new TranscriptViewModel(runner, fx.store, fx.secrets, 50);
        // A period no test outlives: the test ticks by hand.
        follow = new TranscriptFollowViewModel(runner, fx.store, transcript, Duration.ofHours(1));
        fx.store.connect();
        runner.runAll();
        transcript.open("alice", "s-chat");
        runner.runAll();
        transcript.messages().addListener((ListChangeListener<ChatMessage>) c -> {
            while (c.next()) {
                if (c.getRemovedSize() > 1 || c.getAddedSize() > 1) {
                    listReplacements++;
                }
            }
        });
    }

    private List<String> texts() {
        return transcript.messages().stream().map(ChatMessage::text).toList();
    }

    private static BsonDocument chat(String id, int secondsAfterT0, String text) {
        return TestData.item(id, "alice", "s-chat", "conversation", text,
                TestData.T0.plusSeconds(secondsAfterT0), "user");
    }

    @Test
    void newEditedAndDeletedItemsReachTheOpenTranscriptInPlace() {
        follow.followingProperty().set(true);
        runner.runAll();
        assertThat(follow.statusProperty().get()).isEqualTo("Following · polling every 3600 s");
        assertThat(texts()).hasSize(5);

        store.insert(StoreCollection.MEMORY_ITEMS, chat("new-1", 100, "written by Orchestra"));
        store.insert(StoreCollection.MEMORY_ITEMS, TestData.item("other", "alice", "s-other", "conversation",
                "another session", TestData.T0.plusSeconds(200), "user"));
        follow.tick();
        runner.runAll();
        assertThat(texts()).hasSize(6).endsWith("written by Orchestra");

        BsonDocument first = store.findById(StoreCollection.MEMORY_ITEMS, new BsonString("chat-0")).orElseThrow();
        store.replace(StoreCollection.MEMORY_ITEMS, first, first.clone().append("text_content",
                new BsonString("Hello, edited")));
        store.delete(StoreCollection.MEMORY_ITEMS, new BsonString("chat-1"));
        store.insert(StoreCollection.MEMORY_ITEMS, chat("late-but-older", 15, "arrived late, belongs between"));
        follow.tick();
        runner.runAll();

        assertThat(texts()).containsExactly("Hello, edited", "arrived late, belongs between",
                "call search_flights(LIS)", "Lisbon, in June.", "Here are three options for Lisbon in June.",
                "written by Orchestra");
        assertThat(listReplacements).as("changes are applied one by one, never by reloading the list").isZero();
    }

    @Test
    void aDeletionBeforeFollowStartedIsNoticedByTheFirstCompleteRead() {
        store.delete(StoreCollection.MEMORY_ITEMS, new BsonString("chat-4"));

        follow.followingProperty().set(true);
        runner.runAll();

        assertThat(texts()).hasSize(4).doesNotContain("Here are three options for Lisbon in June.");
    }

    @Test
    void closingOrSwitchingTheSessionOrHidingTheTranscriptStopsFollowingAndItsThread() {
        follow.followingProperty().set(true);
        runner.runAll();
        assertThat(followThreads()).isEqualTo(1);

        transcript.close();
        assertThat(follow.followingProperty().get()).isFalse();
        assertThat(follow.statusProperty().get()).isEmpty();
        awaitNoFollowThread();

        transcript.open("bulk", "s-bulk");
        runner.runAll();
        follow.followingProperty().set(true);
        runner.runAll();
        transcript.open("alice", "s-chat");
        assertThat(follow.followingProperty().get()).isFalse();
        awaitNoFollowThread();

        follow.followingProperty().set(true);
        runner.runAll();
        follow.showingProperty().set(false);
        assertThat(follow.followingProperty().get()).isFalse();
        awaitNoFollowThread();
        follow.followingProperty().set(true);
        assertThat(follow.followingProperty().get()).as("nothing to follow while hidden").isFalse();
    }

    @Test
    void aTickAfterStoppingChangesNothing() {
        follow.followingProperty().set(true);
        runner.runAll();
        follow.tick(); // queued, not yet run
        follow.followingProperty().set(false);
        store.insert(StoreCollection.MEMORY_ITEMS, chat("after-stop", 300, "not shown"));
        runner.runAll();
        follow.tick();
        runner.runAll();

        assertThat(texts()).doesNotContain("not shown");
        awaitNoFollowThread();
    }

    private static long followThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().equals(TranscriptFollowViewModel.THREAD_NAME)).count();
    }

    private static void awaitNoFollowThread() {
        await().atMost(Duration.ofSeconds(10)).until(() -> followThreads() == 0);
    }
}
