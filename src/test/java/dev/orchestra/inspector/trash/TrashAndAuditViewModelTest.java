package dev.orchestra.inspector.trash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.inspector.audit.AuditViewModel;
import dev.orchestra.inspector.common.DialogService;
import dev.orchestra.inspector.editing.EditingFixture;
import dev.orchestra.inspector.app.ReadOnlyBannerViewModel;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.safety.WriteLock;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

class TrashAndAuditViewModelTest {
    private final EditingFixture f = new EditingFixture();

    @Test
    void trashListsNewestFirstAndRestoresSelected() {
        BsonDocument a = f.storeRichItem("a");
        f.storeRichItem("b");
        f.ops().delete(StoreCollection.MEMORY_ITEMS, new BsonString("a"));
        f.ops().delete(StoreCollection.MEMORY_ITEMS, new BsonString("b"));
        int[] refreshed = {0};
        var trash = new TrashViewModel(f.runner, f.storage, () -> refreshed[0]++, new Answers(true));
        trash.load();
        assertThat(trash.entries()).extracting(e -> e.documentId().asString().getValue()).containsExactly("b", "a");

        trash.selected().setAll(trash.entries().get(1));
        trash.restoreSelected();
        assertThat(trash.messageProperty().get()).isEqualTo("Restored 1 document.");
        assertThat(f.raw.findById(StoreCollection.MEMORY_ITEMS, new BsonString("a"))).contains(a);
        assertThat(trash.entries()).hasSize(1);
        assertThat(refreshed[0]).isEqualTo(1);
    }

    @Test
    void restoreIsRefusedWithAMessageWhenTheIdExistsAgain() {
        f.storeRichItem("a");
        f.ops().delete(StoreCollection.MEMORY_ITEMS, new BsonString("a"));
        f.storeRichItem("a");
        var answers = new Answers(true);
        var trash = new TrashViewModel(f.runner, f.storage, () -> { }, answers);
        trash.load();
        trash.currentProperty().set(trash.entries().get(0));
        trash.restoreBatch();
        assertThat(answers.asked).containsExactly("Restore the whole delete?");
        assertThat(trash.errorProperty().get()).contains("refused").contains("exists again");
        assertThat(trash.entries()).hasSize(1);
    }

    @Test
    void restoringAWholeBatchAsksFirstAndDeclinedRestoresNothing() {
        f.storeRichItem("a");
        f.storeRichItem("b");
        f.ops().deleteMany(StoreCollection.MEMORY_ITEMS, List.of(new BsonString("a"), new BsonString("b")));
        var answers = new Answers(false);
        var trash = new TrashViewModel(f.runner, f.storage, () -> { }, answers);
        trash.load();
        trash.currentProperty().set(trash.entries().get(0));

        trash.restoreBatch();
        assertThat(answers.asked).containsExactly("Restore the whole delete?");
        assertThat(trash.entries()).hasSize(2);
        assertThat(f.raw.findById(StoreCollection.MEMORY_ITEMS, new BsonString("a"))).isEmpty();

        answers.yes = true;
        trash.restoreBatch();
        assertThat(trash.messageProperty().get()).contains("Restored 2");
        assertThat(f.raw.findById(StoreCollection.MEMORY_ITEMS, new BsonString("b"))).isPresent();
        assertThat(trash.entries()).isEmpty();
    }

    @Test
    void auditShowsBeforeAndAfterOfAnUpdate() {
        BsonDocument loaded = f.storeRichItem("a");
        BsonDocument changed = loaded.clone();
        changed.put("text_content", new BsonString("changed"));
        f.ops().update(StoreCollection.MEMORY_ITEMS, loaded, changed);
        var audit = new AuditViewModel(f.runner, f.storage);
        audit.first();
        assertThat(audit.entries()).isNotEmpty();
        var entry = audit.entries().get(0);
        assertThat(entry.action()).isEqualTo("update");
        assertThat(entry.before()).isEqualTo(loaded);
        assertThat(entry.after()).isEqualTo(changed);
        assertThat(entry.user()).isEqualTo("tester");
    }

    @Test
    void bannerUnlocksOnlyAfterConfirmationAndNeverWhenForced() {
        var answers = new Answers(false);
        var lock = WriteLock.locked("APP_ENV=production");
        var banner = new ReadOnlyBannerViewModel(lock, answers, f.runner);
        assertThat(banner.lockedProperty().get()).isTrue();
        assertThat(banner.textProperty().get()).contains("Read-only (APP_ENV=production)");
        assertThat(banner.unlock()).isFalse();
        assertThat(lock.isLocked()).isTrue();
        answers.yes = true;
        assertThat(banner.unlock()).isTrue();
        assertThat(banner.lockedProperty().get()).isFalse();
        assertThat(banner.unlockedByUserProperty().get()).isTrue();
        assertThat(answers.asked).hasSize(2);

        var forced = new ReadOnlyBannerViewModel(WriteLock.forced("INSPECTOR_READ_ONLY=true"), answers, f.runner);
        assertThat(forced.canUnlock()).isFalse();
        assertThat(forced.unlock()).isFalse();
        assertThat(forced.lockedProperty().get()).isTrue();
        assertThat(answers.asked).hasSize(2);
    }

    private static final class Answers implements DialogService {
        final List<String> asked = new ArrayList<>();
        boolean yes;

        Answers(boolean yes) {
            this.yes = yes;
        }

        @Override
        public void showError(String title, String message) {
        }

        @Override
        public boolean confirm(String title, String message) {
            asked.add(title);
            return yes;
        }

        @Override
        public void copyToClipboard(String text) {
        }
    }
}
