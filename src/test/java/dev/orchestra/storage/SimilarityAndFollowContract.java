package dev.orchestra.storage;

import static dev.orchestra.storage.ContractFixtures.T0;
import static dev.orchestra.storage.ContractFixtures.item;
import static dev.orchestra.storage.ContractFixtures.memoryDoc;
import static dev.orchestra.storage.ContractFixtures.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.ScoredMemoryItem;
import dev.orchestra.storage.model.SemanticQuery;
import dev.orchestra.storage.model.SemanticSearchResult;
import dev.orchestra.storage.model.SessionChanges;
import dev.orchestra.storage.model.StoreCollection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.junit.jupiter.api.Test;

/**
 * Similar items and following a session, on every store (in-memory, MongoDB, tiered): the semantic search ranks like
 * an independently computed cosine and counts what it skipped; {@link SessionTail} is offered (through decorators
 * too) and reports additions, edits and deletions.
 */
public interface SimilarityAndFollowContract {
    MemoryManager manager();

    /** Cosine similarity written out here, not the library's, so the two can disagree. */
    private static double cosine(List<Double> a, List<Double> b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.size(); i++) {
            dot += a.get(i) * b.get(i);
            na += a.get(i) * a.get(i);
            nb += b.get(i) * b.get(i);
        }
        return dot / Math.sqrt(na * nb);
    }

    private static List<Double> randomVector(Random random, int dimension) {
        List<Double> v = new ArrayList<>(dimension);
        for (int i = 0; i < dimension; i++) {
            v.add(random.nextGaussian());
        }
        return v;
    }

    @Test
    default void semanticSearchRanksGeneratedVectorsInTheOrderOfAnIndependentCosine() {
        Random random = new Random(16);
        int dimension = 32;
        List<Double> query = randomVector(random, dimension);
        List<String> expected = new ArrayList<>();
        List<double[]> scored = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            List<Double> v = randomVector(random, dimension);
            manager().addMemoryItem(item("sim-user", "s" + (i % 3), "note", "item " + i, T0.plusSeconds(i))
                    .withEmbedding(v));
            scored.add(new double[] {i, cosine(query, v)});
        }
        for (int i = 0; i < 7; i++) {
            manager().addMemoryItem(item("sim-user", "s", "note", "short " + i, T0).withEmbedding(
                    randomVector(random, 8)));
        }
        manager().addMemoryItem(item("sim-user", "s", "note", "no vector", T0));
        manager().addMemoryItem(item("other-user", "s", "note", "not mine", T0).withEmbedding(query));
        scored.sort(Comparator.comparingDouble((double[] s) -> s[1]).reversed());
        scored.stream().limit(10).forEach(s -> expected.add("item " + (int) s[0]));

        SemanticSearchResult result = manager().semanticSearch(new SemanticQuery("sim-user", query, null, 10));

        assertThat(result.hits()).extracting(h -> h.item().textContent()).containsExactlyElementsOf(expected);
        for (int i = 0; i < 10; i++) {
            assertThat(result.hits().get(i).score()).isCloseTo(scored.get(i)[1], Offset.offset(1e-9));
        }
        assertThat(result.dimension()).isEqualTo(dimension);
        assertThat(result.compared()).isEqualTo(120);
        assertThat(result.skippedOtherDimension()).isEqualTo(7);
        // Orchestra's four-argument call returns the same hits.
        assertThat(manager().semanticSearch("sim-user", query, null, 10)).extracting(ScoredMemoryItem::item)
                .extracting(MemoryItem::textContent).containsExactlyElementsOf(expected);
    }

    @Test
    default void semanticSearchCountsOtherDimensionsAndUnscorableEmbeddingsPerPersona() {
        manager().addMemoryItem(item("u9", "s", "note", "a", T0).withEmbedding(vector(1, 0, 0)).withPersona("p"));
        manager().addMemoryItem(item("u9", "s", "note", "b", T0).withEmbedding(vector(1, 0)).withPersona("p"));
        manager().addMemoryItem(item("u9", "s", "note", "c", T0).withEmbedding(vector(0, 0, 0)).withPersona("p"));
        manager().addMemoryItem(item("u9", "s", "note", "d", T0).withEmbedding(vector(1, 1)).withPersona("q"));

        SemanticSearchResult p = manager().semanticSearch(new SemanticQuery("u9", vector(1, 0, 0), "p", 5));

        assertThat(p.hits()).extracting(h -> h.item().textContent()).containsExactly("a");
        assertThat(p.compared()).isEqualTo(1);
        assertThat(p.skippedOtherDimension()).isEqualTo(1);
        assertThat(p.skippedUnusable()).isEqualTo(1);
        assertThat(p.examined()).isEqualTo(3);
        assertThatThrownBy(() -> manager().semanticSearch(new SemanticQuery("u9", vector(1, 0, 0), null, 0)))
                .isInstanceOf(StorageValidationException.class).hasMessageContaining("topK");
    }

    @Test
    default void followingASessionReportsItsItemsThenAdditionsEditsAndDeletions() {
        manager().insert(StoreCollection.MEMORY_ITEMS, memoryDoc("f1", "fu", "fs", T0, "conversation", "one"));
        manager().insert(StoreCollection.MEMORY_ITEMS, memoryDoc("f2", "fu", "fs", T0.plusSeconds(1),
                "conversation", "two"));
        manager().insert(StoreCollection.MEMORY_ITEMS, memoryDoc("x1", "fu", "other", T0, "conversation", "x"));
        SessionTail tail = manager().capability(SessionTail.class).orElseThrow();

        try (SessionFeed feed = tail.follow("fu", "fs", 50)) {
            SessionChanges first = feed.poll();
            assertThat(first.complete()).isTrue();
            assertThat(first.completeAfter()).isNull();
            assertThat(texts(first.upserted())).containsExactly("one", "two");
            assertThat(feed.poll().isEmpty()).isTrue();

            manager().insert(StoreCollection.MEMORY_ITEMS, memoryDoc("f3", "fu", "fs", T0.plusSeconds(2),
                    "conversation", "three"));
            BsonDocument one = manager().findById(StoreCollection.MEMORY_ITEMS, new BsonString("f1")).orElseThrow();
            manager().replace(StoreCollection.MEMORY_ITEMS, one,
                    one.clone().append("text_content", new BsonString("one, edited")));
            manager().delete(StoreCollection.MEMORY_ITEMS, new BsonString("f2"));
            manager().insert(StoreCollection.MEMORY_ITEMS, memoryDoc("x2", "fu", "other", T0, "conversation", "y"));

            SessionChanges changes = feed.poll();
            assertThat(texts(changes.upserted())).containsExactlyInAnyOrder("one, edited", "three");
            assertThat(changes.removed()).containsExactly(new BsonString("f2"));
        }
    }

    @Test
    default void anItemPushedOutOfTheWindowByNewerOnesIsNotADeletion() {
        for (int i = 0; i < 3; i++) {
            manager().insert(StoreCollection.MEMORY_ITEMS, memoryDoc("w" + i, "wu", "ws", T0.plusSeconds(i),
                    "conversation", "m" + i));
        }
        try (SessionFeed feed = manager().capability(SessionTail.class).orElseThrow().follow("wu", "ws", 2)) {
            SessionChanges first = feed.poll();
            assertThat(texts(first.upserted())).containsExactly("m1", "m2");
            assertThat(first.completeAfter()).isEqualTo(T0.plusSeconds(1));
            manager().insert(StoreCollection.MEMORY_ITEMS, memoryDoc("w3", "wu", "ws", T0.plusSeconds(3),
                    "conversation", "m3"));

            SessionChanges next = feed.poll();
            assertThat(texts(next.upserted())).containsExactly("m3");
            assertThat(next.removed()).isEmpty();
        }
        assertThatThrownBy(() -> manager().capability(SessionTail.class).orElseThrow().follow("wu", "ws", 0))
                .isInstanceOf(StorageValidationException.class);
    }

    private static List<String> texts(List<BsonDocument> documents) {
        return documents.stream().map(d -> {
            BsonValue t = d.get("text_content");
            return t.isString() ? t.asString().getValue() : null;
        }).toList();
    }
}
