package dev.orchestra.inspector.trash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.inspector.common.DialogService;
import dev.orchestra.inspector.common.FailureMessage;
import dev.orchestra.inspector.common.SameThreadRunner;
import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.inspector.common.SafeStorageHolder;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.error.StorageConnectionException;
import dev.orchestra.storage.inmemory.InMemoryMemoryManager;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.InspectorCollection;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.safety.Actor;
import dev.orchestra.storage.safety.WriteLock;
import dev.orchestra.storage.testsupport.ForeignDocuments;
import dev.orchestra.storage.testsupport.ForeignDocuments.Shape;
import dev.orchestra.storage.ForwardingMemoryManager;
import dev.orchestra.storage.tiered.TieredMemoryManager;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/** The trash view model over the stack the app opens (a tiered manager in front of the store). */
class TrashForeignRestoreViewModelTest {
    private final InMemoryMemoryManager store = new InMemoryMemoryManager();
    private final SameThreadRunner runner = new SameThreadRunner();
    private final SafeStorageHolder storage = new SafeStorageHolder(WriteLock.unlocked(), new Actor("t", "unit-test"));
    private final RecordingDialogs dialogs = new RecordingDialogs();

    private TrashViewModel openTrash(MemoryManager opened) {
        new StoreConnection(runner, storage.wrap(() -> opened)).connect();
        return new TrashViewModel(runner, storage, () -> { }, dialogs);
    }

    @Test
    void restoringSelectedForeignDocumentsPutsBackTheirStoredBytes() {
        List<Shape> shapes = ForeignDocuments.all();
        shapes.forEach(s -> store.insertUnchecked(s.collection(), s.document()));
        var trash = openTrash(new TieredMemoryManager(store, null));
        shapes.forEach(s -> storage.operations().delete(s.collection(), s.document().get("_id")));
        trash.load();

        trash.selected().setAll(trash.entries());
        trash.restoreSelected();

        assertThat(trash.errorProperty().get()).isNull();
        assertThat(trash.messageProperty().get()).isEqualTo("Restored " + shapes.size() + " documents.");
        for (Shape s : shapes) {
            BsonDocument restored = store.findById(s.collection(), s.document().get("_id")).orElseThrow();
            assertThat(ForeignDocuments.bytes(restored)).as(s.name()).isEqualTo(ForeignDocuments.bytes(s.document()));
        }
        assertThat(trash.entries()).isEmpty();
    }

    @Test
    void aFailedRestoreShowsAPlainSentenceAndItsDetailsOnRequest() {
        Shape shape = ForeignDocuments.all().get(0);
        store.insertUnchecked(shape.collection(), shape.document());
        var trash = openTrash(new ForwardingMemoryManager(store) {
            @Override
            public void restoreExactly(StoreCollection collection, BsonDocument document) {
                throw new StorageConnectionException("MongoDB at 127.0.0.1:1 is unreachable (restore into "
                        + "memory_items): Timed out after 30000 ms while waiting to connect. Client view of cluster"
                        + " state is {type=UNKNOWN}");
            }
        });
        storage.operations().delete(shape.collection(), shape.document().get("_id"));
        trash.load();
        trash.currentProperty().set(trash.entries().get(0));

        trash.restoreBatch();

        assertThat(trash.errorProperty().get())
                .isEqualTo("Not restored. Cannot reach the database server; try again when it answers.");
        assertThat(trash.errorDetailsProperty().get()).contains("Timed out after 30000 ms", "Client view of cluster");
        trash.showErrorDetails();
        assertThat(dialogs.errors).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo(trash.errorProperty().get());
            assertThat(f.details()).isEqualTo(trash.errorDetailsProperty().get());
        });
        assertThat(store.count(InspectorCollection.TRASH, DocumentFilter.none()).value()).isEqualTo(1);
    }

    private static final class RecordingDialogs implements DialogService {
        final List<FailureMessage> errors = new ArrayList<>();

        @Override
        public void showError(String title, String message) {
            errors.add(new FailureMessage(message, null));
        }

        @Override
        public void showError(String title, FailureMessage failure) {
            errors.add(failure);
        }

        @Override
        public boolean confirm(String title, String message) {
            return true;
        }

        @Override
        public void copyToClipboard(String text) {
        }
    }
}
