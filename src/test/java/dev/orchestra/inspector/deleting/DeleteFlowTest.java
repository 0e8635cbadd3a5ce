package dev.orchestra.inspector.deleting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.inspector.common.SecretDisplay;
import dev.orchestra.inspector.common.SecretMasker;
import dev.orchestra.inspector.editing.EditingFixture;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.StoreCollection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.junit.jupiter.api.Test;

public class DeleteFlowTest {
    private final EditingFixture f = new EditingFixture();
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private int refreshes;

    private DeleteFlow flow(int batchSize) {
        return new DeleteFlow(f.runner, f.storage, dialogs, new SecretDisplay(new SecretMasker()), batchSize);
    }

    private List<BsonValue> seed(String session, int n) {
        List<BsonValue> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(f.raw.insert(StoreCollection.MEMORY_ITEMS, new BsonDocument("user_id", new BsonString("u"))
                    .append("session_id", new BsonString(session)).append("item_type", new BsonString("conversation"))
                    .append("timestamp", new BsonDateTime(1_700_000_000_000L + i))
                    .append("text_content", new BsonString("m" + i))));
        }
        return ids;
    }

    private long count(String session) {
        return f.raw.count(StoreCollection.MEMORY_ITEMS, DocumentFilter.forSession("u", session)).value();
    }

    @Test
    void smallSelectionShowsCountAndSampleWithoutTyping() {
        List<BsonValue> ids = seed("s", 3);
        flow(10).start(new DeleteRequest.Selection(StoreCollection.MEMORY_ITEMS, ids), () -> refreshes++);
        DeleteConfirmationViewModel c = dialogs.confirmations.get(0);
        assertThat(c.count()).isEqualTo(3);
        assertThat(c.countText()).startsWith("3 documents");
        assertThat(c.sampleLines()).hasSize(3).allMatch(l -> l.contains("user_id: u"));
        assertThat(c.requiresTypedConfirmation()).isFalse();
        assertThat(count("s")).isZero();
        assertThat(refreshes).isEqualTo(1);
    }

    @Test
    void moreThanHundredNeedsTheCountTyped() {
        seed("big", 101);
        dialogs.typed = "100";
        var flow = flow(50);
        flow.start(new DeleteRequest.Matching(StoreCollection.MEMORY_ITEMS, DocumentFilter.forSession("u", "big")),
                () -> refreshes++);
        DeleteConfirmationViewModel c = dialogs.confirmations.get(0);
        assertThat(c.requiresTypedConfirmation()).isTrue();
        assertThat(c.typingPrompt()).contains("101");
        assertThat(count("big")).isEqualTo(101); // "100" does not confirm
        assertThat(flow.lastMessageProperty().get()).contains("nothing was deleted");

        dialogs.typed = "101";
        flow.start(new DeleteRequest.Matching(StoreCollection.MEMORY_ITEMS, DocumentFilter.forSession("u", "big")),
                () -> refreshes++);
        assertThat(count("big")).isZero();
        assertThat(flow.lastMessageProperty().get()).isEqualTo("Deleted exactly 101 documents.");
    }

    @Test
    void aSessionNeedsItsIdTypedAndGoesWithItsRecord() {
        seed("s-9", 2);
        f.raw.insert(StoreCollection.USER_SESSIONS, new BsonDocument("user_id", new BsonString("u"))
                .append("session_id", new BsonString("s-9")));
        dialogs.typed = "s-9";
        flow(10).start(new DeleteRequest.Session("u", "s-9"), () -> refreshes++);
        assertThat(dialogs.confirmations.get(0).typingPrompt()).contains("session id s-9");
        assertThat(count("s-9")).isZero();
        assertThat(f.raw.count(StoreCollection.USER_SESSIONS, DocumentFilter.forSession("u", "s-9")).value()).isZero();
        assertThat(dialogs.notifications.get(0)).isEqualTo("Deleted exactly 3 documents.");
    }

    @Test
    void cancelBetweenBatchesReportsTheExactCount() {
        seed("bulk", 120);
        dialogs.typed = "120";
        dialogs.cancelWhen = bulk -> bulk.doneProperty().get() >= 30;
        var flow = flow(10);
        flow.start(new DeleteRequest.Matching(StoreCollection.MEMORY_ITEMS, DocumentFilter.forSession("u", "bulk")),
                () -> refreshes++);
        assertThat(flow.lastOutcomeProperty().get().deleted()).isEqualTo(30);
        assertThat(flow.lastOutcomeProperty().get().cancelled()).isTrue();
        assertThat(flow.lastMessageProperty().get()).contains("exactly 30 documents of 120");
        assertThat(count("bulk")).isEqualTo(90);
    }

    @Test
    void theProgressWindowSeesTheOutcomeWhenTheDeleteStopsRunning() {
        List<BsonValue> ids = seed("done", 4);
        flow(3).start(new DeleteRequest.Selection(StoreCollection.MEMORY_ITEMS, ids), () -> refreshes++);

        assertThat(dialogs.outcomesWhenStopped).hasSize(1);
        assertThat(dialogs.outcomesWhenStopped.get(0)).isNotNull();
        assertThat(dialogs.outcomesWhenStopped.get(0).deleted()).isEqualTo(4);
    }

    @Test
    void undoFromTheNotificationRestoresEverything() {
        List<BsonValue> ids = seed("u1", 5);
        BsonDocument before = f.raw.findById(StoreCollection.MEMORY_ITEMS, ids.get(0)).orElseThrow();
        var flow = flow(2);
        flow.start(new DeleteRequest.Selection(StoreCollection.MEMORY_ITEMS, ids), () -> refreshes++);
        assertThat(count("u1")).isZero();
        assertThat(dialogs.undoActions).hasSize(1);

        dialogs.undoActions.get(0).run();
        assertThat(count("u1")).isEqualTo(5);
        assertThat(f.raw.findById(StoreCollection.MEMORY_ITEMS, ids.get(0))).contains(before);
        assertThat(flow.lastMessageProperty().get()).isEqualTo("Undo: Restored 5 documents.");
        assertThat(refreshes).isEqualTo(2);

        dialogs.undoActions.get(0).run(); // a second click on the same notification does nothing
        assertThat(flow.lastMessageProperty().get()).isEqualTo("Undo: Restored 5 documents.");
        assertThat(dialogs.notifications).doesNotContain("Undo: Restored 0 documents.");
        assertThat(refreshes).isEqualTo(2);
    }

    @Test
    void readOnlyRefusesBeforeAskingAndDeletesNothing() {
        List<BsonValue> ids = seed("ro", 2);
        f.lock.lock();
        var flow = flow(10);
        flow.start(new DeleteRequest.Selection(StoreCollection.MEMORY_ITEMS, ids), () -> refreshes++);
        assertThat(dialogs.confirmations).isEmpty();
        assertThat(dialogs.errors.get(0)).contains("read-only");
        assertThat(count("ro")).isEqualTo(2);
    }

    @Test
    void readOnlyLockedAfterConfirmingIsStillRefusedByTheStore() {
        List<BsonValue> ids = seed("ro2", 2);
        dialogs.beforeAnswer = () -> f.lock.lock();
        var flow = flow(10);
        flow.start(new DeleteRequest.Selection(StoreCollection.MEMORY_ITEMS, ids), () -> refreshes++);
        assertThat(flow.lastMessageProperty().get()).contains("Nothing was deleted").contains("read-only");
        assertThat(count("ro2")).isEqualTo(2);
    }

    /** Answers dialogs as told and records what the flow showed. */
    public static final class RecordingDialogs implements DeleteDialogs {
        final List<DeleteConfirmationViewModel> confirmations = new ArrayList<>();
        final List<String> notifications = new ArrayList<>();
        public final List<Runnable> undoActions = new ArrayList<>();
        final List<String> errors = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        final List<DeleteRequest.Outcome> outcomesWhenStopped = new ArrayList<>();
        String typed = "";
        Predicate<BulkDeleteViewModel> cancelWhen = b -> false;
        Runnable beforeAnswer = () -> { };

        @Override
        public boolean confirm(DeleteConfirmationViewModel confirmation) {
            confirmations.add(confirmation);
            confirmation.typedProperty().set(typed);
            beforeAnswer.run();
            return confirmation.confirmedProperty().get();
        }

        @Override
        public void showProgress(BulkDeleteViewModel bulk) {
            // listeners of "running" (the progress window's Cancel and Close buttons) see the outcome already set
            bulk.runningProperty().addListener((obs, was, is) -> {
                if (!is) {
                    outcomesWhenStopped.add(bulk.outcomeProperty().get());
                }
            });
            bulk.doneProperty().addListener((obs, was, is) -> {
                if (cancelWhen.test(bulk)) {
                    bulk.cancel();
                }
            });
        }

        @Override
        public void showDeleted(String message, Runnable undo) {
            notifications.add(message);
            undoActions.add(undo);
        }

        @Override
        public void showInfo(String message) {
            notifications.add(message);
        }

        @Override
        public void showWarning(String message) {
            warnings.add(message);
        }

        @Override
        public void showError(String title, String message) {
            errors.add(title + ": " + message);
        }
    }
}
