package dev.orchestra.inspector.editing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.inspector.common.SafeStorageHolder;
import dev.orchestra.inspector.common.SameThreadRunner;
import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.error.StorageOperationException;
import dev.orchestra.storage.inmemory.InMemoryMemoryManager;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.safety.Actor;
import dev.orchestra.storage.safety.WriteLock;
import dev.orchestra.storage.ForwardingMemoryManager;
import java.time.Clock;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

/** A save the server refuses: the editor says so in one plain sentence and keeps the server's text as details. */
class SaveFailureViewModelTest {
    private static final String RAW = "MongoDB at 127.0.0.1:27017 failed update memory_items (code 2): can't compare "
            + "class de.bwaldvogel.mongo.bson.BsonRegularExpression with class java.lang.String";

    private final InMemoryMemoryManager store = new InMemoryMemoryManager();
    private final SameThreadRunner runner = new SameThreadRunner();
    private final SafeStorageHolder storage = new SafeStorageHolder(WriteLock.unlocked(), new Actor("t", "unit-test"));

    /** What mongo-java-server does with a document holding a regular expression. */
    private static final class RefusingReplace extends ForwardingMemoryManager {
        RefusingReplace(MemoryManager delegate) {
            super(delegate);
        }

        @Override
        public void replace(StoreCollection collection, BsonDocument expected, BsonDocument replacement) {
            throw new StorageOperationException(RAW, new IllegalStateException("Command failed with error 2"));
        }
    }

    @Test
    void aServerRefusalIsOnePlainSentenceAndTheRawTextIsInTheDetails() {
        new StoreConnection(runner, storage.wrap(() -> new RefusingReplace(store))).connect();
        BsonDocument doc = new BsonDocument("_id", new BsonString("r1")).append("user_id", new BsonString("u"))
                .append("item_type", new BsonString("note")).append("text_content", new BsonString("a"));
        store.insert(StoreCollection.MEMORY_ITEMS, doc);
        BsonDocument loaded = store.findById(StoreCollection.MEMORY_ITEMS, new BsonString("r1")).orElseThrow();
        var editor = DocumentEditorViewModel.edit(runner, storage, StoreCollection.MEMORY_ITEMS, loaded,
                Clock.systemUTC(), () -> { });
        editor.content().field("text_content").textProperty().set("b");

        editor.save();

        assertThat(editor.errorProperty().get()).startsWith("Not saved. The server refused the change: ")
                .doesNotContain("bwaldvogel").doesNotContain("\n");
        assertThat(editor.errorDetailsProperty().get()).startsWith(RAW).contains("Caused by: Command failed");
        assertThat(editor.failure().message()).isEqualTo(editor.errorProperty().get());
        assertThat(editor.failure().details()).isEqualTo(editor.errorDetailsProperty().get());

        editor.content().field("text_content").textProperty().set("c");
        editor.save();
        assertThat(editor.errorDetailsProperty().get()).startsWith(RAW); // still refused, still explained
    }
}
