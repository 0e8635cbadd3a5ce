package dev.orchestra.storage.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.SemanticQuery;
import dev.orchestra.storage.model.SemanticSearchResult;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.junit.jupiter.api.Test;

class SemanticRankingTest {
    private static BsonArray array(double... values) {
        BsonArray a = new BsonArray();
        for (double v : values) {
            a.add(new BsonDouble(v));
        }
        return a;
    }

    @Test
    void keepsOnlyTheBestTopKOfManyAndTiesKeepTheOrderTheyWereRead() {
        SemanticRanking<Integer> ranking = new SemanticRanking<>(new SemanticQuery("u", List.of(1.0, 0.0), null, 3));
        for (int i = 0; i < 10_000; i++) {
            double angle = (i % 1000) / 1000.0 * Math.PI; // i = 0, 1000, 2000 … all score 1.0
            ranking.offer(array(Math.cos(angle), Math.sin(angle)), i);
        }

        assertThat(ranking.ranked()).containsExactly(0, 1000, 2000);
    }

    @Test
    void countsOtherDimensionsApartFromValuesThatCannotBeScored() {
        SemanticRanking<String> ranking = new SemanticRanking<>(new SemanticQuery("u", List.of(1.0, 2.0), null, 5));
        ranking.offer(array(1, 2), "same");
        ranking.offer(array(1, 2, 3), "three");
        ranking.offer(array(1), "one");
        ranking.offer(new BsonArray(List.of(new BsonString("x"), new BsonInt32(1))), "text inside");
        ranking.offer(array(0, 0), "zero");
        ranking.offer(new BsonString("not an array"), "string");
        ranking.offer(null, "missing");

        SemanticSearchResult result = ranking.result(name -> MemoryItem.of("u", null, "note", name));

        assertThat(result.hits()).extracting(h -> h.item().textContent()).containsExactly("same");
        assertThat(result.compared()).isEqualTo(1);
        assertThat(result.skippedOtherDimension()).isEqualTo(2);
        assertThat(result.skippedUnusable()).isEqualTo(4);
        assertThat(result.dimension()).isEqualTo(2);
    }

    @Test
    void aCandidateDeletedBeforeLoadingIsLeftOut() {
        SemanticRanking<BsonValue> ranking = new SemanticRanking<>(new SemanticQuery("u", List.of(1.0), null, 5));
        ranking.offer(array(1), new BsonString("kept"));
        ranking.offer(array(-1), new BsonString("gone"));

        SemanticSearchResult result = ranking.result(id -> id.asString().getValue().equals("gone") ? null
                : MemoryItem.of("u", null, "note", id.asString().getValue()));

        assertThat(result.hits()).extracting(h -> h.item().textContent()).containsExactly("kept");
        assertThat(result.compared()).isEqualTo(2);
    }

    @Test
    void refusesATopKBelowOneAndABadVector() {
        assertThatThrownBy(() -> new SemanticRanking<>(new SemanticQuery("u", List.of(1.0), null, 0)))
                .isInstanceOf(StorageValidationException.class).hasMessageContaining("topK");
        assertThatThrownBy(() -> new SemanticRanking<>(new SemanticQuery("u", List.of(Double.NaN), null, 1)))
                .isInstanceOf(StorageValidationException.class).hasMessageContaining("finite");
    }
}
