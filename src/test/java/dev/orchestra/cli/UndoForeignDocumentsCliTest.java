package dev.orchestra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.storage.inmemory.InMemoryMemoryManager;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.InspectorCollection;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.testsupport.ForeignDocuments;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code undo TOKEN} after deleting a session another service wrote in shapes our validator refuses. */
class UndoForeignDocumentsCliTest {
    private final InMemoryMemoryManager store = new InMemoryMemoryManager();
    private final CliHarness cli = CliHarness.sharing(store);
    private final List<BsonDocument> written = new ArrayList<>();

    @BeforeEach
    void aSessionWrittenByAnotherService() {
        for (ForeignDocuments.Shape shape : ForeignDocuments.all()) {
            if (shape.collection() == StoreCollection.MEMORY_ITEMS) {
                BsonDocument item = shape.document().clone();
                item.put("user_id", new BsonString("bob"));
                item.put("session_id", new BsonString("legacy"));
                written.add(item);
                store.insertUnchecked(StoreCollection.MEMORY_ITEMS, item);
            }
        }
        store.insertUnchecked(StoreCollection.USER_SESSIONS,
                new BsonDocument("_id", new BsonObjectId(new ObjectId("65f1a2b3c4d5e6f708192a99")))
                        .append("user_id", new BsonString("bob")).append("session_id", new BsonString("legacy"))
                        .append("created_at", new BsonInt64(1_704_067_200_000L)));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void undoOfTheDeleteExitsZeroPrintsTheCountAndPutsBackTheStoredBytes() {
        var deleted = cli.run("delete-session", "bob", "legacy", "--yes");
        assertThat(deleted.exitCode()).isZero();
        assertThat(store.count(StoreCollection.MEMORY_ITEMS, DocumentFilter.none()).value()).isZero();
        String token = deleted.out().replaceAll("(?s).*undo token: ([^)]+)\\).*", "$1").strip();

        var undone = cli.run("undo", token);

        assertThat(undone.err()).isEmpty();
        assertThat(undone.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(undone.out()).contains("Restored " + (written.size() + 1) + " documents.");
        for (BsonDocument item : written) {
            BsonDocument restored = store.findById(StoreCollection.MEMORY_ITEMS, item.get("_id")).orElseThrow();
            assertThat(ForeignDocuments.bytes(restored)).isEqualTo(ForeignDocuments.bytes(item));
        }
        assertThat(store.count(StoreCollection.USER_SESSIONS, DocumentFilter.none()).value()).isEqualTo(1);
        assertThat(store.count(InspectorCollection.TRASH, DocumentFilter.none()).value()).isZero();
    }

    @Test
    void anIdWrittenAgainMeanwhileExitsIncompleteNamingTheId() {
        var deleted = cli.run("delete-session", "bob", "legacy", "--yes");
        String token = deleted.out().replaceAll("(?s).*undo token: ([^)]+)\\).*", "$1").strip();
        store.insertUnchecked(StoreCollection.MEMORY_ITEMS, new BsonDocument("_id", new BsonString("string-time")));

        var undone = cli.run("undo", token);

        assertThat(undone.exitCode()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(undone.out()).contains("Restored " + written.size() + " documents; 1 refused");
        assertThat(undone.err()).contains("string-time", "exists again");
    }
}
