package dev.orchestra.inspector.coherence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.inspector.coherence.CoherenceViewModel.Scope;
import dev.orchestra.inspector.common.DialogService;
import dev.orchestra.inspector.common.Messages;
import dev.orchestra.inspector.common.SafeStorageHolder;
import dev.orchestra.inspector.common.SameThreadRunner;
import dev.orchestra.storage.coherence.CacheFinding;
import dev.orchestra.storage.coherence.CoherenceClass;
import dev.orchestra.storage.coherence.ItemDiff;
import dev.orchestra.storage.inmemory.InMemoryMemoryManager;
import dev.orchestra.storage.safety.Actor;
import dev.orchestra.storage.safety.WriteLock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Coherence section's ViewModel without Redis: input, no cache, read-only refusals, texts. */
class CoherenceViewModelTest {
    private final Messages messages = Messages.load();
    private final Dialogs dialogs = new Dialogs();

    private CoherenceViewModel model(WriteLock lock) throws Exception {
        SafeStorageHolder storage = new SafeStorageHolder(lock, new Actor("tester", Actor.GUI));
        InMemoryMemoryManager store = new InMemoryMemoryManager();
        store.initialize();
        storage.wrap(() -> store).open();
        return new CoherenceViewModel(new SameThreadRunner(), storage, dialogs, messages);
    }

    private static CacheFinding finding(CoherenceClass coherence) {
        return new CacheFinding("orchestra:history:alice:s1", "history", coherence, "list", 30_000, "alice", "s1",
                new ItemDiff(1, 0, 1, List.of("item-9"), List.of(), List.of("item-3: text_content")), "1 missing");
    }

    @Test
    void withoutACacheShowingSaysThereIsNothingToCompare() throws Exception {
        CoherenceViewModel model = model(WriteLock.unlocked());

        model.setShowing(true);

        assertThat(model.errorProperty().get()).isEqualTo(messages.get("coherence.noCache"));
        assertThat(model.checkingProperty().get()).isFalse();
        assertThat(model.findings()).isEmpty();
    }

    @Test
    void badInputIsOneLineAndStartsNothing() throws Exception {
        CoherenceViewModel model = model(WriteLock.unlocked());

        model.scopeProperty().set(Scope.USER);
        model.userProperty().set("  ");
        model.check();
        assertThat(model.errorProperty().get()).isEqualTo(messages.get("coherence.needUser"));

        model.scopeProperty().set(Scope.SESSION);
        model.userProperty().set("alice");
        model.check();
        assertThat(model.errorProperty().get()).isEqualTo(messages.get("coherence.needSession"));

        model.scopeProperty().set(Scope.SAMPLE);
        model.sampleProperty().set("lots");
        model.check();
        assertThat(model.errorProperty().get()).startsWith("The sample size must be a whole number");
        model.sampleProperty().set("0");
        model.check();
        assertThat(model.errorProperty().get()).startsWith("The sample size must be a whole number");
        assertThat(model.checkingProperty().get()).isFalse();
    }

    @Test
    void readOnlyRefusesRepairAndForeignDeletionBeforeAskingAnything() throws Exception {
        CoherenceViewModel model = model(WriteLock.locked("APP_ENV=production"));

        model.selectedProperty().set(finding(CoherenceClass.STALE));
        model.repairSelected();
        model.selectedProperty().set(finding(CoherenceClass.FOREIGN));
        model.deleteSelectedForeign();

        assertThat(dialogs.errors).hasSize(2).allSatisfy(e -> assertThat(e).startsWith("Read-only:")
                .contains("APP_ENV=production"));
        assertThat(dialogs.questions).isEmpty();
    }

    @Test
    void buttonsFollowTheSelectedClassAndTheDiffPaneShowsEveryDifference() throws Exception {
        CoherenceViewModel model = model(WriteLock.unlocked());

        model.selectedProperty().set(finding(CoherenceClass.STALE));
        assertThat(model.selectedRepairableProperty().get()).isTrue();
        assertThat(model.selectedForeignProperty().get()).isFalse();
        assertThat(model.diffTextProperty().get()).contains("stale · 1 missing").contains("item-9")
                .contains("item-3: text_content");

        model.selectedProperty().set(finding(CoherenceClass.FOREIGN));
        assertThat(model.selectedRepairableProperty().get()).isFalse();
        assertThat(model.selectedForeignProperty().get()).isTrue();
        assertThat(model.anyRepairableProperty().get()).as("no findings listed").isFalse();

        model.selectedProperty().set(finding(CoherenceClass.FRESH));
        model.repairSelected();
        model.deleteSelectedForeign();
        assertThat(dialogs.questions).isEmpty();
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void ttlReadsLikeTheCacheTab() {
        assertThat(FindingText.ttl(new CacheFinding("k", "history", CoherenceClass.FRESH, "list", -1, "u", null,
                ItemDiff.NONE, ""))).isEqualTo("no expiry");
        assertThat(FindingText.ttl(new CacheFinding("k", "history", CoherenceClass.EXPIRING, "list", 20_500, "u",
                null, ItemDiff.NONE, ""))).isEqualTo("21 s");
        assertThat(FindingText.ttl(new CacheFinding("k", "history", CoherenceClass.FRESH, "list", 3_600_000, "u",
                null, ItemDiff.NONE, ""))).isEqualTo("60 min 0 s");
    }

    static final class Dialogs implements DialogService {
        final List<String> errors = new ArrayList<>();
        final List<String> questions = new ArrayList<>();
        boolean answer;

        @Override
        public void showError(String title, String message) {
            errors.add(title + ": " + message);
        }

        @Override
        public boolean confirm(String title, String message) {
            questions.add(title + ": " + message);
            return answer;
        }

        @Override
        public void copyToClipboard(String text) {
        }
    }
}
