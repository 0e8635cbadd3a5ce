package dev.orchestra.inspector.detail;

import dev.orchestra.inspector.common.AsyncCommand;
import dev.orchestra.inspector.common.BackgroundRunner;
import dev.orchestra.inspector.common.ErrorMessages;
import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.storage.OrchestraMemory;
import dev.orchestra.storage.model.SemanticQuery;
import dev.orchestra.storage.model.SemanticSearchResult;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.schema.Fields;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Similar items of the memory item in the detail pane: "what would Orchestra recall for this?". Runs the library's
 * own {@link OrchestraMemory#semanticSearch(SemanticQuery)} (the function Orchestra's services call) for the item's
 * user with the item's embedding, or with a pasted vector, optionally for one persona; shows the scores and how many
 * stored embeddings were skipped for another dimension. Runs only while its tab is showing; a new item or a new
 * search replaces the running one, and {@link #cancel()} drops it.
 */
public class SimilarItemsViewModel {
    public static final int DEFAULT_TOP_K = 10;
    public static final int MAX_TOP_K = 200;

    /** What opening a result does: select it in the owning table (or show it in the detail pane). */
    @FunctionalInterface
    public interface Opener {
        void open(StoreCollection collection, BsonValue id, BsonDocument preview);
    }

    private final StoreConnection store;
    private final DocumentDetailViewModel detail;
    private final Opener opener;
    private final AsyncCommand<SemanticSearchResult> search;
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active");
    private final IntegerProperty topK = new SimpleIntegerProperty(this, "topK", DEFAULT_TOP_K);
    private final StringProperty user = new SimpleStringProperty(this, "user", "");
    private final StringProperty persona = new SimpleStringProperty(this, "persona", "");
    private final StringProperty vectorText = new SimpleStringProperty(this, "vectorText", "");
    private final ReadOnlyStringWrapper vectorStatus = new ReadOnlyStringWrapper(this, "vectorStatus", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ObservableList<SimilarItem> results = FXCollections.observableArrayList();
    private BsonValue searchedFor;

    public SimilarItemsViewModel(BackgroundRunner runner, StoreConnection store, DocumentDetailViewModel detail,
                                 Opener opener) {
        this.store = store;
        this.detail = detail;
        this.opener = opener;
        this.search = new AsyncCommand<>(runner, "Finding similar items");
        vectorText.addListener((obs, was, is) -> vectorStatus.set(describe(EmbeddingInput.parse(is), is)));
        detail.documentProperty().addListener((obs, was, is) -> documentChanged(is));
        active.addListener((obs, was, is) -> {
            if (is) {
                documentChanged(detail.documentProperty().get());
            } else {
                search.cancel();
            }
        });
    }

    private static String describe(EmbeddingInput.Result parsed, String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        return parsed.ok() ? parsed.dimension() + (parsed.dimension() == 1 ? " number" : " numbers")
                : parsed.error();
    }

    /**
     * The detail pane shows the list's row first (no embedding, only {@code embedding_dim}), then the whole document:
     * the search starts when the embedding is there, once per item.
     */
    private void documentChanged(BsonDocument document) {
        if (document == null || !isMemoryItem()) {
            search.cancel();
            searchedFor = null;
            results.clear();
            summary.set("");
            error.set(null);
            return;
        }
        BsonValue owner = document.get(Fields.USER_ID);
        if (owner != null && owner.isString()) {
            user.set(owner.asString().getValue());
        }
        if (!active.get() || Objects.equals(searchedFor, detail.documentIdProperty().get())
                && !results.isEmpty()) {
            return;
        }
        BsonValue embedding = document.get(Fields.EMBEDDING);
        if (embedding == null && document.containsKey("embedding_dim")) {
            return; // the whole document is on its way
        }
        findSimilar();
    }

    private boolean isMemoryItem() {
        return detail.collectionProperty().get() == StoreCollection.MEMORY_ITEMS;
    }

    /** Items like the one in the detail pane, by its own embedding; the item itself is left out. */
    public void findSimilar() {
        BsonDocument document = detail.documentProperty().get();
        if (document == null || !isMemoryItem()) {
            fail("Select a memory item first.");
            return;
        }
        List<Double> embedding = numbers(document.get(Fields.EMBEDDING));
        if (embedding == null) {
            results.clear();
            summary.set("");
            fail("This item has no embedding to compare; paste a vector below to search by vector.");
            return;
        }
        BsonValue self = detail.documentIdProperty().get();
        searchedFor = self;
        run(embedding, self, "this item's " + embedding.size() + "-dimension embedding");
    }

    /** Items like the pasted vector; a malformed one is refused with one line and nothing runs. */
    public void searchByVector() {
        EmbeddingInput.Result parsed = EmbeddingInput.parse(vectorText.get());
        if (!parsed.ok()) {
            fail(parsed.error());
            return;
        }
        searchedFor = null;
        run(parsed.vector(), null, "the pasted " + parsed.dimension() + "-dimension vector");
    }

    private void run(List<Double> vector, BsonValue exclude, String source) {
        String userId = user.get() == null ? "" : user.get().strip();
        if (userId.isEmpty()) {
            fail("Enter the user whose items to compare.");
            return;
        }
        if (!store.isConnected()) {
            fail("Not connected.");
            return;
        }
        OrchestraMemory memory = store.current();
        int k = Math.max(1, Math.min(MAX_TOP_K, topK.get()));
        String personaFilter = persona.get() == null || persona.get().isBlank() ? null : persona.get().strip();
        // One more than asked: the item itself is its own best match and is left out.
        SemanticQuery query = new SemanticQuery(userId, vector, personaFilter, exclude == null ? k : k + 1);
        error.set(null);
        summary.set("Comparing…");
        search.execute(() -> memory.semanticSearch(query), result -> show(result, exclude, k, source),
                e -> {
                    results.clear();
                    summary.set("");
                    fail(ErrorMessages.describe(e));
                });
    }

    private void show(SemanticSearchResult result, BsonValue exclude, int k, String source) {
        List<SimilarItem> rows = new ArrayList<>();
        result.hits().stream().filter(h -> exclude == null || !exclude.equals(h.item().id())).limit(k)
                .forEach(h -> rows.add(SimilarItem.of(h)));
        results.setAll(rows);
        StringBuilder text = new StringBuilder("Top ").append(rows.size()).append(" by cosine similarity to ")
                .append(source).append(" · ").append(result.compared()).append(" compared");
        if (result.skippedOtherDimension() > 0) {
            text.append(" · ").append(result.skippedOtherDimension()).append(" of another dimension skipped");
        }
        if (result.skippedUnusable() > 0) {
            text.append(" · ").append(result.skippedUnusable()).append(" unusable skipped");
        }
        summary.set(text.toString());
    }

    /** Opens a result: selects it in the table (or shows it in the detail pane). */
    public void open(SimilarItem item) {
        if (item != null) {
            opener.open(StoreCollection.MEMORY_ITEMS, item.id(), item.document());
        }
    }

    /** Stops waiting for the running search; what is shown stays. */
    public void cancel() {
        if (search.cancel()) {
            summary.set("Cancelled.");
        }
    }

    private void fail(String message) {
        error.set(message);
    }

    /** The stored embedding as doubles, or null when it is not a non-empty array of numbers. */
    private static List<Double> numbers(BsonValue value) {
        if (value == null || !value.isArray() || value.asArray().isEmpty()) {
            return null;
        }
        List<Double> vector = new ArrayList<>(value.asArray().size());
        for (BsonValue v : value.asArray()) {
            if (v.isNumber()) {
                vector.add(v.asNumber().doubleValue());
            } else if (v.isDecimal128()) {
                vector.add(v.asDecimal128().getValue().doubleValue());
            } else {
                return null;
            }
        }
        return vector;
    }

    public BooleanProperty activeProperty() {
        return active;
    }

    public IntegerProperty topKProperty() {
        return topK;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty personaProperty() {
        return persona;
    }

    public StringProperty vectorTextProperty() {
        return vectorText;
    }

    /** "1536 numbers" for a valid paste, else why it is not a vector; empty when nothing is pasted. */
    public ReadOnlyStringProperty vectorStatusProperty() {
        return vectorStatus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return search.runningProperty();
    }

    public ObservableList<SimilarItem> results() {
        return results;
    }
}
