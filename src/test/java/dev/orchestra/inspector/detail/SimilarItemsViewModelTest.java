package dev.orchestra.inspector.detail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.inspector.ViewModelFixture;
import dev.orchestra.inspector.common.ManualRunner;
import dev.orchestra.inspector.common.SameThreadRunner;
import dev.orchestra.storage.inmemory.InMemoryMemoryManager;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.StoreCollection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimilarItemsViewModelTest {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private final InMemoryMemoryManager store = new InMemoryMemoryManager();
    private final List<BsonValue> opened = new ArrayList<>();

    private MemoryItem item(String id, String user, String text, List<Double> embedding) {
        MemoryItem m = MemoryItem.of(user, "s1", "note", text).withId(new BsonString(id)).withTimestamp(T0);
        return embedding == null ? m : m.withEmbedding(embedding);
    }

    @BeforeEach
    void seed() {
        store.addMemoryItem(item("self", "ann", "the selected one", List.of(1.0, 0.0, 0.0)));
        store.addMemoryItem(item("near", "ann", "near", List.of(0.9, 0.1, 0.0)));
        store.addMemoryItem(item("far", "ann", "far", List.of(0.0, 1.0, 0.0)));
        store.addMemoryItem(item("opposite", "ann", "opposite", List.of(-1.0, 0.0, 0.0)));
        store.addMemoryItem(item("short", "ann", "another model", List.of(1.0, 0.0)));
        store.addMemoryItem(item("plain", "ann", "no vector", null));
        store.addMemoryItem(item("bob", "bob", "someone else's", List.of(1.0, 0.0, 0.0)));
    }

    private SimilarItemsViewModel open(ViewModelFixture fx, DocumentDetailViewModel detail) {
        fx.store.connect();
        SimilarItemsViewModel model = new SimilarItemsViewModel(fx.runner, fx.store, detail,
                (collection, id, preview) -> opened.add(id));
        return model;
    }

    @Test
    void ranksTheUsersOtherItemsByTheSelectedEmbeddingWithScoresAndCountsTheSkipped() {
        ViewModelFixture fx = new ViewModelFixture(new SameThreadRunner(), store);
        DocumentDetailViewModel detail = fx.detail();
        SimilarItemsViewModel model = open(fx, detail);
        model.activeProperty().set(true);

        detail.show(StoreCollection.MEMORY_ITEMS, new BsonString("self"), null);

        assertThat(model.userProperty().get()).isEqualTo("ann");
        assertThat(model.results()).extracting(SimilarItem::text).containsExactly("near", "far", "opposite");
        assertThat(model.results().get(0).scoreText()).isEqualTo(String.format(Locale.ROOT, "%.3f",
                0.9 / Math.sqrt(0.82)));
        assertThat(model.results().get(2).score()).isEqualTo(-1.0);
        assertThat(model.summaryProperty().get()).contains("4 compared").contains("1 of another dimension skipped");
        assertThat(model.errorProperty().get()).isNull();
    }

    @Test
    void runsOnlyWhileItsTabShowsAndRespectsTopKAndPersona() {
        ViewModelFixture fx = new ViewModelFixture(new SameThreadRunner(), store);
        DocumentDetailViewModel detail = fx.detail();
        SimilarItemsViewModel model = open(fx, detail);
        detail.show(StoreCollection.MEMORY_ITEMS, new BsonString("self"), null);
        assertThat(model.results()).isEmpty();

        model.topKProperty().set(1);
        model.activeProperty().set(true);
        assertThat(model.results()).extracting(SimilarItem::text).containsExactly("near");

        model.personaProperty().set("nobody");
        model.findSimilar();
        assertThat(model.results()).isEmpty();
        assertThat(model.summaryProperty().get()).contains("0 compared");
    }

    @Test
    void searchesByAPastedVectorAndRefusesABadOneWithoutRunning() {
        ManualRunner runner = new ManualRunner();
        ViewModelFixture fx = new ViewModelFixture(runner, store);
        DocumentDetailViewModel detail = fx.detail();
        SimilarItemsViewModel model = open(fx, detail);
        runner.runAll();
        model.userProperty().set("ann");

        model.vectorTextProperty().set("[0, 1, NaN]");
        assertThat(model.vectorStatusProperty().get()).isEqualTo("Value 3 is not a number: 'NaN'");
        model.searchByVector();
        assertThat(runner.pending()).isZero();
        assertThat(model.errorProperty().get()).isEqualTo("Value 3 is not a number: 'NaN'");

        model.vectorTextProperty().set("[0, 1, 0]");
        assertThat(model.vectorStatusProperty().get()).isEqualTo("3 numbers");
        model.searchByVector();
        assertThat(model.runningProperty().get()).isTrue();
        runner.runAll();
        assertThat(model.results()).extracting(SimilarItem::text).first().isEqualTo("far");
        assertThat(model.results()).extracting(SimilarItem::text).contains("the selected one");
        assertThat(model.errorProperty().get()).isNull();
    }

    @Test
    void cancelDropsTheRunningSearchAndOpeningAResultHandsItsIdOn() {
        ManualRunner runner = new ManualRunner();
        ViewModelFixture fx = new ViewModelFixture(runner, store);
        DocumentDetailViewModel detail = fx.detail();
        SimilarItemsViewModel model = open(fx, detail);
        runner.runAll();
        model.userProperty().set("ann");
        model.vectorTextProperty().set("[1, 0, 0]");

        model.searchByVector();
        model.cancel();
        runner.runAll();
        assertThat(model.results()).isEmpty();
        assertThat(model.summaryProperty().get()).isEqualTo("Cancelled.");

        model.searchByVector();
        runner.runAll();
        model.open(model.results().get(0));
        assertThat(opened).hasSize(1);
        assertThat(opened.get(0).isString()).isTrue();
    }

    @Test
    void anItemWithoutAnEmbeddingSaysSoAndAnotherCollectionClearsTheResults() {
        ViewModelFixture fx = new ViewModelFixture(new SameThreadRunner(), store);
        DocumentDetailViewModel detail = fx.detail();
        SimilarItemsViewModel model = open(fx, detail);
        model.activeProperty().set(true);

        detail.show(StoreCollection.MEMORY_ITEMS, new BsonString("plain"), null);
        assertThat(model.errorProperty().get()).startsWith("This item has no embedding");
        assertThat(model.results()).isEmpty();

        detail.show(StoreCollection.MEMORY_ITEMS, new BsonString("self"), null);
        assertThat(model.results()).isNotEmpty();
        detail.show(StoreCollection.AGENT_DATA, new BsonString("x"), null);
        assertThat(model.results()).isEmpty();
        assertThat(model.errorProperty().get()).isNull();
    }
}
